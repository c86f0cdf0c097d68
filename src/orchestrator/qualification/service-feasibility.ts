// Gates 2 and 3, technical (TMF645 checkServiceQualification), cheapest check first and stopping at the
// first that fails: is the address in the footprint of the asked access technology (a drop route to
// it, a port of that technology feeding its splitter: TECH-000, TECH-003), and is its drop free rather
// than already carrying a line in service (TECH-005: a second provision would clash with it at
// reservation; the line in service is changed or ceased instead). An item that names an existing
// TMF638 service by id asks about a change of that line: the drop it runs on does not count against
// it. Then, on the serving route,
// PON port capacity as TMF639 shows it now (TECH-001), the computed optical budget against the port's
// optic class (TECH-002), and ONT stock in the technology's TMF685 pool (TECH-004).
// TMFC009 forbids allocation during SQ: this reads the plant (src/network/topology.ts, the
// serviceability data), live occupancy and stock, and names candidates without reserving anything.
// A TMF645 queryServiceQualification is answered from the same checks: it lists the services over each
// access technology that reaches the place as `reaches` decides it for the check's alternates (for a PON
// technology, every check above passes).

import { AccessTechnologies } from '../../catalog/data/ids.js';
import { characteristicsOf, characteristicValue, ResourceCategories, ResourceSpecs } from '../../network/inventory-model.js';
import { Technologies, type Technology } from '../../network/optical-budget.js';
import { poolsOfSpec } from '../../network/network-model.js';
import { availabilityOf, refTo, RESOURCE_TARGET } from '../../network/pools.js';
import { pathLegs, PathProblems, servingPath, UsageStates, type PathLeg } from '../../network/serving-path.js';
import { fspOf, portLabel } from '../../network/topology.js';
import type { Doc, Store } from '../../store/port.js';
import { TmfError } from '../../tmf/errors.js';
import { isPlainObject } from '../../tmf/merge-patch.js';
import { hrefOf, type BehaviourEnv } from '../../tmf/resource-service.js';
import {
  capitalised,
  itemResult,
  listed,
  overallResult,
  QualificationResults,
  reasonOf,
  TaskStates,
  type QualificationResult,
  type ReasonKey,
} from './reasons.js';
import { namedCustomer, objectsOf, readOfferings, requireDoc, Sources, type OfferingFacts } from './tmf-reads.js';

/** The facts a qualified item adds to `service.serviceCharacteristic`; the orchestrator builds the resource order from them. */
export const FeasibilityFacts = {
  accessTechnology: 'accessTechnology',
  olt: 'olt',
  frameSlotPort: 'frameSlotPort',
  splitter: 'splitter',
  dropRoute: 'dropRoute',
  pathLossDb: 'pathLossDb',
  classMaxDb: 'classMaxDb',
  opticClass: 'opticClass',
  sVlan: 'sVlan',
} as const;
export type FeasibilityFact = keyof typeof FeasibilityFacts;

type AccessTechnology = (typeof AccessTechnologies)[keyof typeof AccessTechnologies];

// How each catalog access technology is checked. PON runs over the simulated network. The network data
// models no copper plant, so VDSL2 is taken to reach every address in the city of a central office
// (where the DSLAMs sit): it is only ever proposed as an alternate, never qualified with resources.
const ACCESS: Readonly<Record<AccessTechnology, { pon: Technology } | { copper: true }>> = {
  [AccessTechnologies.GPON]: { pon: Technologies.gpon },
  [AccessTechnologies.XGSPON]: { pon: Technologies.xgsPon },
  [AccessTechnologies.VDSL2]: { copper: true },
};

const ONT_SPECS: Readonly<Record<Technology, string>> = {
  [Technologies.gpon]: ResourceSpecs.ontGpon.id,
  [Technologies.xgsPon]: ResourceSpecs.ontXgsPon.id,
};

// A failure the network could get round with another access technology gets alternate proposals;
// TECH-002 does not, because its remedy is on the serving route itself (re-route, stronger optic).
const PROPOSES_OTHER_ACCESS: readonly ReasonKey[] = ['outsideFootprint', 'technologyUnavailable', 'portCapacity', 'ontStock'];

/** The first failing check of one access technology at one address, or the route that passes them all. */
type Assessment =
  | { ok: true; leg: PathLeg }
  | { ok: false; reason: ReasonKey; technicalReason: string; remedies: string[] };

