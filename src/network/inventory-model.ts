// How the network data appears in TM Forum inventory: each element as a TMF639 Resource (the four
// v4 state attributes, characteristics, specification ref, relationships) and each capacity as a
// TMF685 ResourcePool. Pure builders; load-network.ts and the reservation behaviour store them.

import { ResourceSpecIds } from '../catalog/data/ids.js';
import type { Doc } from '../store/port.js';
import { hrefOf, targetOf, type TmfContext } from '../tmf/resource-service.js';
import { LossFigures, OpticClasses, Technologies } from './optical-budget.js';
import { pathLegs, usageStateOf, UsageStates, type UsageState } from './serving-path.js';
import { fspOf, OntModels, portLabel, type Bng, type DropRoute, type Network, type Olt, type Ont, type PonPort, type Splitter } from './topology.js';

/** The TMF634 resource specifications (the catalog's ids) that each kind of network element realises. */
export const ResourceSpecs = {
  olt: { id: ResourceSpecIds.olt, name: 'Optical line terminal' },
  ponPortGpon: { id: ResourceSpecIds.gponPort, name: 'OLT PON port (GPON)' },
  ponPortXgsPon: { id: ResourceSpecIds.xgsponPort, name: 'OLT PON port (XGS-PON)' },
  splitter: { id: ResourceSpecIds.splitter, name: 'Passive optical splitter' },
  fibreDrop: { id: ResourceSpecIds.fibreDrop, name: 'Fibre drop' },
  ontGpon: { id: ResourceSpecIds.ontGpon, name: 'ONT (GPON)' },
  ontXgsPon: { id: ResourceSpecIds.ontXgspon, name: 'ONT (XGS-PON)' },
  sVlan: { id: ResourceSpecIds.sVlan, name: 'S-VLAN' },
  vlanPair: { id: ResourceSpecIds.vlanPair, name: 'VLAN pair (S-VLAN/C-VLAN)' },
  bng: { id: ResourceSpecIds.bng, name: 'Broadband network gateway' },
  bngSession: { id: ResourceSpecIds.bngSession, name: 'BNG subscriber session' },
} as const;
export type ResourceSpec = (typeof ResourceSpecs)[keyof typeof ResourceSpecs];

/** TMF639 `category` of each kind of network resource, for `?category=` filters. */
export const ResourceCategories = {
  olt: 'olt', ponPort: 'ponPort', splitter: 'splitter', fibreDrop: 'fibreDrop', ont: 'ont',
  sVlan: 'sVlan', vlanPair: 'vlanPair', bng: 'bng', bngSession: 'bngSession',
} as const;

/** TMF639 v4 `resourceStatus` values the network uses: in working order and free, or held by a reservation. */
export const ResourceStatuses = { available: 'available', reserved: 'reserved' } as const;
export type ResourceStatus = (typeof ResourceStatuses)[keyof typeof ResourceStatuses];

/** Resources a reservation item may name without a pool (they are not pooled, and held whole). */
export const DirectlyReservableSpecs: readonly string[] = [ResourceSpecs.fibreDrop.id];

/** The three ways a pool keeps count (see `PoolDef`). */
export const PoolKinds = { port: 'port', stock: 'stock', numbered: 'numbered' } as const;

/** What a numbered pool hands out, which decides the TMF639 resource it creates per number. */
export const NumberedResources = { sVlan: 'sVlan', vlanPair: 'vlanPair', bngSession: 'bngSession' } as const;
export type NumberedResource = (typeof NumberedResources)[keyof typeof NumberedResources];

interface PoolBase {
  id: string;
  description: string;
  spec: ResourceSpec;
  unit: string;
}

/**
 * A TMF685 pool and how it counts:
 * - `port`: ONT slots of one PON port; the port's `connectedOnts` characteristic is the count;
 * - `stock`: a set of existing resources (ONTs), each free while its resourceStatus is available;
 * - `numbered`: numbers of a range (VLAN ids, BNG session indexes); the installed base holds the first
 *   `baseInUse`, the pool's `resource` list holds the ones handed out since, each a TMF639 resource.
 */
export type PoolDef =
  | (PoolBase & { kind: typeof PoolKinds.port; portId: string })
  | (PoolBase & { kind: typeof PoolKinds.stock; memberIds: readonly string[] })
  | (PoolBase & {
      kind: typeof PoolKinds.numbered;
      resource: NumberedResource;
      from: number;
      to: number;
      baseInUse: number;
      /** Numbers already held when the network is loaded (S-VLANs of the OLTs). */
      initiallyHeld: readonly number[];
      sVlan?: number;
      ownerId: string;
    });

