// The simulated GPON network of east Toronto as data: central office, OLTs with their boards and PON
// ports, splitters and the feeders that light them, drops to premises, ONT stock, VLAN plan and BNG.
// Every failure of the demo follows from these numbers (see serving-path.ts), none is scripted:
//   42 Maple Ave   → SPLIT-MAPLE-AVE-01 → OLT-EAST-TOR-001 GPON 1/4/12 (29/32, 24.236 dB of 28): qualifies;
//   15 Birch St    → SPLIT-BIRCH-ST-01  → OLT-EAST-TOR-001 GPON 1/4/11 (32/32): TECH-001, alternative
//                    SPLIT-BIRCH-ST-02 on OLT-EAST-TOR-002 GPON 1/2/3 (10/32);
//   97 Maple Ave   → SPLIT-DANFORTH-AVE-01 (1:64, 10.4 km feeder) → GPON 1/4/14: 31.203 dB of 28, TECH-002,
//                    remedy SPLIT-MAPLE-AVE-02 (24.017 dB) or a C+ optic;
//   8 Cedar Lane, Markham: no drop route at all, outside the footprint;
//   27 Bertmount Ave and 118 Logan Ave → SPLIT-MAPLE-AVE-02 → GPON 1/4/13 (12/32), with XGS-PON 1/5/4
//                    on the same splitter (an upgrade works there), and
//   21 Birch St    → SPLIT-BIRCH-ST-02 → OLT-EAST-TOR-002 GPON 1/2/3 (10/32), GPON only: qualify, the
//                    residential premises a journey turns to once 42 Maple Ave is in service.
// Address ids are TMF673 geographicAddress ids (src/scenarios/demo-data/addresses.ts).

import type { FibreType, OpticClass, SplitRatio, Technology } from './optical-budget.js';

/** A building that houses OLTs and the BNG. */
export interface CentralOffice {
  id: string;
  name: string;
  city: string;
}

/** A service board of an OLT: frame/slot and the PON technology of its ports. */
export interface OltBoard {
  frame: number;
  slot: number;
  technology: Technology;
  portCount: number;
}

/** An optical line terminal; its subscribers are QinQ-tagged with its S-VLAN (BBF TR-101 1:1 model). */
export interface Olt {
  id: string;
  resourceId: string;
  vendor: string;
  model: string;
  centralOfficeId: string;
  sVlan: number;
  boards: readonly OltBoard[];
  /** The network-facing port where the QinQ-tagged subscriber VLANs leave towards the BNG. */
  uplinkPort: string;
}

/**
 * A PON port, frame/slot/port on its OLT. `connectedOnts` is the installed base: subscribers already
 * on the port, counted rather than modelled as 32 customer journeys each.
 */
export interface PonPort {
  resourceId: string;
  oltId: string;
  frame: number;
  slot: number;
  port: number;
  technology: Technology;
  opticClass: OpticClass;
  capacity: number;
  connectedOnts: number;
}

/** The fibre from an OLT port to a splitter, with what it passes through on the way. */
export interface Feeder {
  portId: string;
  lengthM: number;
  fibreType: FibreType;
  connectors: number;
  splices: number;
  /** True when the port reaches the splitter through a WDM coexistence element (XGS-PON overlay). */
  coexistenceElement: boolean;
}

/** A passive optical splitter and the port(s) feeding it; an XGS-PON port may overlay a GPON one. */
export interface Splitter {
  id: string;
  resourceId: string;
  ratio: SplitRatio;
  location: string;
  feeders: readonly Feeder[];
}

/**
 * A drop route from a splitter to a premises. `resourceId` is set for drops that are built (they are
 * TMF639 resources); routes without one are planned, the re-routes a qualification can propose.
 */
export interface DropRoute {
  id: string;
  resourceId?: string;
  addressId: string;
  splitterId: string;
  lengthM: number;
  fibreType: FibreType;
  connectors: number;
  splices: number;
}