/** What every assessment of one request reads: each TMF639 PON port's live ONT count. */
interface Inventory {
  connectedOnts: Readonly<Record<string, number>>;
}

/** The result attributes of a CheckServiceQualification: each item answered, and the overall result. */
export async function qualifyServices(tx: Store, request: Doc, env: BehaviourEnv): Promise<Doc> {
  const items = objectsOf(request.serviceQualificationItem);
  if (!items.length) throw new TmfError('INVALID_BODY', 'serviceQualificationItem must list at least one item');
  const customer = await namedCustomer(tx, request.relatedParty);
  const offerings = (await readOfferings(tx))
    .filter((o) => !o.notOnSale && (!customer?.segment || o.segments.includes(customer.segment)))
    .sort((a, b) => (b.downloadSpeed ?? 0) - (a.downloadSpeed ?? 0));
  const context: RequestContext = { tx, env, request, offerings, inventory: await readInventory(tx) };
  const answered: { item: Doc; result: QualificationResult }[] = [];
  for (const [index, item] of items.entries()) answered.push(await answerItem(context, item, `serviceQualificationItem[${index}].service`));
  return {
    serviceQualificationItem: answered.map((a) => a.item),
    qualificationResult: overallResult(answered.map((a) => a.result)),
    effectiveQualificationDate: env.at,
  };
}

/**
 * The result attributes of a QueryServiceQualification: one item per service the network can deliver at
 * the searched place, fastest first, each a CFS of the catalog's sellable offerings over an access
 * technology that reaches it by the rule the check proposes alternates by; none where nothing reaches.
 * A serviceSpecification or accessTechnology in the criteria narrows the list. TMF645 gives the query's
 * items (ServiceQualificationItem) no result, state or reason: a service is listed or it is not.
 */
export async function queryServices(tx: Store, request: Doc, env: BehaviourEnv): Promise<Doc> {
  const at = 'searchCriteria.service';
  const criteria = isPlainObject(request.searchCriteria) ? request.searchCriteria : {};
  const service = isPlainObject(criteria.service) ? criteria.service : {};
  const address = await requireDoc(tx, Sources.address, installationAddressOf(service, at).id, `${at}.place`);
  const own = service.id === undefined ? new Set<string>() : await resourcesOfLine(tx, String(service.id), `${at}.id`);
  const searched = isPlainObject(service.serviceSpecification)
    ? String((await requireDoc(tx, Sources.serviceSpecification, service.serviceSpecification.id, `${at}.serviceSpecification`)).id)
    : undefined;
  const technology = searchedAccess(service, at);
  const offerings = (await readOfferings(tx)).filter((o) => !o.notOnSale).sort((a, b) => (b.downloadSpeed ?? 0) - (a.downloadSpeed ?? 0));
  const context: RequestContext = { tx, env, request, offerings, inventory: await readInventory(tx) };
  const reach = new Map<AccessTechnology, boolean>();
  const items: Doc[] = [];
  const listed = new Set<string>();
  for (const offering of offerings) {
    const access = Object.values(AccessTechnologies).find((t) => t === offering.accessTechnology);
    if (!access || (technology && access !== technology)) continue;
    for (const { id } of offering.serviceSpecification) {
      const key = `${String(id)} ${access}`;
      if ((searched && id !== searched) || listed.has(key)) continue;
      listed.add(key);
      if (!reach.has(access)) reach.set(access, await reaches(context, address, access, own));
      if (!reach.get(access)) continue;
      const spec = await requireDoc(tx, Sources.serviceSpecification, id, `the catalog's offering ${offering.id}`);
      items.push({
        id: String(items.length + 1),
        service: {
          serviceSpecification: { id: spec.id, href: hrefOf(env.ctx, Sources.serviceSpecification, String(spec.id)), name: spec.name, version: spec.version, '@referredType': spec['@type'] },
          serviceCharacteristic: characteristicsOf({ [FeasibilityFacts.accessTechnology]: access }),
          ...(service.place !== undefined && { place: service.place }),
        },
      });
    }
  }
  return { serviceQualificationItem: items, effectiveQualificationDate: env.at };
}