/** The capacity lines of a pool, told apart by their `capacitySpec` id. */
export const CapacitySpecs = {
  total: { id: 'cap-spec-total', name: 'total' },
  inUse: { id: 'cap-spec-in-use', name: 'inUse' },
  available: { id: 'cap-spec-available', name: 'available' },
} as const;

/** The base URL the hrefs of the references between network entities are made under. */
export type HrefBase = Pick<TmfContext, 'baseUrl'>;

/** Where the entities the network documents refer to are served, for the hrefs of those references. */
export const NetworkTargets = {
  resource: targetOf('TMF639', 'resource'),
  resourceSpecification: targetOf('TMF634', 'resourceSpecification'),
  geographicAddress: targetOf('TMF673', 'geographicAddress'),
  resourcePool: targetOf('TMF685', 'resourcePool'),
};

/** A TMF639 characteristic value as the network data carries it. */
export type CharacteristicValue = string | number | boolean | readonly Doc[];

/** Every pool of the network: one per PON port, ONT stock per technology, S-VLANs, C-VLANs per S-VLAN, BNG sessions. */
export function networkPools(network: Network): PoolDef[] {
  const installedBase = network.ponPorts.reduce((sum, p) => sum + p.connectedOnts, 0);
  return [
    ...network.ponPorts.map((port): PoolDef => ({
      kind: PoolKinds.port, id: portPoolId(port), portId: port.resourceId, unit: 'ONT',
      spec: portSpec(port), description: `ONT slots of PON port ${portLabel(port)}`,
    })),
    ...[Technologies.gpon, Technologies.xgsPon].map((technology): PoolDef => ({
      kind: PoolKinds.stock, id: `pool-ont-stock-${technology.replace('-', '').toLowerCase()}`, unit: 'ONT',
      spec: technology === Technologies.gpon ? ResourceSpecs.ontGpon : ResourceSpecs.ontXgsPon,
      description: `${technology} ONTs in stock`,
      memberIds: network.onts.filter((o) => OntModels[o.model].technology === technology).map((o) => o.resourceId),
    })),
    {
      kind: PoolKinds.numbered, resource: NumberedResources.sVlan, id: 'pool-svlan-east-tor', unit: 'VLAN',
      spec: ResourceSpecs.sVlan, description: 'S-VLANs of east Toronto, one per OLT',
      ...network.vlanPlan.sVlan, baseInUse: 0, initiallyHeld: network.olts.map((o) => o.sVlan), ownerId: 'CO-EAST-TOR',
    },
    ...network.olts.map((olt): PoolDef => ({
      kind: PoolKinds.numbered, resource: NumberedResources.vlanPair, id: `pool-cvlan-svlan-${olt.sVlan}`, unit: 'VLAN',
      spec: ResourceSpecs.vlanPair, description: `C-VLANs for new subscribers under S-VLAN ${olt.sVlan} (${olt.id})`,
      ...network.vlanPlan.cVlan, baseInUse: 0, initiallyHeld: [], sVlan: olt.sVlan, ownerId: olt.id,
    })),
    ...network.bngs.map((bng): PoolDef => ({
      kind: PoolKinds.numbered, resource: NumberedResources.bngSession, id: `pool-${bng.id.toLowerCase()}-sessions`, unit: 'session',
      spec: ResourceSpecs.bngSession, description: `Subscriber sessions of ${bng.id}`,
      // Every ONT of the installed base holds one session.
      from: 1, to: bng.sessionCapacity, baseInUse: installedBase, initiallyHeld: [], ownerId: bng.id,
    })),
  ];
}

/** The id of the pool of a PON port's ONT slots, e.g. `pool-olt-port-04-12`. */
export function portPoolId(port: Pick<PonPort, 'resourceId'>): string {
  return `pool-${port.resourceId.replace(/^res-inst-/, '')}`;
}

/** The TMF639 id of the resource a numbered pool creates for number `n`, e.g. `res-inst-vlan-pair-100-2042`. */
export function numberedResourceId(pool: Extract<PoolDef, { kind: 'numbered' }>, n: number): string {
  switch (pool.resource) {
    case NumberedResources.sVlan: return `res-inst-svlan-${n}`;
    case NumberedResources.vlanPair: return `res-inst-vlan-pair-${pool.sVlan}-${n}`;
    case NumberedResources.bngSession: return `res-inst-${pool.ownerId.toLowerCase()}-session-${n}`;
  }
}

