// What the ROM reserves for one new subscriber (the R of AAR): the five per-subscriber resources of
// TMF-DOMAIN §9 as TMF685 reservation items, chosen from the network data for a served address.
// Pure: it only decides what to ask for; the reservation behaviour takes the capacity.

import type { SubscriberResourceKind } from '../catalog/model.js';
import type { Doc } from '../store/port.js';
import { TmfError } from '../tmf/errors.js';
import { hrefOf } from '../tmf/resource-service.js';
import { networkPools, NetworkTargets, PoolKinds, portPoolId, ResourceSpecs, type HrefBase, type PoolDef } from './inventory-model.js';
import { Technologies, type Technology } from './optical-budget.js';
import { ItemRoles } from './reservation-items.js';
import { pathLegs, servingPath, type PathLeg } from './serving-path.js';
import type { Network } from './topology.js';

/** One reservation item per subscriber resource kind; the item id is the kind, so answers map back. */
export type SubscriberReservation = Record<SubscriberResourceKind, Doc>;

/**
 * The reservation items for a subscriber at `addressId` on `technology`: a slot of the serving PON
 * port, an ONT from the technology's stock, a C-VLAN under the serving OLT's S-VLAN, the premises
 * drop, and a session on the central office's BNG. CONFLICT when the address is not served.
 */
export function subscriberReservationItems(base: HrefBase, addressId: string, technology: Technology, network: Network): Doc[] {
  return subscriberReservationPlan(base, addressId, technology, network).items;
}

/** A route and the reservation items that would put a subscriber on it. */
export interface ReservationPlan {
  leg: PathLeg;
  items: Doc[];
}

/** The serving route of the address (the one qualification assesses) and its reservation items. */
export function subscriberReservationPlan(base: HrefBase, addressId: string, technology: Technology, network: Network): ReservationPlan {
  const path = servingPath(addressId, { network, technology });
  if (path.kind !== 'served') throw new TmfError('CONFLICT', `address ${addressId} is not served by ${technology} (${path.kind})`);
  return { leg: path.serving, items: itemsForLeg(base, path.serving, technology, network) };
}

/**
 * Other routes that could carry the subscriber when `portId` (its planned port) has filled up: another
 * port of the same technology on the same OLT (so the same S-VLAN and C-VLAN pool), reaching the
 * address over a built drop, within the optical budget of that port's optic; lowest loss first. Each
 * comes with its items; whether the port has room is for the pools to say (an availability check).
 */
export function adjacentPortPlans(base: HrefBase, addressId: string, technology: Technology, network: Network, portId: string): ReservationPlan[] {
  const planned = network.ponPorts.find((p) => p.resourceId === portId);
  if (!planned) return [];
  return pathLegs(addressId, { network, technology })
    .filter((leg) => leg.port.technology === technology && leg.olt.id === planned.oltId && leg.port.resourceId !== portId)
    .filter((leg) => leg.drop.resourceId !== undefined && leg.budget.withinBudget)
    .sort((a, b) => a.budget.lossDb - b.budget.lossDb)
    .map((leg) => ({ leg, items: itemsForLeg(base, leg, technology, network) }));
}

function itemsForLeg(base: HrefBase, leg: PathLeg, technology: Technology, network: Network): Doc[] {
  const { port, drop, olt } = leg;
  const pools = networkPools(network);
  const poolWhere = (what: string, test: (pool: PoolDef) => boolean) => {
    const pool = pools.find(test);
    if (!pool) throw new TmfError('CONFLICT', `the network has no ${what} pool for ${olt.id}`);
    return pool.id;
  };
  const fromPool = (kind: SubscriberResourceKind, poolId: string): Doc => ({
    id: kind,
    quantity: 1,
    relatedEntity: [{ id: poolId, href: hrefOf(base, NetworkTargets.resourcePool, poolId), role: ItemRoles.resourcePool, '@referredType': 'ResourcePool' }],
  });
  const items: SubscriberReservation = {
    accessPort: fromPool('accessPort', portPoolId(port)),
    cpe: fromPool('cpe', poolWhere('ONT stock', (p) => p.kind === PoolKinds.stock && p.spec === ontSpecOf(technology))),
    vlanPair: fromPool('vlanPair', poolWhere('C-VLAN', (p) => p.kind === PoolKinds.numbered && p.resource === 'vlanPair' && p.sVlan === olt.sVlan)),
    drop: { id: 'drop', quantity: 1, relatedEntity: [{ id: drop.resourceId, ...(drop.resourceId && { href: hrefOf(base, NetworkTargets.resource, drop.resourceId) }), role: ItemRoles.resource, '@referredType': 'PhysicalResource' }] },
    bngSession: fromPool('bngSession', poolWhere('BNG session', (p) => p.kind === PoolKinds.numbered && p.resource === 'bngSession' && network.bngs.some((b) => b.id === p.ownerId && b.centralOfficeId === olt.centralOfficeId))),
  };
  return Object.values(items);
}

function ontSpecOf(technology: Technology) {
  return technology === Technologies.gpon ? ResourceSpecs.ontGpon : ResourceSpecs.ontXgsPon;
}
