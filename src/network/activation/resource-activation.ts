// TMF702 resource activation against the simulated network. The v4 Resource_Create has no `id` and
// no field for "the resource to configure", so a POST names its TMF639 resource the way the spec's
// ResourceRelationship describes ("targets"):
//   { "resourceRelationship": [{ "relationshipType": "targets", "resource": { "id": "res-inst-ont-hwtc-a1b2", "href": "…" } }],
//     "resourceCharacteristic": [{ "name": "ponPort", "value": "res-inst-olt-port-04-12" }] }
// and its resourceCharacteristic carries the configuration (activators.ts lists each kind's parameters).
// Inside the POST's transaction the network is configured, TMF639 records its view (with events), the
// operation is logged as a TMF702 monitor, and the answer is 201 with the TMF702 resource: unlocked, the
// TMF639 states, the configuration applied and its results (ontId, ipv4Address, sessionId…) as
// characteristics. A refusal (404 unknown resource, 409 not reserved or already active, 400 bad
// parameters) rolls everything back. PATCH administrativeState locked (or DELETE) takes the
// configuration off the network, TMF639 usage back to idle; PATCH unlocked puts it back. A TMF702
// resource that targets nothing configures nothing: it is kept as sent, as the generic API does.

import { isDeepStrictEqual } from 'node:util';
import type { Doc, Store } from '../../store/port.js';
import { TmfError } from '../../tmf/errors.js';
import { hrefOf, patchInTx, targetOf, type BehaviourEnv, type ResourceBehaviour } from '../../tmf/resource-service.js';
import { characteristicsOf } from '../inventory-model.js';
import { RESOURCE_TARGET } from '../pools.js';
import { activators, inventoryResource, type Activator, type Config, type NetworkChange, type ParameterValue } from './activators.js';
import { runOperation } from './monitor.js';

/** The relationshipType by which a TMF702 resource names the TMF639 resource it configures. */
export const TARGETS = 'targets';

/** administrativeState of an activation: unlocked while configured on the network, locked once taken off it. */
export const ActivationStates = { unlocked: 'unlocked', locked: 'locked' } as const;

const SPECIFICATION_TARGET = targetOf('TMF634', 'resourceSpecification');

// What the network decides on an activation; a PATCH changes the configuration only through administrativeState.
const NETWORK_OWNED = ['resourceRelationship', 'resourceCharacteristic', 'operationalState', 'usageState', 'resourceStatus'] as const;

/** Configures the targeted TMF639 resource on POST, takes it off on locked or DELETE, puts it back on unlocked. */
export const resourceActivationBehaviour: ResourceBehaviour = {
  async onCreate(tx, doc, env) {
    const targetId = targetIdOf(doc);
    if (targetId === undefined) return doc;
    const resource = await inventoryResource(tx, targetId, `the target of ${String(doc.id)}`);
    const activator = activatorOf(resource);
    const change = await activator.activate(tx, resource, requestedConfig(activator, doc, resource), env.ctx.network.network);
    return applied(tx, env, { ...doc, ...describedAs(env, doc, resource) }, targetId, change, ActivationStates.unlocked);
  },

  async onPatch(tx, current, next, env) {
    const targetId = targetIdOf(current);
    if (targetId === undefined) {
      if (targetIdOf(next) !== undefined) throw new TmfError('NOT_PATCHABLE', `a TMF702 resource configures the resource it targets when it is POSTed, not by PATCH`);
      return next;
    }
    for (const field of NETWORK_OWNED) {
      if (!isDeepStrictEqual(current[field], next[field])) {
        throw new TmfError('NOT_PATCHABLE', `${field} of activation ${String(current.id)} is the network's; PATCH administrativeState locked to take it off the network or unlocked to put it back`);
      }
    }
    if (next.administrativeState === current.administrativeState) return next;
    const resource = await inventoryResource(tx, targetId, `the target of ${String(current.id)}`);
    const activator = activatorOf(resource);
    const config = storedConfig(activator, current);
    switch (next.administrativeState) {
      case ActivationStates.locked:
        return applied(tx, env, next, targetId, await activator.deactivate(tx, resource, config, env.ctx.network.network), ActivationStates.locked);
      case ActivationStates.unlocked:
        return applied(tx, env, next, targetId, await activator.activate(tx, resource, config, env.ctx.network.network), ActivationStates.unlocked);
      default:
        throw new TmfError('INVALID_BODY', `administrativeState ${String(next.administrativeState)}: an activation is ${ActivationStates.unlocked} (configured) or ${ActivationStates.locked} (taken off the network)`);
    }
  },

  async onDelete(tx, current, env) {
    const targetId = targetIdOf(current);
    if (targetId === undefined || current.administrativeState === ActivationStates.locked) return;
    const resource = await inventoryResource(tx, targetId, `the target of ${String(current.id)}`);
    const activator = activatorOf(resource);
    await apply(tx, env, String(current.href), await activator.deactivate(tx, resource, storedConfig(activator, current), env.ctx.network.network));
  },
};