/** ONT models; under Huawei naming the second letter G is GPON and N is 10G-PON (TMF-DOMAIN.md §9). */
export const OntModels = {
  EG8145V5: { vendor: 'Huawei', technology: 'GPON' },
  HN8145XR: { vendor: 'Huawei', technology: 'XGS-PON' },
} as const satisfies Record<string, { vendor: string; technology: Technology }>;
export type OntModel = keyof typeof OntModels;

/** An ONT in the warehouse; serial = 4-letter vendor id + 8 hex digits (HWTC = Huawei). */
export interface Ont {
  serial: string;
  resourceId: string;
  model: OntModel;
  stockLocation: string;
}

/** A broadband network gateway terminating the subscribers' IPoE/PPPoE sessions. */
export interface Bng {
  id: string;
  resourceId: string;
  model: string;
  centralOfficeId: string;
  sessionCapacity: number;
  /**
   * The IPv4 addresses it hands to new subscribers' IPoE sessions, lowest free first. The installed
   * base's sessions use an older block that Spine does not model.
   */
  addressRange: BngAddressRange;
}

/** A block of IPv4 addresses: `prefix` + `first`..`last`, with the subscribers' default gateway. */
export interface BngAddressRange {
  prefix: string;
  first: number;
  last: number;
  gateway: string;
}

/** Ranges of the QinQ plan: S-VLANs (one per OLT) and the C-VLANs new subscribers get, per S-VLAN. */
export interface VlanPlan {
  sVlan: { from: number; to: number };
  /** The installed base's C-VLANs sit in a legacy block below `from`, outside what Spine hands out. */
  cVlan: { from: number; to: number };
}

/** The whole simulated access network. */
export interface Network {
  centralOffices: readonly CentralOffice[];
  olts: readonly Olt[];
  ponPorts: readonly PonPort[];
  splitters: readonly Splitter[];
  drops: readonly DropRoute[];
  onts: readonly Ont[];
  bngs: readonly Bng[];
  vlanPlan: VlanPlan;
  /** Installation crews working each shift of the calendar (workforce/calendar.ts's when absent). */
  installationCrews?: number;
}

/**
 * The demo network: two OLTs in one east-Toronto central office, six splitters, eight premises (five
 * that qualify), and a GPON ONT in stock for each premises that qualifies.
 */