/** What answering the items of one request shares. */
interface RequestContext {
  tx: Store;
  env: BehaviourEnv;
  request: Doc;
  /** Sellable offerings (of the customer's segment when one is named), fastest first. */
  offerings: readonly OfferingFacts[];
  inventory: Inventory;
}

async function answerItem(context: RequestContext, item: Doc, at: string): Promise<{ item: Doc; result: QualificationResult }> {
  const { request } = context;
  const service = isPlainObject(item.service) ? item.service : {};
  const address = await requireDoc(context.tx, Sources.address, installationAddressOf(service, at).id, `${at}.place`);
  const asked = requestedAccess(service, at);
  const own = service.id === undefined ? new Set<string>() : await resourcesOfLine(context.tx, String(service.id), `${at}.id`);
  const assessment = await assess(context, address, asked.technology, own);
  if (assessment.ok) {
    const result = QualificationResults.qualified;
    const supporting = await supportingOf(context.tx, assessment.leg);
    return { result, item: { ...item, state: TaskStates.done, qualificationResult: result, service: qualifiedService(service, asked.access, assessment.leg, supporting) } };
  }
  const reason = reasonOf(assessment.reason, assessment.technicalReason, capitalised(listed(assessment.remedies)));
  const proposals = request.provideAlternative === true && PROPOSES_OTHER_ACCESS.includes(assessment.reason)
    ? await alternates(context, address, asked.access, service, own)
    : [];
  const result = itemResult([reason], proposals);
  return {
    result,
    item: {
      ...item,
      state: TaskStates.done,
      qualificationResult: result,
      service,
      ...(request.provideUnavailabilityReason !== false && { eligibilityUnavailabilityReason: [reason] }),
      ...(proposals.length > 0 && { alternateServiceProposal: proposals }),
    },
  };
}

async function readInventory(tx: Store): Promise<Inventory> {
  const { api, resource } = RESOURCE_TARGET;
  const ports = (await tx.listResources({ api: api.id, resource: resource.name, attributes: { category: ResourceCategories.ponPort } })).map((r) => r.doc);
  return {
    connectedOnts: Object.fromEntries(ports.map((port) => [String(port.id), Number(characteristicValue(port, 'connectedOnts'))])),
  };
}

// The route's PON port and built drop as TMF639 holds them (those it holds).
async function supportingOf(tx: Store, leg: PathLeg): Promise<Doc[]> {
  const { api, resource } = RESOURCE_TARGET;
  const supporting: Doc[] = [];
  for (const id of [leg.port.resourceId, leg.drop.resourceId]) {
    const record = id ? await tx.getResource(api.id, resource.name, id) : undefined;
    if (record) supporting.push(record.doc);
  }
  return supporting;
}

function installationAddressOf(service: Doc, at: string): Doc {
  const places = objectsOf(service.place);
  const place = places.find((p) => p.role === 'installationAddress') ?? places[0];
  if (!place) throw new TmfError('INVALID_BODY', `${at}.place must name the installationAddress (a TMF673 GeographicAddress id)`);
  return place;
}

// The characteristic may be spelt as the catalog does (XGSPON) or as the network does (XGS-PON).
function accessCharacteristic(service: Doc): { value: unknown; access: AccessTechnology | undefined } {
  const value = objectsOf(service.serviceCharacteristic).find((c) => c.name === FeasibilityFacts.accessTechnology)?.value;
  const spelt = typeof value === 'string' ? value.toUpperCase().replace(/[^A-Z0-9]/g, '') : '';
  return { value, access: Object.values(AccessTechnologies).find((t) => t === spelt) };
}

function requestedAccess(service: Doc, at: string): { access: AccessTechnology; technology: Technology } {
  const { value, access } = accessCharacteristic(service);
  const check = access ? ACCESS[access] : undefined;
  if (!access || !check || !('pon' in check)) {
    const checkable = Object.values(AccessTechnologies).filter((t) => 'pon' in ACCESS[t]);
    throw new TmfError('INVALID_BODY', `${at}.serviceCharacteristic accessTechnology must be one the network can check: ${checkable.join(', ')} (got ${JSON.stringify(value)})`);
  }
  return { access, technology: check.pon };
}

