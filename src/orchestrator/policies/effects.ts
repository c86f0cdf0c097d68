// What a policy does to the orders when it is applied: the TMF signals of TMF-DOMAIN §11.

import { publishEvent } from '../../events/publish.js';
import type { Doc, RunRecord, Store } from '../../store/port.js';
import { eventDomain, targetOf, type TmfContext } from '../../tmf/resource-service.js';
import { inProcessCaller, tmfPath, type TmfCall } from '../tmf-caller.js';
import { CANCELLABLE_ORDER_STATES, moveOrder } from '../steps/order-state.js';

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
export async function recordPointOfNoReturn(call: TmfCall, context: Doc, ponr: { step: string; reason: string }, at: string): Promise<Doc> {
  const milestone = { id: 'ponr', name: 'pointOfNoReturn', description: ponr.reason, milestoneDate: at, status: 'reached' };
  for (const order of ORDERS.filter((o) => o.key !== 'resourceOrderId')) {
    const id = context[order.key];
    if (typeof id !== 'string') continue;
    const path = tmfPath(order.api, order.resource, id);
    const current = await call<Doc>({ from: order.actor, method: 'GET', path });
    await call({ from: order.actor, method: 'PATCH', path, body: { milestone: [...((current.milestone as Doc[] | undefined) ?? []), milestone] } });
  }
  return { pointOfNoReturn: { step: ponr.step, at } };
}

/** Cancels every order of the journey still in delivery: assessingCancellation → pendingCancellation → cancelled. */
export async function cancelOrders(call: TmfCall, context: Doc): Promise<void> {
  await moveOrders(call, context, CANCELLABLE_ORDER_STATES, 'assessingCancellation');
  await moveOrders(call, context, ['assessingCancellation'], 'pendingCancellation');
  await moveOrders(call, context, ['pendingCancellation'], 'cancelled');
}

const SERVICE_ORDER = targetOf('TMF641', 'serviceOrder');

/**
 * Tells the world the journey's SLA is at risk: a TMF641 `jeopardyAlert` on the service order and a
 * ServiceOrderJeopardyEvent. Before the service order exists the run's own mark is all there is
 * (TMF622 v4 has no jeopardy signal).
 */
export async function raiseJeopardy(tx: Store, tmf: TmfContext, run: RunRecord, jeopardy: { step: string; reason: string; at: string }): Promise<void> {
  const id = run.context.serviceOrderId;
  if (typeof id !== 'string') return;
  const call = inProcessCaller(tx, tmf, run, 'retry');
  const path = tmfPath('TMF641', 'serviceOrder', id);
  // The SOM keeps its order's jeopardy alerts (TMF641 leaves jeopardyAlert out of ServiceOrder_Update: no client sets it).
  const current = await call<Doc>({ from: 'som', method: 'GET', path });
  const alerts = (current.jeopardyAlert as Doc[] | undefined) ?? [];
  const alert = { id: String(alerts.length + 1), name: 'SLA at risk', jeopardyType: 'Hazard', alertDate: jeopardy.at, exception: `retries of ${jeopardy.step}`, message: jeopardy.reason, '@type': 'JeopardyAlert' };
  const order = await call<Doc>({ from: 'som', method: 'PATCH', path, body: { jeopardyAlert: [...alerts, alert] } });
  await publishEvent(
    tx,
    { api: SERVICE_ORDER.api.id, resource: SERVICE_ORDER.resource.name, resourceId: id },
    {
      eventId: tmf.uuid(),
      eventType: 'ServiceOrderJeopardyEvent',
      payloadKey: 'serviceOrder',
      payload: order,
      correlationId: run.correlationId,
      domain: eventDomain(SERVICE_ORDER.api),
      at: jeopardy.at,
      title: 'SLA at risk',
      description: jeopardy.reason,
    },
  );
}

/**
 * Records why the journey's service order left the happy path, as TMF641 v4.1 `errorMessage`
 * (appended; the items it concerns when it is not the whole order).
 */
export async function recordOrderError(
  call: TmfCall,
  context: Doc,
  failure: { error: { message: string; status?: number; code?: string }; policy: string; matrixRow: string; at: string },
  items: readonly string[] = [],
): Promise<void> {
  const id = context.serviceOrderId;
  if (typeof id !== 'string') return;
  const path = tmfPath('TMF641', 'serviceOrder', id);
  const current = await call<Doc>({ from: 'som', method: 'GET', path });
  const entry = {
    code: failure.error.code ?? 'SPN-STEP-FAILED',
    message: failure.error.message,
    reason: `policy ${failure.policy} (decision matrix row ${failure.matrixRow})`,
    ...(failure.error.status !== undefined && { status: String(failure.error.status) }),
    timestamp: failure.at,
    ...(items.length && { serviceOrderItem: items.map((itemId) => ({ itemId, serviceOrderId: id })) }),
    '@type': 'ServiceOrderErrorMessage',
  };
  await call({ from: 'som', method: 'PATCH', path, body: { errorMessage: [...((current.errorMessage as Doc[] | undefined) ?? []), entry] } });
}