export const demoNetwork: Network = {
  centralOffices: [{ id: 'CO-EAST-TOR', name: 'Toronto East central office', city: 'Toronto' }],
  olts: [
    {
      id: 'OLT-EAST-TOR-001', resourceId: 'res-inst-olt-east-tor-001', vendor: 'Huawei', model: 'MA5800-X7',
      centralOfficeId: 'CO-EAST-TOR', sVlan: 100, uplinkPort: '0/9/0',
      boards: [
        { frame: 1, slot: 4, technology: 'GPON', portCount: 16 },
        { frame: 1, slot: 5, technology: 'XGS-PON', portCount: 8 },
      ],
    },
    {
      id: 'OLT-EAST-TOR-002', resourceId: 'res-inst-olt-east-tor-002', vendor: 'Huawei', model: 'MA5800-X7',
      centralOfficeId: 'CO-EAST-TOR', sVlan: 101, uplinkPort: '0/9/0',
      boards: [
        { frame: 1, slot: 2, technology: 'GPON', portCount: 16 },
        { frame: 1, slot: 3, technology: 'XGS-PON', portCount: 8 },
      ],
    },
  ],
  ponPorts: [
    { resourceId: 'res-inst-olt-port-04-11', oltId: 'OLT-EAST-TOR-001', frame: 1, slot: 4, port: 11, technology: 'GPON', opticClass: 'B+', capacity: 32, connectedOnts: 32 },
    { resourceId: 'res-inst-olt-port-04-12', oltId: 'OLT-EAST-TOR-001', frame: 1, slot: 4, port: 12, technology: 'GPON', opticClass: 'B+', capacity: 32, connectedOnts: 29 },
    { resourceId: 'res-inst-olt-port-04-13', oltId: 'OLT-EAST-TOR-001', frame: 1, slot: 4, port: 13, technology: 'GPON', opticClass: 'B+', capacity: 32, connectedOnts: 12 },
    { resourceId: 'res-inst-olt-port-04-14', oltId: 'OLT-EAST-TOR-001', frame: 1, slot: 4, port: 14, technology: 'GPON', opticClass: 'B+', capacity: 32, connectedOnts: 20 },
    { resourceId: 'res-inst-olt-xgspon-05-04', oltId: 'OLT-EAST-TOR-001', frame: 1, slot: 5, port: 4, technology: 'XGS-PON', opticClass: 'N1', capacity: 32, connectedOnts: 2 },
    { resourceId: 'res-inst-olt2-port-02-02', oltId: 'OLT-EAST-TOR-002', frame: 1, slot: 2, port: 2, technology: 'GPON', opticClass: 'B+', capacity: 32, connectedOnts: 18 },
    { resourceId: 'res-inst-olt2-port-02-03', oltId: 'OLT-EAST-TOR-002', frame: 1, slot: 2, port: 3, technology: 'GPON', opticClass: 'B+', capacity: 32, connectedOnts: 10 },
    { resourceId: 'res-inst-olt2-xgspon-03-01', oltId: 'OLT-EAST-TOR-002', frame: 1, slot: 3, port: 1, technology: 'XGS-PON', opticClass: 'N1', capacity: 32, connectedOnts: 6 },
  ],
  splitters: [
    {
      id: 'SPLIT-MAPLE-AVE-01', resourceId: 'res-inst-split-maple-ave-01', ratio: '1:32',
      location: 'Aerial closure, Maple Ave at Pape Ave',
      feeders: [
        { portId: 'res-inst-olt-port-04-12', lengthM: 3200, fibreType: 'G.652D', connectors: 2, splices: 4, coexistenceElement: false },
        { portId: 'res-inst-olt-xgspon-05-04', lengthM: 3200, fibreType: 'G.652D', connectors: 3, splices: 4, coexistenceElement: true },
      ],
    },
    {
      id: 'SPLIT-MAPLE-AVE-02', resourceId: 'res-inst-split-maple-ave-02', ratio: '1:32',
      location: 'Aerial closure, Maple Ave at Logan Ave',
      feeders: [
        { portId: 'res-inst-olt-port-04-13', lengthM: 2400, fibreType: 'G.652D', connectors: 2, splices: 4, coexistenceElement: false },
        { portId: 'res-inst-olt-xgspon-05-04', lengthM: 2400, fibreType: 'G.652D', connectors: 3, splices: 4, coexistenceElement: true },
      ],
    },
    {
      // A deep 1:64 split at the end of a feeder routed around the rail corridor: the path that breaks B+.
      id: 'SPLIT-DANFORTH-AVE-01', resourceId: 'res-inst-split-danforth-ave-01', ratio: '1:64',
      location: 'Street cabinet, Danforth Ave at Greenwood Ave',
      feeders: [{ portId: 'res-inst-olt-port-04-14', lengthM: 10400, fibreType: 'G.652D', connectors: 3, splices: 8, coexistenceElement: false }],
    },
    {
      id: 'SPLIT-BIRCH-ST-01', resourceId: 'res-inst-split-birch-st-01', ratio: '1:32',
      location: 'Street cabinet, Birch St at Jones Ave',
      feeders: [{ portId: 'res-inst-olt-port-04-11', lengthM: 2800, fibreType: 'G.652D', connectors: 2, splices: 4, coexistenceElement: false }],
    },
    {
      // Same cabinet as SPLIT-BIRCH-ST-01, lit from the adjacent OLT.
      id: 'SPLIT-BIRCH-ST-02', resourceId: 'res-inst-split-birch-st-02', ratio: '1:32',
      location: 'Street cabinet, Birch St at Jones Ave',
      feeders: [{ portId: 'res-inst-olt2-port-02-03', lengthM: 3000, fibreType: 'G.652D', connectors: 2, splices: 4, coexistenceElement: false }],
    },
    {
      id: 'SPLIT-QUEEN-ST-E-01', resourceId: 'res-inst-split-queen-st-e-01', ratio: '1:32',
      location: 'Building riser, 350 Queen St E',
      feeders: [
        { portId: 'res-inst-olt2-port-02-02', lengthM: 4100, fibreType: 'G.652D', connectors: 2, splices: 6, coexistenceElement: false },
        { portId: 'res-inst-olt2-xgspon-03-01', lengthM: 4100, fibreType: 'G.652D', connectors: 3, splices: 6, coexistenceElement: true },
      ],
    },
  ],
  drops: [
    { id: 'DROP-42-MAPLE-AVE', resourceId: 'res-inst-drop-42-maple-ave', addressId: 'addr-tor-42-maple-ave', splitterId: 'SPLIT-MAPLE-AVE-01', lengthM: 45, fibreType: 'G.657A2', connectors: 2, splices: 2 },
    { id: 'DROP-15-BIRCH-ST', resourceId: 'res-inst-drop-15-birch-st', addressId: 'addr-tor-15-birch-st', splitterId: 'SPLIT-BIRCH-ST-01', lengthM: 60, fibreType: 'G.657A2', connectors: 2, splices: 2 },
    { id: 'ROUTE-15-BIRCH-ST-VIA-02', addressId: 'addr-tor-15-birch-st', splitterId: 'SPLIT-BIRCH-ST-02', lengthM: 75, fibreType: 'G.657A2', connectors: 2, splices: 2 },
    { id: 'DROP-97-MAPLE-AVE', resourceId: 'res-inst-drop-97-maple-ave', addressId: 'addr-tor-97-maple-ave', splitterId: 'SPLIT-DANFORTH-AVE-01', lengthM: 180, fibreType: 'G.652D', connectors: 2, splices: 2 },
    { id: 'ROUTE-97-MAPLE-AVE-VIA-02', addressId: 'addr-tor-97-maple-ave', splitterId: 'SPLIT-MAPLE-AVE-02', lengthM: 220, fibreType: 'G.657A2', connectors: 2, splices: 2 },
    { id: 'DROP-350-QUEEN-ST-E', resourceId: 'res-inst-drop-350-queen-st-e', addressId: 'addr-tor-350-queen-st-e', splitterId: 'SPLIT-QUEEN-ST-E-01', lengthM: 30, fibreType: 'G.657A2', connectors: 2, splices: 2 },
    { id: 'DROP-27-BERTMOUNT-AVE', resourceId: 'res-inst-drop-27-bertmount-ave', addressId: 'addr-tor-27-bertmount-ave', splitterId: 'SPLIT-MAPLE-AVE-02', lengthM: 40, fibreType: 'G.657A2', connectors: 2, splices: 2 },
    { id: 'DROP-118-LOGAN-AVE', resourceId: 'res-inst-drop-118-logan-ave', addressId: 'addr-tor-118-logan-ave', splitterId: 'SPLIT-MAPLE-AVE-02', lengthM: 70, fibreType: 'G.657A2', connectors: 2, splices: 2 },
    { id: 'DROP-21-BIRCH-ST', resourceId: 'res-inst-drop-21-birch-st', addressId: 'addr-tor-21-birch-st', splitterId: 'SPLIT-BIRCH-ST-02', lengthM: 55, fibreType: 'G.657A2', connectors: 2, splices: 2 },
  ],
  onts: [
    { serial: 'HWTC-A1B2C3D4', resourceId: 'res-inst-ont-hwtc-a1b2', model: 'EG8145V5', stockLocation: 'CO-EAST-TOR' },
    { serial: 'HWTC-A3F47C10', resourceId: 'res-inst-ont-hwtc-a3f4', model: 'EG8145V5', stockLocation: 'CO-EAST-TOR' },
    { serial: 'HWTC-A5D90E22', resourceId: 'res-inst-ont-hwtc-a5d9', model: 'EG8145V5', stockLocation: 'CO-EAST-TOR' },
    { serial: 'HWTC-A7C2B419', resourceId: 'res-inst-ont-hwtc-a7c2', model: 'EG8145V5', stockLocation: 'CO-EAST-TOR' },
    { serial: 'HWTC-A9E63F58', resourceId: 'res-inst-ont-hwtc-a9e6', model: 'EG8145V5', stockLocation: 'CO-EAST-TOR' },
    { serial: 'HWTC-B9C8D7E6', resourceId: 'res-inst-ont-hwtc-b9c8', model: 'HN8145XR', stockLocation: 'CO-EAST-TOR' },
    { serial: 'HWTC-B7E21A05', resourceId: 'res-inst-ont-hwtc-b7e2', model: 'HN8145XR', stockLocation: 'CO-EAST-TOR' },
  ],
  bngs: [{
    id: 'BNG-TOR-01', resourceId: 'res-inst-bng-tor-01', model: 'vBNG', centralOfficeId: 'CO-EAST-TOR', sessionCapacity: 64000,
    // TEST-NET-3 (RFC 5737).
    addressRange: { prefix: '203.0.113.', first: 10, last: 250, gateway: '203.0.113.1' },
  }],
  vlanPlan: { sVlan: { from: 100, to: 163 }, cVlan: { from: 2042, to: 4094 } },
};

