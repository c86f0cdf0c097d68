// How each kind of per-subscriber resource is configured on the simulated network, and undone. An
// activator only reads: it checks the request against inventory (TMF639) and answers with the network
// change to make, as data: the configuration applied, the operation sent to the network element and
// what it answered, and the TMF639 patches that record the network's new view. resource-activation.ts
// applies the patches (with their events) and logs the operation as a TMF702 monitor.

import type { Doc, Store } from '../../store/port.js';
import { TmfError } from '../../tmf/errors.js';
import {
  characteristicsOf,
  characteristicValue,
  ResourceCategories,
  ResourceStatuses,
  type CharacteristicValue,
} from '../inventory-model.js';
import type { Technology } from '../optical-budget.js';
import { RESOURCE_TARGET } from '../pools.js';
import { usageStateOf, UsageStates } from '../serving-path.js';
import type { Network } from '../topology.js';
import { AccessTypes, LineProfiles, OntIdRange, Protocols, RateProfiles } from './network-config.js';

/** One parameter value of an activation (a TMF702 resourceCharacteristic value). */
export type ParameterValue = string | number;

/** The configuration of one activation, by parameter name. */
export type Config = Readonly<Record<string, ParameterValue>>;

/** A parameter an activation reads from the request's `resourceCharacteristic`. */
export interface ParameterSpec {
  type: 'string' | 'number';
  required?: boolean;
  values?: readonly ParameterValue[];
}

/** One command to one network element and what it answered: what a TMF702 monitor records. */
export interface NetworkOperation {
  element: string;
  protocol: string;
  operation: string;
  parameters: Readonly<Record<string, CharacteristicValue>>;
  result: Readonly<Record<string, CharacteristicValue>>;
}

/** What applying or undoing an activation does: the configuration as applied, the operation, the TMF639 patches in order. */
export interface NetworkChange {
  config: Config;
  operation: NetworkOperation;
  patches: readonly { id: string; patch: Doc }[];
}

/** Configures one kind of TMF639 resource on the network (activate) and takes the configuration off again (deactivate). */
export interface Activator {
  parameters: Readonly<Record<string, ParameterSpec>>;
  /** `network` is the plant the resource belongs to (its installed base is counted there). */
  activate(tx: Store, resource: Doc, requested: Config, network: Network): Promise<NetworkChange>;
  deactivate(tx: Store, resource: Doc, config: Config, network: Network): Promise<NetworkChange>;
}

/** One ONT registered on a PON port by Spine, as the port's `registeredOnts` characteristic lists it. */
type Registration = { ontId: number; serialNumber: string; ont: string };

// The TMF639 characteristics each activation adds to its resource; deactivation removes them.
const ADDED = {
  ont: ['ontId', 'ponPort', 'lineProfile'],
  vlanPair: ['uplinkPort'],
  bngSession: ['rateProfile', 'ipv4Address', 'sessionId', 'sessionState'],
} as const;

