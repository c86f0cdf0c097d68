// Pure lookups over the network data that the qualification gates ask: which drop, splitter, PON port
// and OLT serve an address, how full that port is, what the optical budget says, and which other
// routes would work when the serving one does not (TECH-001 port full, TECH-002 over budget).

import { OpticClasses, opticalBudget, Technologies, type OpticalBudget, type OpticClass, type Technology } from './optical-budget.js';
import { portLabel, type DropRoute, type Feeder, type Network, type Olt, type PonPort, type Splitter } from './topology.js';

/** TMF639 v4 usage states (TMF-DOMAIN.md §4.5): idle = none used, active = some, busy = no spare capacity. */
export const UsageStates = { idle: 'idle', active: 'active', busy: 'busy' } as const;
export type UsageState = (typeof UsageStates)[keyof typeof UsageStates];

/** What can stop the serving route from carrying a new subscriber (TECH-001 and TECH-002 respectively). */
export const PathProblems = { portFull: 'portFull', overBudget: 'overBudget' } as const;
export type PathProblem = (typeof PathProblems)[keyof typeof PathProblems];

/** How many ONTs a port carries against its capacity. */
export interface PortUsage {
  connectedOnts: number;
  capacity: number;
  free: number;
  usageState: UsageState;
}

/** One end-to-end route: premises drop, splitter, feeder, PON port, OLT, with its budget and port usage. */
export interface PathLeg {
  drop: DropRoute;
  splitter: Splitter;
  feeder: Feeder;
  port: PonPort;
  olt: Olt;
  label: string;
  budget: OpticalBudget;
  usage: PortUsage;
}

/** A stronger optic for the serving port that would absorb the loss (e.g. B+ → C+). */
export interface OpticUpgrade {
  from: OpticClass;
  to: OpticClass;
  maxDb: number;
  marginDb: number;
}

/** The answer for one address and technology. */
export type ServingPath =
  | { kind: 'outsideFootprint'; addressId: string }
  | { kind: 'technologyUnavailable'; addressId: string; technology: Technology }
  | {
      kind: 'served';
      addressId: string;
      serving: PathLeg;
      problems: PathProblem[];
      /** Other routes of the same technology that are within budget and have a free port slot, lowest loss first. */
      alternatives: PathLeg[];
      opticUpgrade?: OpticUpgrade;
    };

/** Inputs beyond the address: the network, technology, and live port occupancy from TMF639. */
export interface ServingPathOptions {
  network: Network;
  technology?: Technology;
  /** ONTs per port resource id as inventory shows them now; the data's installed base otherwise. */
  connectedOnts?: Readonly<Record<string, number>>;
}

/** The usage of a port carrying `connectedOnts` ONTs. */
export function portUsage(port: PonPort, connectedOnts: number = port.connectedOnts): PortUsage {
  return { connectedOnts, capacity: port.capacity, free: port.capacity - connectedOnts, usageState: usageStateOf(connectedOnts, port.capacity) };
}

/** TMF639 usageState for `used` of `capacity`. */
export function usageStateOf(used: number, capacity: number): UsageState {
  if (used <= 0) return UsageStates.idle;
  return used >= capacity ? UsageStates.busy : UsageStates.active;
}

/** Every route reaching the address (one per drop route and feeding port), in data order. */
export function pathLegs(addressId: string, options: ServingPathOptions): PathLeg[] {
  const { network } = options;
  return network.drops
    .filter((drop) => drop.addressId === addressId)
    .flatMap((drop) => {
      const splitter = mustFind(network.splitters, (s) => s.id === drop.splitterId, drop.splitterId);
      return splitter.feeders.map((feeder) => legOf(network, drop, splitter, feeder, options.connectedOnts));
    });
}

/**
 * Which route serves the address for a technology (the built drop, else the first planned route),
 * what is wrong with it, and what would work instead.
 */
export function servingPath(addressId: string, options: ServingPathOptions): ServingPath {
  const technology = options.technology ?? Technologies.gpon;
  const legs = pathLegs(addressId, options);
  if (!legs.length) return { kind: 'outsideFootprint', addressId };
  const candidates = legs.filter((leg) => leg.port.technology === technology);
  const serving = candidates.find((leg) => leg.drop.resourceId) ?? candidates[0];
  if (!serving) return { kind: 'technologyUnavailable', addressId, technology };
  const problems = problemsOf(serving);
  const alternatives = candidates
    .filter((leg) => leg.splitter.id !== serving.splitter.id && !problemsOf(leg).length)
    .sort((a, b) => a.budget.lossDb - b.budget.lossDb);
  const opticUpgrade = problems.includes(PathProblems.overBudget) ? opticUpgradeFor(serving) : undefined;
  return { kind: 'served', addressId, serving, problems, alternatives, ...(opticUpgrade && { opticUpgrade }) };
}

function legOf(network: Network, drop: DropRoute, splitter: Splitter, feeder: Feeder, live?: Readonly<Record<string, number>>): PathLeg {
  const port = mustFind(network.ponPorts, (p) => p.resourceId === feeder.portId, feeder.portId);
  const olt = mustFind(network.olts, (o) => o.id === port.oltId, port.oltId);
  const budget = opticalBudget({
    opticClass: port.opticClass,
    splitters: [{ name: splitter.id, ratio: splitter.ratio }],
    fibres: [
      { name: `feeder ${portLabel(port)} to ${splitter.id}`, lengthM: feeder.lengthM, fibreType: feeder.fibreType },
      { name: `drop ${drop.id}`, lengthM: drop.lengthM, fibreType: drop.fibreType },
    ],
    connectors: feeder.connectors + drop.connectors,
    splices: feeder.splices + drop.splices,
    coexistenceElements: feeder.coexistenceElement ? 1 : 0,
  });
  const usage = portUsage(port, live?.[port.resourceId] ?? port.connectedOnts);
  return { drop, splitter, feeder, port, olt, label: `${portLabel(port)} via ${splitter.id}`, budget, usage };
}

function problemsOf(leg: PathLeg): PathProblem[] {
  return [
    ...(leg.usage.free <= 0 ? [PathProblems.portFull] : []),
    ...(leg.budget.withinBudget ? [] : [PathProblems.overBudget]),
  ];
}

function opticUpgradeFor(leg: PathLeg): OpticUpgrade | undefined {
  const from = leg.port.opticClass;
  const stronger = (Object.keys(OpticClasses) as OpticClass[])
    .filter((c) => OpticClasses[c].technology === leg.port.technology && OpticClasses[c].maxDb > OpticClasses[from].maxDb)
    .sort((a, b) => OpticClasses[a].maxDb - OpticClasses[b].maxDb)
    .find((c) => OpticClasses[c].maxDb >= leg.budget.lossDb);
  if (!stronger) return undefined;
  const { maxDb } = OpticClasses[stronger];
  return { from, to: stronger, maxDb, marginDb: Math.round((maxDb - leg.budget.lossDb) * 1000) / 1000 };
}

function mustFind<T>(items: readonly T[], match: (item: T) => boolean, what: string): T {
  const found = items.find(match);
  if (!found) throw new Error(`network data: ${what} does not exist`);
  return found;
}
