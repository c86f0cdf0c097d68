// What a policy does to the orders when it is applied: the TMF signals of TMF-DOMAIN §11.

import type { Doc } from '../../store/port.js';
import type { TmfCall } from '../tmf-caller.js';
import { moveOrder } from '../steps/order-state.js';
import { pointOfNoReturn } from './matrix.js';
import { tmfPath } from '../tmf-caller.js';

// The order lifecycle has no direct way from a held or pending order to an outcome: delivery resumes
// first (→ inProgress). An order not yet started cannot fail: it is rejected (infeasible).
function waypoints(from: string, to: string): string[] {
  return ['held', 'pending'].includes(from) && ['failed', 'completed'].includes(to) ? ['inProgress'] : [];
}

/** The journey's orders, outermost last, as the context names them. */
const ORDERS = [
  { key: 'resourceOrderId', api: 'TMF652', resource: 'resourceOrder', actor: 'rom' },
  { key: 'serviceOrderId', api: 'TMF641', resource: 'serviceOrder', actor: 'som' },
  { key: 'productOrderId', api: 'TMF622', resource: 'productOrder', actor: 'com' },
] as const;

/** Moves every order of the journey that is in one of `from` to `to` (the others are left as they are); items follow the order. */
export async function moveOrders(call: TmfCall, context: Doc, from: readonly string[], to: string): Promise<string[]> {
  const moved: string[] = [];
  for (const order of ORDERS) {
    const id = context[order.key];
    if (typeof id !== 'string') continue;
    const current = await call<Doc>({ from: order.actor, method: 'GET', path: tmfPath(order.api, order.resource, id) });
    if (!from.includes(String(current.state))) continue;
    for (const step of waypoints(String(current.state), to)) await moveOrder(call, order.actor, order.api, order.resource, id, step);
    const target = String(current.state) === 'acknowledged' && to === 'failed' ? 'rejected' : to;
    await moveOrder(call, order.actor, order.api, order.resource, id, target);
    moved.push(id);
  }
  return moved;
}

/**
 * Records the point of no return on the product order and the service order as a milestone
 * (TMF641 v4.1 `milestone`; the same structure on the TMF622 order).
 */
export async function recordPointOfNoReturn(call: TmfCall, context: Doc, at: string): Promise<Doc> {
  const milestone = { id: 'ponr', name: 'pointOfNoReturn', description: pointOfNoReturn.reason, milestoneDate: at, status: 'reached' };
  for (const order of ORDERS.filter((o) => o.key !== 'resourceOrderId')) {
    const id = context[order.key];
    if (typeof id !== 'string') continue;
    const path = tmfPath(order.api, order.resource, id);
    const current = await call<Doc>({ from: order.actor, method: 'GET', path });
    await call({ from: order.actor, method: 'PATCH', path, body: { milestone: [...((current.milestone as Doc[] | undefined) ?? []), milestone] } });
  }
  return { pointOfNoReturn: { step: pointOfNoReturn.step, at } };
}

/** Cancels every order of the journey still in delivery: assessingCancellation → pendingCancellation → cancelled. */
export async function cancelOrders(call: TmfCall, context: Doc): Promise<void> {
  await moveOrders(call, context, ['acknowledged', 'pending', 'held', 'inProgress'], 'assessingCancellation');
  await moveOrders(call, context, ['assessingCancellation'], 'pendingCancellation');
  await moveOrders(call, context, ['pendingCancellation'], 'cancelled');
}
