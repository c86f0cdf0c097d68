// Reading what a TMF685 reservation item asks for. The v4 ReservationItem has no pool or resource
// attribute of its own, so an item names them in `relatedEntity` (id, role, @referredType):
//   { "quantity": 1, "relatedEntity": [{ "id": "pool-olt-port-04-12", "role": "resourcePool", "@referredType": "ResourcePool" }] }
// A ResourcePool ref picks the pool; a ResourceSpecification ref picks the one pool of that spec; a
// Resource (or Physical/LogicalResource) ref asks for that member, or holds a resource that has no pool.

import type { Doc, Store } from '../store/port.js';
import { TmfError } from '../tmf/errors.js';
import { isPlainObject } from '../tmf/merge-patch.js';
import { hrefOf } from '../tmf/resource-service.js';
import { DirectlyReservableSpecs, NetworkTargets, type HrefBase, type PoolDef } from './inventory-model.js';
import { findPool, poolHolding, poolsOfSpec, type NetworkModel } from './network-model.js';
import { requireResource } from './pools.js';

/** The `role`s of an item's relatedEntity: what the client names, and what the server adds. */
export const ItemRoles = {
  resourcePool: 'resourcePool',
  resourceSpecification: 'resourceSpecification',
  resource: 'resource',
  reservedResource: 'reservedResource',
  candidateResource: 'candidateResource',
} as const;

/** TMF685 ReservationStateType / ReservationItemStateType values the network uses. */
export const ReservationStates = { completed: 'completed', cancelled: 'cancelled', rejected: 'rejected' } as const;

const SERVER_ROLES: readonly string[] = [ItemRoles.reservedResource, ItemRoles.candidateResource];
const RESOURCE_TYPES = ['Resource', 'PhysicalResource', 'LogicalResource'];

/** One item understood: from a pool (optionally a named member) or one resource held whole. */
export type ItemRequest =
  | { quantity: number; pool: PoolDef; memberId?: string }
  | { quantity: 1; resource: Doc };

/** The items of a reservation or availability check body, or a 400 when there are none. */
export function itemsOf(doc: Doc): Doc[] {
  const items = doc.reservationItem;
  if (!Array.isArray(items) || !items.length) throw new TmfError('INVALID_BODY', 'reservationItem must list at least one item');
  const odd = items.findIndex((item) => !isPlainObject(item));
  if (odd >= 0) throw new TmfError('INVALID_BODY', `reservationItem[${odd}] must be an object`);
  const refs = items.findIndex((item) => item.relatedEntity !== undefined && (!Array.isArray(item.relatedEntity) || !item.relatedEntity.every(isPlainObject)));
  if (refs >= 0) throw new TmfError('INVALID_BODY', `reservationItem[${refs}].relatedEntity must be a list of objects (id, role, @referredType)`);
  return items as Doc[];
}

/** What item `index` asks for, or a 400 saying why it cannot be understood. */
export async function readItem(tx: Store, model: NetworkModel, item: Doc, index: number): Promise<ItemRequest> {
  const at = `reservationItem[${index}]`;
  const quantity = item.quantity ?? 1;
  if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 1) throw new TmfError('INVALID_BODY', `${at}.quantity must be a positive integer`);
  if (item.action !== undefined && item.action !== 'add') throw new TmfError('INVALID_BODY', `${at}.action ${String(item.action)} is not supported; only add`);
  const refs = clientRefs(item);
  const poolRef = refs.find((r) => r['@referredType'] === 'ResourcePool');
  const specRef = refs.find((r) => r['@referredType'] === 'ResourceSpecification');
  const resourceRef = refs.find((r) => RESOURCE_TYPES.includes(String(r['@referredType'])));
  const memberId = resourceRef ? String(resourceRef.id) : undefined;

  const pool = poolRef ? namedPool(model, String(poolRef.id), at) : memberId ? poolHolding(model, memberId) : specRef ? onlyPoolOf(model, String(specRef.id), at) : undefined;
  if (pool) {
    if (memberId && poolHolding(model, memberId)?.id !== pool.id) throw new TmfError('INVALID_BODY', `${at}: resource ${memberId} is not drawn from ${pool.id}`);
    if (memberId && quantity !== 1) throw new TmfError('INVALID_BODY', `${at}: naming resource ${memberId} reserves exactly 1`);
    // A port's slots are interchangeable: naming the port just says which pool.
    return pool.kind === 'stock' && memberId ? { quantity, pool, memberId } : { quantity, pool };
  }
  if (!memberId) throw new TmfError('INVALID_BODY', `${at}.relatedEntity must name a ResourcePool, a ResourceSpecification or a Resource`);
  const resource = await requireResource(tx, memberId, at);
  const spec = (resource.resourceSpecification as Doc | undefined)?.id;
  if (!DirectlyReservableSpecs.includes(String(spec)) || quantity !== 1) {
    throw new TmfError('INVALID_BODY', `${at}: resource ${memberId} is not reserved on its own; name its pool`);
  }
  return { quantity: 1, resource };
}

/** The relatedEntity refs the client sent (what the server added on an earlier write left out). */
export function clientRefs(item: Doc): Doc[] {
  const refs = Array.isArray(item.relatedEntity) ? (item.relatedEntity as Doc[]) : [];
  return refs.filter((r) => !SERVER_ROLES.includes(String(r.role)));
}

/** The refs the server added under `role`. */
export function refsWithRole(item: Doc, role: string): Doc[] {
  return (Array.isArray(item.relatedEntity) ? (item.relatedEntity as Doc[]) : []).filter((r) => r.role === role);
}

/** The id of the pool an item names (by the client, or as the server recorded it), if any. */
export function poolIdOf(item: Doc): string | undefined {
  const refs = Array.isArray(item.relatedEntity) ? (item.relatedEntity as Doc[]) : [];
  const id = refs.find((r) => r['@referredType'] === 'ResourcePool')?.id;
  return typeof id === 'string' ? id : undefined;
}

/** A RelatedEntity for a pool, as an item records which pool it drew from. */
export function poolEntity(base: HrefBase, pool: PoolDef): Doc {
  return { id: pool.id, href: hrefOf(base, NetworkTargets.resourcePool, pool.id), name: pool.description, role: ItemRoles.resourcePool, '@referredType': 'ResourcePool' };
}

function namedPool(model: NetworkModel, id: string, at: string): PoolDef {
  const pool = findPool(model, id);
  if (!pool) throw new TmfError('INVALID_BODY', `${at} names resourcePool ${id}, which the network does not have`);
  return pool;
}

function onlyPoolOf(model: NetworkModel, specId: string, at: string): PoolDef {
  const pools = poolsOfSpec(model, specId);
  if (pools.length === 1) return pools[0];
  if (!pools.length) throw new TmfError('INVALID_BODY', `${at}: no resource pool holds ${specId}`);
  throw new TmfError('INVALID_BODY', `${at}: ${pools.length} pools hold ${specId} (${pools.map((p) => p.id).join(', ')}); name one as a ResourcePool`);
}