// The access technology a query searches for, if it names one: any of the catalog's.
function searchedAccess(service: Doc, at: string): AccessTechnology | undefined {
  const { value, access } = accessCharacteristic(service);
  if (value === undefined || access) return access;
  throw new TmfError('INVALID_BODY', `${at}.serviceCharacteristic accessTechnology must be one of ${Object.values(AccessTechnologies).join(', ')} (got ${JSON.stringify(value)})`);
}

async function assess({ tx, env, inventory }: RequestContext, address: Doc, technology: Technology, own: ReadonlySet<string>): Promise<Assessment> {
  const addressId = String(address.id);
  const { network } = env.ctx.network;
  const path = servingPath(addressId, { network, technology, connectedOnts: inventory.connectedOnts });
  if (path.kind === 'outsideFootprint') {
    return {
      ok: false,
      reason: 'outsideFootprint',
      technicalReason: `No drop route of the fibre network reaches ${addressId} (${String(address.name)}).`,
      remedies: [`register interest in a fibre build at ${String(address.name)}`],
    };
  }
  if (path.kind === 'technologyUnavailable') {
    const legs = pathLegs(addressId, { network, connectedOnts: inventory.connectedOnts });
    const technologies = [...new Set(legs.map((leg) => leg.port.technology))];
    return {
      ok: false,
      reason: 'technologyUnavailable',
      technicalReason: `${addressId} is reached through ${listed([...new Set(legs.map((leg) => leg.splitter.id))], 'and')}, which no ${technology} port feeds (${listed(technologies, 'and')} only).`,
      remedies: [`qualify ${listed(technologies)} instead`, `register interest in ${technology} at ${String(address.name)}`],
    };
  }
  const served = await dropInService(tx, addressId, env, own);
  if (served) {
    return {
      ok: false,
      reason: 'premisesInService',
      technicalReason: `${String(served.name)} (${String(served.id)}) to ${addressId} is ${UsageStates.active}: the premises already has a line in service.`,
      remedies: [`change the line in service at ${String(address.name)} (a modify order)`, 'cease it before ordering a new one'],
    };
  }
  const { serving, alternatives } = path;
  if (path.problems.includes(PathProblems.portFull)) {
    const freeOnSplitter = pathLegs(addressId, { network, technology, connectedOnts: inventory.connectedOnts })
      .filter((leg) => leg.splitter.id === serving.splitter.id && leg.port.technology === technology && leg.usage.free > 0).length;
    return {
      ok: false,
      reason: 'portCapacity',
      technicalReason:
        `${serving.olt.id} PON port ${fspOf(serving.port)} at ${serving.usage.connectedOnts}/${serving.usage.capacity} ONT capacity. ` +
        `${freeOnSplitter || 'No'} available ${technology} port${freeOnSplitter === 1 ? '' : 's'} on splitter ${serving.splitter.id}.`,
      remedies: [
        ...alternatives.map((alt) => {
          const usage = `${alt.usage.connectedOnts}/${alt.usage.capacity} ONTs`;
          return alt.olt.id === serving.olt.id
            ? `re-route via ${alt.splitter.id} to ${portLabel(alt.port)} (${usage})`
            : `assign to adjacent ${alt.olt.id} (${alt.port.technology} ${fspOf(alt.port)} via ${alt.splitter.id}, ${usage})`;
        }),
        `waitlist for a free slot on ${portLabel(serving.port)}`,
      ],
    };
  }
  if (path.problems.includes(PathProblems.overBudget)) {
    const { budget, splitter, feeder, drop, port } = serving;
    return {
      ok: false,
      reason: 'opticalBudget',
      technicalReason:
        `Estimated path loss ${budget.lossDb.toFixed(1)} dB exceeds maximum allowed ${budget.maxDb.toFixed(1)} dB for class ${port.opticClass} optics on ${portLabel(port)}: ` +
        `${splitter.ratio} split at ${splitter.id}, ${feeder.lengthM / 1000} km feeder, ${drop.lengthM} m ${drop.fibreType} drop.`,
      remedies: [
        ...alternatives.map((alt) => `re-route via ${alt.splitter.id} (${alt.budget.lossDb.toFixed(1)} dB on ${portLabel(alt.port)})`),
        ...(path.opticUpgrade ? [`fit a ${path.opticUpgrade.to} optic (${path.opticUpgrade.maxDb.toFixed(1)} dB max) on ${portLabel(port)}`] : []),
        'add a PON reach extender',
      ],
    };
  }
  const [pool] = poolsOfSpec(env.ctx.network, ONT_SPECS[technology]);
  if (!pool) throw new Error(`network data: no ONT stock pool for ${technology}`);
  const stock = await availabilityOf(tx, env, pool, 1);
  if (stock.available < 1) {
    return {
      ok: false,
      reason: 'ontStock',
      technicalReason: `${pool.id} has ${stock.available} of ${stock.total} ${technology} ONTs available.`,
      remedies: [`replenish ${pool.id}`, `waitlist for a ${technology} ONT`],
    };
  }
  return { ok: true, leg: serving };
}