const ont: Activator = {
  parameters: {
    ponPort: { type: 'string', required: true },
    serialNumber: { type: 'string' },
    lineProfile: { type: 'string', values: Object.values(LineProfiles) },
  },

  // Ranging: the ONT is registered by serial on its PON port with the lowest free ONT-ID, in a slot
  // its reservation already counted in the port's connectedOnts.
  async activate(tx, device, requested, network) {
    requireReservedAndIdle(device);
    const port = await requirePort(tx, String(requested.ponPort));
    const technology = String(characteristicValue(device, 'technology')) as Technology;
    const portTechnology = characteristicValue(port, 'technology');
    if (portTechnology !== technology) {
      throw new TmfError('CONFLICT', `${String(device.name)} (${String(device.id)}) is ${technology} and cannot range on ${String(port.name)}, a ${String(portTechnology)} port`);
    }
    const serialNumber = String(device.serialNumber);
    mustMatch('serialNumber', requested.serialNumber, serialNumber, `the serial of ${String(device.id)}`);
    const lineProfile = LineProfiles[technology];
    mustMatch('lineProfile', requested.lineProfile, lineProfile, `the line profile of ${technology} ONTs`);
    const registered = registrationsOf(port);
    const installed = installedBaseOf(network, port);
    const connected = Number(characteristicValue(port, 'connectedOnts'));
    if (connected - installed - registered.length < 1) {
      throw new TmfError(
        'CONFLICT',
        `${String(port.name)} (${String(port.id)}) has no reserved ONT slot left: ${connected} ONTs counted, ${installed} installed base, ${registered.length} registered by activation`,
      );
    }
    const ontId = lowestFree(OntIdRange.from + installed, OntIdRange.to, registered.map((r) => r.ontId));
    if (ontId === undefined) throw new TmfError('CONFLICT', `${String(port.name)} (${String(port.id)}) has no free ONT-ID`);
    const registration: Registration = { ontId, serialNumber, ont: String(device.id) };
    const olt = String(characteristicValue(port, 'olt'));
    const frameSlotPort = String(characteristicValue(port, 'frameSlotPort'));
    return {
      config: { ponPort: String(port.id), serialNumber, lineProfile },
      operation: {
        element: olt, protocol: Protocols.netconf, operation: 'ont.add',
        parameters: { frameSlotPort, ontId, serialNumber, lineProfile, authentication: 'serial number' },
        result: { ontId, olt, frameSlotPort, runState: 'online' },
      },
      patches: [
        { id: String(port.id), patch: { resourceCharacteristic: setCharacteristics(port, { registeredOnts: [...registered, registration] }) } },
        {
          id: String(device.id),
          patch: { operationalState: 'enable', usageState: UsageStates.active, resourceCharacteristic: setCharacteristics(device, { ontId, ponPort: String(port.id), lineProfile }) },
        },
      ],
    };
  },

  async deactivate(tx, device, config) {
    const port = await requirePort(tx, String(config.ponPort));
    const registered = registrationsOf(port);
    const ontId = Number(characteristicValue(device, 'ontId'));
    return {
      config,
      operation: {
        element: String(characteristicValue(port, 'olt')), protocol: Protocols.netconf, operation: 'ont.delete',
        parameters: { frameSlotPort: String(characteristicValue(port, 'frameSlotPort')), ontId, serialNumber: String(config.serialNumber) },
        result: { runState: 'deregistered' },
      },
      patches: [
        {
          id: String(port.id),
          patch: { resourceCharacteristic: setCharacteristics(port, { registeredOnts: registered.filter((r) => r.ont !== device.id) }) },
        },
        { id: String(device.id), patch: { usageState: UsageStates.idle, resourceCharacteristic: setCharacteristics(device, {}, ADDED.ont) } },
      ],
    };
  },
};

const vlanPair: Activator = {
  parameters: { sVlan: { type: 'number' }, cVlan: { type: 'number' } },

  // QinQ 1:1: the subscriber's C-VLAN inside its OLT's S-VLAN, configured towards the OLT's uplink.
  async activate(_tx, pair, requested, network) {
    requireReservedAndIdle(pair);
    const sVlan = Number(characteristicValue(pair, 'sVlan'));
    const cVlan = Number(characteristicValue(pair, 'cVlan'));
    mustMatch('sVlan', requested.sVlan, sVlan, `the S-VLAN of ${String(pair.id)}`);
    mustMatch('cVlan', requested.cVlan, cVlan, `the C-VLAN of ${String(pair.id)}`);
    const olt = String(characteristicValue(pair, 'olt'));
    const uplinkPort = network.olts.find((o) => o.id === olt)?.uplinkPort;
    if (!uplinkPort) throw new TmfError('CONFLICT', `${olt} has no uplink to carry ${String(pair.name)}`);
    return {
      config: { sVlan, cVlan },
      operation: {
        element: olt, protocol: Protocols.netconf, operation: 'qinq.add',
        parameters: { sVlan, cVlan, uplinkPort, tagging: 'QinQ 1:1 (BBF TR-101)' },
        result: { olt, uplinkPort },
      },
      patches: [{ id: String(pair.id), patch: { usageState: UsageStates.active, resourceCharacteristic: setCharacteristics(pair, { uplinkPort }) } }],
    };
  },

  async deactivate(_tx, pair, config) {
    return {
      config,
      operation: {
        element: String(characteristicValue(pair, 'olt')), protocol: Protocols.netconf, operation: 'qinq.delete',
        parameters: { sVlan: config.sVlan, cVlan: config.cVlan, uplinkPort: String(characteristicValue(pair, 'uplinkPort')) },
        result: { removed: true },
      },
      patches: [{ id: String(pair.id), patch: { usageState: UsageStates.idle, resourceCharacteristic: setCharacteristics(pair, {}, ADDED.vlanPair) } }],
    };
  },
};