/** The TMF639 resource for number `n` of a numbered pool, available (a reservation then reserves it). */
export function numberedResourceDoc(network: Network, pool: Extract<PoolDef, { kind: 'numbered' }>, n: number, base: HrefBase): Doc {
  const id = numberedResourceId(pool, n);
  switch (pool.resource) {
    case NumberedResources.sVlan: {
      const olt = network.olts.find((o) => o.sVlan === n);
      return logical(id, `S-VLAN ${n}`, ResourceCategories.sVlan, ResourceSpecs.sVlan, String(n), {
        usageState: olt && oltUsage(network, olt) !== UsageStates.idle ? UsageStates.active : UsageStates.idle,
        characteristics: { sVlan: n, ...(olt && { olt: olt.id }) },
        relationships: olt ? [{ type: 'isAssignedTo', id: olt.resourceId, referredType: 'PhysicalResource' }] : [],
      }, base);
    }
    case NumberedResources.vlanPair:
      return logical(id, `S-VLAN ${pool.sVlan} / C-VLAN ${n}`, ResourceCategories.vlanPair, ResourceSpecs.vlanPair, `${pool.sVlan}/${n}`, {
        usageState: UsageStates.idle,
        characteristics: { sVlan: pool.sVlan ?? 0, cVlan: n, olt: pool.ownerId, vlanModel: 'QinQ 1:1 (BBF TR-101)' },
        relationships: [{ type: 'isContainedIn', id: `res-inst-svlan-${pool.sVlan}`, referredType: 'LogicalResource' }],
      }, base);
    case NumberedResources.bngSession: {
      const bng = network.bngs.find((b) => b.id === pool.ownerId);
      return logical(id, `${pool.ownerId} session ${n}`, ResourceCategories.bngSession, ResourceSpecs.bngSession, String(n), {
        usageState: UsageStates.idle,
        characteristics: { bng: pool.ownerId, sessionIndex: n, sessionType: 'IPoE' },
        relationships: bng ? [{ type: 'isContainedIn', id: bng.resourceId, referredType: 'PhysicalResource' }] : [],
      }, base);
    }
  }
}

/** Every TMF639 resource of the network as loaded: OLTs, PON ports, splitters, built drops, ONT stock, S-VLANs, BNGs. */
export function networkResources(network: Network, base: HrefBase): Doc[] {
  const sVlanPool = networkPools(network).find((p) => p.kind === PoolKinds.numbered && p.resource === NumberedResources.sVlan);
  return [
    ...network.olts.map((olt) => oltDoc(network, olt, base)),
    ...network.ponPorts.map((port) => portDoc(network, port, base)),
    ...network.splitters.map((splitter) => splitterDoc(network, splitter, base)),
    ...network.drops.filter((drop) => drop.resourceId).map((drop) => dropDoc(network, drop, base)),
    ...network.onts.map((ont) => ontDoc(ont, base)),
    ...(sVlanPool?.kind === PoolKinds.numbered
      ? sVlanPool.initiallyHeld.map((n) => numberedResourceDoc(network, sVlanPool, n, base))
      : []),
    ...network.bngs.map((bng) => bngDoc(network, bng, base)),
  ];
}

/** How many units a pool holds in all: port capacity, ONTs in the stock set, or the size of the number range. */
export function poolTotal(network: Network, pool: PoolDef): number {
  switch (pool.kind) {
    case PoolKinds.port: return network.ponPorts.find((p) => p.resourceId === pool.portId)?.capacity ?? 0;
    case PoolKinds.stock: return pool.memberIds.length;
    case PoolKinds.numbered: return pool.to - pool.from + 1;
  }
}

/** The TMF685 ResourcePool document of a pool with `inUse` units taken and `resource` refs listed. */
export function poolDoc(network: Network, pool: PoolDef, inUse: number, resource: readonly Doc[], base: HrefBase): Doc {
  const total = poolTotal(network, pool);
  const line = (spec: (typeof CapacitySpecs)[keyof typeof CapacitySpecs], amount: number, range: Doc = {}) => ({
    '@type': 'Capacity',
    plannedOrActualCapacity: 'actual',
    capacitySpec: { ...spec, '@referredType': 'CapacitySpecification' },
    capacityAmount: { capacityAmount: `${amount} ${pool.unit}`, ...range },
  });
  const range = pool.kind === PoolKinds.numbered
    ? { capacityAmountFrom: String(pool.from), capacityAmountTo: String(pool.to), rangeInterval: 'closed' }
    : {};
  return {
    id: pool.id,
    '@type': 'ResourcePool',
    description: pool.description,
    resourceSpecification: specRef(base, pool.spec),
    capacity: [line(CapacitySpecs.total, total, range), line(CapacitySpecs.inUse, inUse), line(CapacitySpecs.available, total - inUse)],
    resource,
  };
}