function targetIdOf(doc: Doc): string | undefined {
  const relationships = Array.isArray(doc.resourceRelationship) ? (doc.resourceRelationship as Doc[]) : [];
  const targets = relationships.filter((r) => r.relationshipType === TARGETS);
  if (targets.length > 1) throw new TmfError('INVALID_BODY', `resourceRelationship names ${targets.length} resources with relationshipType ${TARGETS}; an activation configures one`);
  const id = (targets[0]?.resource as Doc | undefined)?.id;
  return id === undefined ? undefined : String(id);
}

function activatorOf(resource: Doc): Activator {
  const category = String(resource.category);
  if (!Object.hasOwn(activators, category)) {
    throw new TmfError('INVALID_BODY', `${String(resource.name)} (${String(resource.id)}) is a ${category}; TMF702 configures the per-subscriber resources: ${Object.keys(activators).join(', ')}`);
  }
  return activators[category]!;
}

// The request's resourceCharacteristic read as the activator's parameters: unknown names, wrong
// types, values outside the allowed list and missing required ones are refused with a 400.
function requestedConfig(activator: Activator, doc: Doc, resource: Doc): Config {
  const kind = `a ${String(resource.category)} activation`;
  const accepted = Object.keys(activator.parameters);
  const config: Record<string, ParameterValue> = {};
  for (const { name, value } of characteristicsIn(doc)) {
    const spec = Object.hasOwn(activator.parameters, name) ? activator.parameters[name] : undefined;
    if (!spec) throw new TmfError('INVALID_BODY', `resourceCharacteristic ${name} is not a parameter of ${kind}; parameters: ${accepted.join(', ') || 'none'}`);
    if (Object.hasOwn(config, name)) throw new TmfError('INVALID_BODY', `resourceCharacteristic ${name} is given twice`);
    if (typeof value !== spec.type) throw new TmfError('INVALID_BODY', `resourceCharacteristic ${name} must be a ${spec.type}`);
    if (spec.values && !spec.values.includes(value as ParameterValue)) {
      throw new TmfError('INVALID_BODY', `resourceCharacteristic ${name} ${String(value)} is not one of ${spec.values.join(', ')}`);
    }
    config[name] = value as ParameterValue;
  }
  const missing = accepted.filter((name) => activator.parameters[name]!.required && !Object.hasOwn(config, name));
  if (missing.length) throw new TmfError('INVALID_BODY', `${kind} needs resourceCharacteristic ${missing.join(', ')}`);
  return config;
}

// The configuration an activation was applied with: its characteristics that are parameters (the rest are results).
function storedConfig(activator: Activator, doc: Doc): Config {
  return Object.fromEntries(
    characteristicsIn(doc)
      .filter(({ name }) => Object.hasOwn(activator.parameters, name))
      .map(({ name, value }) => [name, value as ParameterValue]),
  );
}

function characteristicsIn(doc: Doc): { name: string; value: unknown }[] {
  const list = Array.isArray(doc.resourceCharacteristic) ? (doc.resourceCharacteristic as Doc[]) : [];
  return list.map((c) => ({ name: String(c.name), value: c.value }));
}

// What the TMF702 resource says about the resource it configures, unless the client said it: its
// name, category and specification, and a full reference to it.
function describedAs(env: BehaviourEnv, doc: Doc, resource: Doc): Doc {
  const id = String(resource.id);
  const others = (doc.resourceRelationship as Doc[]).filter((r) => r.relationshipType !== TARGETS);
  return {
    name: doc.name ?? resource.name,
    category: doc.category ?? resource.category,
    resourceSpecification: doc.resourceSpecification ?? specificationRef(env, resource),
    resourceRelationship: [
      { relationshipType: TARGETS, resource: { id, href: hrefOf(env.ctx, RESOURCE_TARGET, id), name: resource.name, '@referredType': resource['@type'] } },
      ...others,
    ],
  };
}

// TMF702's ResourceSpecificationRef requires an href; a resource a client stored without one gets it here.
function specificationRef(env: BehaviourEnv, resource: Doc): Doc | undefined {
  const ref = resource.resourceSpecification as Doc | undefined;
  return ref && { ...ref, href: ref.href ?? hrefOf(env.ctx, SPECIFICATION_TARGET, String(ref.id)) };
}

async function apply(tx: Store, env: BehaviourEnv, sourceHref: string, change: NetworkChange): Promise<void> {
  await runOperation(tx, env, sourceHref, change.operation, async () => {
    for (const { id, patch } of change.patches) await patchInTx(tx, env.ctx, RESOURCE_TARGET, id, patch, env.meta);
  });
}

// Makes the change and answers the TMF702 resource as the network now sees it: the TMF639 states, the
// configuration, and while configured the results of the operation.
async function applied(tx: Store, env: BehaviourEnv, doc: Doc, targetId: string, change: NetworkChange, administrativeState: string): Promise<Doc> {
  await apply(tx, env, String(doc.href), change);
  const resource = await inventoryResource(tx, targetId, `the target of ${String(doc.id)}`);
  const configured = administrativeState === ActivationStates.unlocked;
  const { endOperatingDate: _ended, ...rest } = doc;
  return {
    ...rest,
    administrativeState,
    operationalState: resource.operationalState,
    usageState: resource.usageState,
    resourceStatus: resource.resourceStatus,
    resourceCharacteristic: characteristicsOf({ ...change.config, ...(configured ? change.operation.result : {}) }),
    ...(configured ? { startOperatingDate: env.at } : { endOperatingDate: env.at }),
  };
}