const bngSession: Activator = {
  parameters: {
    rateProfile: { type: 'string', required: true, values: RateProfiles },
    accessType: { type: 'string', values: AccessTypes },
  },

  // The subscriber's RADIUS profile carries the rate; the session comes up with the lowest free address of the BNG's range.
  async activate(tx, session, requested, network) {
    requireReservedAndIdle(session);
    const bng = String(characteristicValue(session, 'bng'));
    const range = network.bngs.find((b) => b.id === bng)?.addressRange;
    if (!range) throw new TmfError('CONFLICT', `${bng} has no address range for new sessions`);
    const taken = (await sessionsOf(tx, bng)).map((s) => String(characteristicValue(s, 'ipv4Address')));
    const host = lowestFree(range.first, range.last, taken.filter((ip) => ip.startsWith(range.prefix)).map((ip) => Number(ip.slice(range.prefix.length))));
    if (host === undefined) throw new TmfError('CONFLICT', `${bng} has no free IPv4 address in ${range.prefix}${range.first}–${range.last}`);
    const ipv4Address = `${range.prefix}${host}`;
    const sessionIndex = Number(characteristicValue(session, 'sessionIndex'));
    const sessionId = `${bng}:${sessionIndex}`;
    const accessType = String(requested.accessType ?? AccessTypes[0]);
    const rateProfile = String(requested.rateProfile);
    return {
      config: { rateProfile, accessType },
      operation: {
        element: bng, protocol: Protocols.radius, operation: 'session.up',
        parameters: { sessionIndex, accessType, rateProfile },
        result: { bng, sessionId, ipv4Address, defaultGateway: range.gateway, sessionState: 'up' },
      },
      patches: [{
        id: String(session.id),
        patch: { usageState: UsageStates.active, resourceCharacteristic: setCharacteristics(session, { rateProfile, ipv4Address, sessionId, sessionState: 'up' }) },
      }],
    };
  },

  async deactivate(_tx, session, config) {
    return {
      config,
      operation: {
        element: String(characteristicValue(session, 'bng')), protocol: Protocols.radius, operation: 'session.down',
        parameters: { sessionId: String(characteristicValue(session, 'sessionId')), ipv4Address: String(characteristicValue(session, 'ipv4Address')) },
        result: { sessionState: 'down' },
      },
      patches: [{ id: String(session.id), patch: { usageState: UsageStates.idle, resourceCharacteristic: setCharacteristics(session, {}, ADDED.bngSession) } }],
    };
  },
};

const fibreDrop: Activator = {
  parameters: {},

  // A passive fibre: bringing it into service is a loss check of the whole path against the port's optic.
  async activate(_tx, drop, _requested) {
    requireReservedAndIdle(drop);
    const lossDb = characteristicValue(drop, 'estimatedPathLossDb');
    const maxLossDb = characteristicValue(drop, 'maxLossDb');
    if (typeof lossDb === 'number' && typeof maxLossDb === 'number' && lossDb > maxLossDb) {
      throw new TmfError('CONFLICT', `${String(drop.name)} (${String(drop.id)}): the path loses ${lossDb} dB, more than the ${maxLossDb} dB its optic allows`);
    }
    const splitter = String(characteristicValue(drop, 'splitter'));
    return {
      config: {},
      operation: {
        element: splitter, protocol: Protocols.otdr, operation: 'drop.verify',
        parameters: { drop: String(drop.name), lengthM: Number(characteristicValue(drop, 'lengthM')) },
        result: definedOnly({ splitter, servingPort: characteristicValue(drop, 'servingPort'), estimatedPathLossDb: lossDb, maxLossDb }),
      },
      patches: [{ id: String(drop.id), patch: { usageState: UsageStates.active } }],
    };
  },

  async deactivate(_tx, drop, config) {
    return {
      config,
      operation: {
        element: String(characteristicValue(drop, 'splitter')), protocol: Protocols.otdr, operation: 'drop.release',
        parameters: { drop: String(drop.name) },
        result: { inService: false },
      },
      patches: [{ id: String(drop.id), patch: { usageState: UsageStates.idle } }],
    };
  },
};

const ponPort: Activator = {
  parameters: {},

  // Shared by many subscribers: activating it needs a slot reserved beyond its installed base, puts
  // it in service if it was not, and leaves its usage to its occupancy.
  async activate(_tx, port, _requested, network) {
    const connectedOnts = Number(characteristicValue(port, 'connectedOnts'));
    const capacity = Number(characteristicValue(port, 'capacity'));
    const installed = installedBaseOf(network, port);
    if (connectedOnts <= installed) {
      throw new TmfError(
        'CONFLICT',
        `${String(port.name)} (${String(port.id)}) holds no reservation: its ${connectedOnts} of ${capacity} ONTs are all installed base; reserve a slot through TMF685 first`,
      );
    }
    const olt = String(characteristicValue(port, 'olt'));
    const frameSlotPort = String(characteristicValue(port, 'frameSlotPort'));
    return {
      config: {},
      operation: {
        element: olt, protocol: Protocols.netconf, operation: 'port.enable',
        parameters: { frameSlotPort },
        result: { olt, frameSlotPort, connectedOnts, capacity },
      },
      patches: [{
        id: String(port.id),
        patch: { administrativeState: 'unlocked', operationalState: 'enable', usageState: usageStateOf(connectedOnts, capacity) },
      }],
    };
  },

  // Other subscribers keep using the port: only its usage is brought back in line with its occupancy.
  async deactivate(_tx, port, config) {
    const connectedOnts = Number(characteristicValue(port, 'connectedOnts'));
    return {
      config,
      operation: {
        element: String(characteristicValue(port, 'olt')), protocol: Protocols.netconf, operation: 'port.release',
        parameters: { frameSlotPort: String(characteristicValue(port, 'frameSlotPort')) },
        result: { connectedOnts },
      },
      patches: [{ id: String(port.id), patch: { usageState: usageStateOf(connectedOnts, Number(characteristicValue(port, 'capacity'))) } }],
    };
  },
};