/** A ResourceSpecificationRef to one of `ResourceSpecs`. */
export function specRef(base: HrefBase, spec: ResourceSpec): Doc {
  return { id: spec.id, href: hrefOf(base, NetworkTargets.resourceSpecification, spec.id), name: spec.name, '@referredType': 'ResourceSpecification' };
}

/** The spec of a PON port's technology. */
export function portSpec(port: Pick<PonPort, 'technology'>): ResourceSpec {
  return port.technology === Technologies.gpon ? ResourceSpecs.ponPortGpon : ResourceSpecs.ponPortXgsPon;
}

/** TMF639 characteristics from plain name/value pairs. */
export function characteristicsOf(values: Readonly<Record<string, CharacteristicValue>>): Doc[] {
  return Object.entries(values).map(([name, value]) => ({ name, valueType: Array.isArray(value) ? 'array' : typeof value, value }));
}

/** The value of a resource's characteristic, if it has it. */
export function characteristicValue(doc: Doc, name: string): unknown {
  const characteristics = Array.isArray(doc.resourceCharacteristic) ? (doc.resourceCharacteristic as Doc[]) : [];
  return characteristics.find((c) => c.name === name)?.value;
}

/** A resource's characteristics with some values replaced (a whole array, as merge-patch needs it). */
export function withCharacteristics(doc: Doc, values: Readonly<Record<string, CharacteristicValue>>): Doc[] {
  const characteristics = Array.isArray(doc.resourceCharacteristic) ? (doc.resourceCharacteristic as Doc[]) : [];
  return characteristics.map((c) => (typeof c.name === 'string' && c.name in values ? { ...c, value: values[c.name] } : c));
}

function oltDoc(network: Network, olt: Olt, base: HrefBase): Doc {
  const ports = network.ponPorts.filter((p) => p.oltId === olt.id);
  return physical(olt.resourceId, olt.id, ResourceCategories.olt, ResourceSpecs.olt, {
    // The load-time view of the chassis; reservations track capacity on the ports themselves.
    usageState: oltUsage(network, olt),
    characteristics: {
      vendor: olt.vendor, model: olt.model, centralOffice: olt.centralOfficeId, sVlan: olt.sVlan,
      boards: olt.boards.map((b) => ({ frameSlot: `${b.frame}/${b.slot}`, technology: b.technology, portCount: b.portCount })),
      ponPorts: ports.length,
    },
    place: { id: olt.centralOfficeId, role: 'installationSite', '@referredType': 'GeographicSite' },
  }, base);
}

function portDoc(network: Network, port: PonPort, base: HrefBase): Doc {
  const olt = network.olts.find((o) => o.id === port.oltId);
  return physical(port.resourceId, portLabel(port), ResourceCategories.ponPort, portSpec(port), {
    usageState: usageStateOf(port.connectedOnts, port.capacity),
    characteristics: {
      olt: port.oltId, frameSlotPort: fspOf(port), frame: port.frame, slot: port.slot, port: port.port,
      technology: port.technology, opticClass: port.opticClass, maxLossDb: OpticClasses[port.opticClass].maxDb,
      capacity: port.capacity, connectedOnts: port.connectedOnts, sVlan: olt?.sVlan ?? 0,
    },
    relationships: olt ? [{ type: 'isContainedIn', id: olt.resourceId, referredType: 'PhysicalResource' }] : [],
  }, base);
}

function splitterDoc(network: Network, splitter: Splitter, base: HrefBase): Doc {
  const ports = splitter.feeders.map((f) => network.ponPorts.find((p) => p.resourceId === f.portId)).filter((p): p is PonPort => !!p);
  const outputs = Number(splitter.ratio.split(':')[1]);
  return physical(splitter.resourceId, splitter.id, ResourceCategories.splitter, ResourceSpecs.splitter, {
    // Passive: its load-time usage is the subscribers of the ports lighting it, against its outputs.
    usageState: usageStateOf(ports.reduce((sum, p) => sum + p.connectedOnts, 0), outputs),
    characteristics: {
      splitRatio: splitter.ratio, insertionLossDb: LossFigures.splitterDb[splitter.ratio], location: splitter.location,
      feeders: splitter.feeders.map((f) => {
        const port = ports.find((p) => p.resourceId === f.portId);
        return { port: port ? portLabel(port) : f.portId, lengthM: f.lengthM, fibreType: f.fibreType, coexistenceElement: f.coexistenceElement };
      }),
    },
    relationships: splitter.feeders.map((f) => ({ type: 'isFedBy', id: f.portId, referredType: 'PhysicalResource' })),
  }, base);
}