// A built drop to the address that TMF639 shows in service, if any, other than those of `own`.
async function dropInService(tx: Store, addressId: string, env: BehaviourEnv, own: ReadonlySet<string>): Promise<Doc | undefined> {
  const { api, resource } = RESOURCE_TARGET;
  for (const drop of env.ctx.network.network.drops) {
    if (drop.addressId !== addressId || !drop.resourceId || own.has(drop.resourceId)) continue;
    const record = await tx.getResource(api.id, resource.name, drop.resourceId);
    if (record?.doc.usageState === UsageStates.active) return record.doc;
  }
  return undefined;
}

// The TMF639 resources the TMF638 service `id` runs on, down its supportingService tree; 400 when
// TMF638 has no such service.
async function resourcesOfLine(tx: Store, id: string, at: string): Promise<Set<string>> {
  const resources = new Set<string>();
  const visit = async (serviceId: string) => {
    const record = await tx.getResource('TMF638', 'service', serviceId);
    if (!record) throw new TmfError('INVALID_BODY', `${at} names service ${serviceId}, which TMF638 does not hold`);
    for (const ref of objectsOf(record.doc.supportingResource)) resources.add(String(ref.id));
    for (const ref of objectsOf(record.doc.supportingService)) await visit(String(ref.id));
  };
  await visit(id);
  return resources;
}

// The catalog's offerings of another access technology that reaches the address, fastest first, each as
// a TMF645 AlternateServiceProposal naming its offering in relatedEntity.
async function alternates(context: RequestContext, address: Doc, asked: AccessTechnology, service: Doc, own: ReadonlySet<string>): Promise<Doc[]> {
  const proposals: Doc[] = [];
  for (const offering of context.offerings) {
    const access = Object.values(AccessTechnologies).find((t) => t === offering.accessTechnology);
    if (!access || access === asked || !(await reaches(context, address, access, own))) continue;
    const [specification] = offering.serviceSpecification;
    proposals.push({
      alternateService: {
        name: offering.name,
        ...(specification && { serviceSpecification: specification }),
        serviceCharacteristic: characteristicsOf({ [FeasibilityFacts.accessTechnology]: access, ...(offering.downloadSpeed !== undefined && { downloadSpeed: offering.downloadSpeed }) }),
        place: service.place,
        relatedEntity: [{ ...offering.ref, role: 'productOffering' }],
      },
    });
  }
  return proposals;
}

async function reaches(context: RequestContext, address: Doc, access: AccessTechnology, own: ReadonlySet<string>): Promise<boolean> {
  const check = ACCESS[access];
  if ('pon' in check) return (await assess(context, address, check.pon, own)).ok;
  return context.env.ctx.network.network.centralOffices.some((office) => office.city === address.city);
}

// The requested service with what was found: the facts as characteristics (replacing any of the same
// name) and the PON port and built drop as supportingResource, referenced, not reserved.
function qualifiedService(service: Doc, access: AccessTechnology, leg: PathLeg, supporting: readonly Doc[]): Doc {
  const facts: Record<FeasibilityFact, string | number> = {
    accessTechnology: access,
    olt: leg.olt.id,
    frameSlotPort: fspOf(leg.port),
    splitter: leg.splitter.id,
    dropRoute: leg.drop.id,
    pathLossDb: leg.budget.lossDb,
    classMaxDb: leg.budget.maxDb,
    opticClass: leg.port.opticClass,
    sVlan: leg.olt.sVlan,
  };
  const kept = objectsOf(service.serviceCharacteristic).filter((c) => !Object.hasOwn(facts, String(c.name)));
  return { ...service, serviceCharacteristic: [...kept, ...characteristicsOf(facts)], supportingResource: supporting.map((doc) => refTo(doc)) };
}