/** The activator of each TMF639 `category` that TMF702 configures: the five per-subscriber resources. */
export const activators: Readonly<Record<string, Activator>> = {
  [ResourceCategories.ont]: ont,
  [ResourceCategories.vlanPair]: vlanPair,
  [ResourceCategories.bngSession]: bngSession,
  [ResourceCategories.fibreDrop]: fibreDrop,
  [ResourceCategories.ponPort]: ponPort,
};

/** A TMF639 resource, or 404 naming what referred to it. */
export async function inventoryResource(tx: Store, id: string, referredBy: string): Promise<Doc> {
  const record = await tx.getResource(RESOURCE_TARGET.api.id, RESOURCE_TARGET.resource.name, id);
  if (!record) throw new TmfError('NOT_FOUND', `resource ${id} (${referredBy}) does not exist in resource inventory (TMF639)`);
  return record.doc;
}

function requireReservedAndIdle(resource: Doc): void {
  const label = `${String(resource.name)} (${String(resource.id)})`;
  if (resource.resourceStatus !== ResourceStatuses.reserved) {
    throw new TmfError('CONFLICT', `${label} is ${String(resource.resourceStatus)}, not reserved: reserve it through TMF685 before activating it`);
  }
  if (resource.usageState !== UsageStates.idle) {
    throw new TmfError('CONFLICT', `${label} is already ${String(resource.usageState)}: deactivate it before activating it again`);
  }
}

async function requirePort(tx: Store, id: string): Promise<Doc> {
  const port = await inventoryResource(tx, id, 'ponPort');
  if (port.category !== ResourceCategories.ponPort) throw new TmfError('INVALID_BODY', `ponPort ${id} is a ${String(port.category)}, not a PON port`);
  return port;
}

function mustMatch(name: string, requested: ParameterValue | undefined, actual: ParameterValue, what: string): void {
  if (requested !== undefined && requested !== actual) {
    throw new TmfError('INVALID_BODY', `${name} ${String(requested)} is not ${what} (${String(actual)})`);
  }
}

function registrationsOf(port: Doc): Registration[] {
  const value = characteristicValue(port, 'registeredOnts');
  return Array.isArray(value) ? (value as Registration[]) : [];
}

// The installed base's ONTs hold the port's lowest ONT-IDs; it is counted in the data, not listed.
function installedBaseOf(network: Network, port: Doc): number {
  return network.ponPorts.find((p) => p.resourceId === port.id)?.connectedOnts ?? 0;
}

async function sessionsOf(tx: Store, bng: string): Promise<Doc[]> {
  const records = await tx.listResources({ api: RESOURCE_TARGET.api.id, resource: RESOURCE_TARGET.resource.name, attributes: { category: ResourceCategories.bngSession } });
  return records.map((r) => r.doc).filter((doc) => characteristicValue(doc, 'bng') === bng);
}

function lowestFree(from: number, to: number, taken: readonly number[]): number | undefined {
  // A BNG's sessions are one per subscriber: a set, so the search stays linear in them.
  const used = new Set(taken);
  for (let n = from; n <= to; n++) if (!used.has(n)) return n;
  return undefined;
}

// The characteristics of `doc` with `values` set (replaced in place or appended) and `removed` dropped:
// a whole array, as merge-patch replaces arrays.
function setCharacteristics(doc: Doc, values: Readonly<Record<string, CharacteristicValue>>, removed: readonly string[] = []): Doc[] {
  const current = (Array.isArray(doc.resourceCharacteristic) ? (doc.resourceCharacteristic as Doc[]) : []).filter((c) => !removed.includes(String(c.name)));
  const names = new Set(current.map((c) => String(c.name)));
  const kept = current.map((c) => (Object.hasOwn(values, String(c.name)) ? { ...c, value: values[String(c.name)] } : c));
  const added = Object.fromEntries(Object.entries(values).filter(([name]) => !names.has(name)));
  return [...kept, ...characteristicsOf(added)];
}

function definedOnly(values: Readonly<Record<string, unknown>>): Record<string, CharacteristicValue> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Record<string, CharacteristicValue>;
}