/** A port's frame/slot/port, e.g. `1/4/12`. */
export function fspOf(port: Pick<PonPort, 'frame' | 'slot' | 'port'>): string {
  return `${port.frame}/${port.slot}/${port.port}`;
}

/** How a port is named to people: `OLT-EAST-TOR-001 GPON 1/4/12`. */
export function portLabel(port: PonPort): string {
  return `${port.oltId} ${port.technology} ${fspOf(port)}`;
}

/** The reasons a network's data is inconsistent (dangling references, duplicate ids, bad serials); empty when sound. */
export function validateNetwork(network: Network): string[] {
  const problems: string[] = [];
  const ids = [
    ...network.olts.flatMap((o) => [o.id, o.resourceId]),
    ...network.ponPorts.map((p) => p.resourceId),
    ...network.splitters.flatMap((s) => [s.id, s.resourceId]),
    ...network.drops.flatMap((d) => [d.id, ...(d.resourceId ? [d.resourceId] : [])]),
    ...network.onts.flatMap((o) => [o.serial, o.resourceId]),
    ...network.bngs.flatMap((b) => [b.id, b.resourceId]),
  ];
  for (const id of new Set(ids.filter((id, i) => ids.indexOf(id) !== i))) problems.push(`duplicate id ${id}`);
  const offices = new Set(network.centralOffices.map((c) => c.id));
  for (const olt of network.olts) {
    if (!offices.has(olt.centralOfficeId)) problems.push(`${olt.id}: unknown central office ${olt.centralOfficeId}`);
  }
  for (const port of network.ponPorts) {
    const olt = network.olts.find((o) => o.id === port.oltId);
    const board = olt?.boards.find((b) => b.frame === port.frame && b.slot === port.slot);
    if (!board) problems.push(`${port.resourceId}: no board ${port.frame}/${port.slot} on ${port.oltId}`);
    else if (board.technology !== port.technology || port.port >= board.portCount) problems.push(`${port.resourceId}: does not fit board ${port.frame}/${port.slot}`);
    if (port.connectedOnts < 0 || port.connectedOnts > port.capacity) problems.push(`${port.resourceId}: ${port.connectedOnts}/${port.capacity} ONTs`);
  }
  const ports = new Set(network.ponPorts.map((p) => p.resourceId));
  for (const splitter of network.splitters) {
    for (const feeder of splitter.feeders) if (!ports.has(feeder.portId)) problems.push(`${splitter.id}: unknown port ${feeder.portId}`);
  }
  const splitters = new Set(network.splitters.map((s) => s.id));
  for (const drop of network.drops) if (!splitters.has(drop.splitterId)) problems.push(`${drop.id}: unknown splitter ${drop.splitterId}`);
  for (const ont of network.onts) if (!/^[A-Z]{4}-[0-9A-F]{8}$/.test(ont.serial)) problems.push(`${ont.serial}: not vendor id + 8 hex digits`);
  for (const bng of network.bngs) if (!offices.has(bng.centralOfficeId)) problems.push(`${bng.id}: unknown central office ${bng.centralOfficeId}`);
  return problems;
}