function dropDoc(network: Network, drop: DropRoute, base: HrefBase): Doc {
  const splitter = network.splitters.find((s) => s.id === drop.splitterId);
  const leg = pathLegs(drop.addressId, { network }).find((l) => l.drop.id === drop.id && l.port.technology === Technologies.gpon);
  return physical(drop.resourceId ?? drop.id, drop.id, ResourceCategories.fibreDrop, ResourceSpecs.fibreDrop, {
    usageState: UsageStates.idle,
    characteristics: {
      lengthM: drop.lengthM, fibreType: drop.fibreType, connectors: drop.connectors, splices: drop.splices,
      splitter: drop.splitterId, address: drop.addressId,
      ...(leg && { estimatedPathLossDb: leg.budget.lossDb, maxLossDb: leg.budget.maxDb, servingPort: leg.label }),
    },
    relationships: splitter ? [{ type: 'isConnectedTo', id: splitter.resourceId, referredType: 'PhysicalResource' }] : [],
    place: { id: drop.addressId, href: hrefOf(base, NetworkTargets.geographicAddress, drop.addressId), role: 'servedPremises', '@referredType': 'GeographicAddress' },
  }, base);
}

function ontDoc(ont: Ont, base: HrefBase): Doc {
  const model = OntModels[ont.model];
  return physical(ont.resourceId, `ONT ${ont.serial}`, ResourceCategories.ont, model.technology === Technologies.gpon ? ResourceSpecs.ontGpon : ResourceSpecs.ontXgsPon, {
    usageState: UsageStates.idle,
    serialNumber: ont.serial,
    characteristics: { serialNumber: ont.serial, vendor: model.vendor, model: ont.model, technology: model.technology },
    place: { id: ont.stockLocation, role: 'stockLocation', '@referredType': 'GeographicSite' },
  }, base);
}

function bngDoc(network: Network, bng: Bng, base: HrefBase): Doc {
  const sessions = network.ponPorts.reduce((sum, p) => sum + p.connectedOnts, 0);
  return physical(bng.resourceId, bng.id, ResourceCategories.bng, ResourceSpecs.bng, {
    usageState: usageStateOf(sessions, bng.sessionCapacity),
    characteristics: { model: bng.model, sessionCapacity: bng.sessionCapacity, centralOffice: bng.centralOfficeId },
    place: { id: bng.centralOfficeId, role: 'installationSite', '@referredType': 'GeographicSite' },
  }, base);
}

function oltUsage(network: Network, olt: Olt): UsageState {
  const ports = network.ponPorts.filter((p) => p.oltId === olt.id);
  return usageStateOf(ports.reduce((s, p) => s + p.connectedOnts, 0), ports.reduce((s, p) => s + p.capacity, 0));
}

interface ResourceParts {
  usageState: UsageState;
  resourceStatus?: ResourceStatus;
  serialNumber?: string;
  characteristics: Readonly<Record<string, CharacteristicValue>>;
  relationships?: readonly { type: string; id: string; referredType: string }[];
  place?: Doc;
}

function physical(id: string, name: string, category: string, spec: ResourceSpec, parts: ResourceParts, base: HrefBase): Doc {
  return resourceDoc(id, name, 'PhysicalResource', category, spec, parts, base);
}

function logical(id: string, name: string, category: string, spec: ResourceSpec, value: string, parts: ResourceParts, base: HrefBase): Doc {
  return { ...resourceDoc(id, name, 'LogicalResource', category, spec, parts, base), value };
}

function resourceDoc(id: string, name: string, type: string, category: string, spec: ResourceSpec, parts: ResourceParts, base: HrefBase): Doc {
  return {
    id,
    '@type': type,
    name,
    category,
    ...(parts.serialNumber && { serialNumber: parts.serialNumber }),
    resourceSpecification: specRef(base, spec),
    administrativeState: 'unlocked',
    operationalState: 'enable',
    usageState: parts.usageState,
    resourceStatus: parts.resourceStatus ?? ResourceStatuses.available,
    resourceCharacteristic: characteristicsOf(parts.characteristics),
    ...(parts.relationships && parts.relationships.length > 0 && {
      resourceRelationship: parts.relationships.map((r) => ({
        relationshipType: r.type,
        resource: { id: r.id, href: hrefOf(base, NetworkTargets.resource, r.id), '@referredType': r.referredType },
      })),
    }),
    ...(parts.place && { place: parts.place }),
  };
}
