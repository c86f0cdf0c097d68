// TMF685 reservation as the R of AAR: creating one takes capacity from the network's pools and marks
// the TMF639 resources it got, inside the POST's transaction, so the reservation, the resources'
// changes and all their events commit together, or (on a 409 for exhausted capacity) nothing does.
// Cancelling it (PATCH state → cancelled, the spec's own value; v4 has no "released") or deleting it
// gives everything back.

import { isDeepStrictEqual } from 'node:util';
import type { Doc, Store } from '../store/port.js';
import { TmfError } from '../tmf/errors.js';
import type { BehaviourEnv, ResourceBehaviour } from '../tmf/resource-service.js';
import { findPool } from './network-model.js';
import { holdResource, releaseResource, returnToPool, takeFromPool } from './pools.js';
import { clientRefs, ItemRoles, itemsOf, poolEntity, poolIdOf, readItem, refsWithRole, ReservationStates } from './reservation-items.js';

/** Reserves on create, releases on cancel; refuses anything else that would unbalance the pools. */
export const reservationBehaviour: ResourceBehaviour = {
  async onCreate(tx, doc, env) {
    const items = itemsOf(doc);
    const reserved: Doc[] = [];
    for (const [index, item] of items.entries()) reserved.push(await reserveItem(tx, env, item, index));
    return { ...doc, state: ReservationStates.completed, stateChangeDate: env.at, reservationItem: reserved };
  },

  async onPatch(tx, current, next, env) {
    if (!isDeepStrictEqual(current.reservationItem, next.reservationItem)) return releaseCancelledItems(tx, current, next, env);
    if (next.state === current.state) return next;
    if (next.state !== ReservationStates.cancelled) {
      throw new TmfError('ILLEGAL_TRANSITION', `reservation ${String(current.id)} is ${String(current.state)}: it can only be cancelled`);
    }
    for (const item of holding(current)) await releaseItem(tx, env, item);
    return {
      ...next,
      cancellationDate: next.cancellationDate ?? env.at,
      stateChangeDate: env.at,
      reservationItem: itemsOf(current).map((item) => (item.state === ReservationStates.cancelled ? item : { ...item, state: ReservationStates.cancelled, stateChangeDate: env.at })),
    };
  },

  // Deleting a live reservation gives its capacity back first, so the pools stay balanced.
  async onDelete(tx, current, env) {
    if (current.state === ReservationStates.cancelled) return;
    for (const item of holding(current)) await releaseItem(tx, env, item);
  },
};

// The items that still hold capacity: one cancelled on its own has given its capacity back already.
const holding = (reservation: Doc): Doc[] => itemsOf(reservation).filter((item) => item.state !== ReservationStates.cancelled);

// A PATCH that only moves some items to cancelled gives back what those items hold, and the rest
// stays reserved (a modify order releases the port and ONT it replaces); once every item is
// cancelled, so is the reservation. Any other change of reservationItem is refused.
async function releaseCancelledItems(tx: Store, current: Doc, next: Doc, env: BehaviourEnv): Promise<Doc> {
  const before = itemsOf(current);
  const after = itemsOf(next);
  const sameApartFromState = (a: Doc, b: Doc) => isDeepStrictEqual({ ...a, state: undefined, stateChangeDate: undefined }, { ...b, state: undefined, stateChangeDate: undefined });
  const valid = after.length === before.length && before.every((item, i) => {
    const changed = after[i]!;
    return sameApartFromState(item, changed) && (changed.state === item.state || (item.state === ReservationStates.completed && changed.state === ReservationStates.cancelled));
  });
  if (!valid || (next.state !== current.state && next.state !== ReservationStates.cancelled)) {
    throw new TmfError('NOT_PATCHABLE', 'reservationItem can only have items moved to cancelled (released); cancel the reservation and create another for any other change');
  }
  const items: Doc[] = [];
  for (const [i, item] of before.entries()) {
    const release = (after[i]!.state === ReservationStates.cancelled || next.state === ReservationStates.cancelled) && item.state !== ReservationStates.cancelled;
    if (release) await releaseItem(tx, env, item);
    items.push(release ? { ...item, state: ReservationStates.cancelled, stateChangeDate: env.at } : item);
  }
  const allCancelled = items.every((item) => item.state === ReservationStates.cancelled);
  return {
    ...next,
    reservationItem: items,
    ...(allCancelled && { state: ReservationStates.cancelled, cancellationDate: next.cancellationDate ?? env.at, stateChangeDate: env.at }),
  };
}

async function reserveItem(tx: Store, env: BehaviourEnv, item: Doc, index: number): Promise<Doc> {
  const request = await readItem(tx, env.ctx.network, item, index);
  const named = clientRefs(item);
  const reserved = 'pool' in request
    ? await takeFromPool(tx, env, request.pool, request.quantity, request.memberId)
    : [await holdResource(tx, env, request.resource)];
  const poolRef = 'pool' in request && !poolIdOf(item) ? [poolEntity(env.ctx, request.pool)] : [];
  return {
    ...item,
    id: item.id ?? String(index + 1),
    quantity: request.quantity,
    action: 'add',
    state: ReservationStates.completed,
    stateChangeDate: env.at,
    appliedCapacity: { capacityAmount: { capacityAmount: `${request.quantity} ${'pool' in request ? request.pool.unit : 'ea'}` } },
    relatedEntity: [...named, ...poolRef, ...reserved.map((ref) => ({ ...ref, role: ItemRoles.reservedResource }))],
  };
}

async function releaseItem(tx: Store, env: BehaviourEnv, item: Doc): Promise<void> {
  const reserved = refsWithRole(item, ItemRoles.reservedResource);
  const poolId = poolIdOf(item);
  const pool = poolId ? findPool(env.ctx.network, poolId) : undefined;
  if (pool) return returnToPool(tx, env, pool, Number(item.quantity ?? 1), reserved);
  for (const ref of reserved) await releaseResource(tx, env, String(ref.id));
}
