import type { Doc } from '../../store/port.js';
import type { Actor } from '../actors.js';
import { tmfPath, type TmfCall } from '../tmf-caller.js';

/** Where each order type keeps its items. */
const itemsKey: Record<string, string> = {
  'TMF622/productOrder': 'productOrderItem',
  'TMF641/serviceOrder': 'serviceOrderItem',
  'TMF652/resourceOrder': 'orderItem',
  'TMF697/workOrder': 'workOrderItem',
};

/** The order states from which a cancellation can still be accepted. */
export const CANCELLABLE_ORDER_STATES: readonly string[] = ['acknowledged', 'pending', 'held', 'inProgress'];
/** How an order in delivery is cancelled, step by step. */
export const CANCELLATION_STATES: readonly string[] = ['assessingCancellation', 'pendingCancellation', 'cancelled'];

/** Cancels an order still in delivery (assessingCancellation → pendingCancellation → cancelled); one that has ended is left as it is. */
export async function cancelOrder(call: TmfCall, from: Actor, apiId: string, resource: string, id: string): Promise<void> {
  const order = await call<Doc>({ from, method: 'GET', path: tmfPath(apiId, resource, id) });
  if (!CANCELLABLE_ORDER_STATES.includes(String(order.state))) return;
  for (const state of CANCELLATION_STATES) await moveOrder(call, from, apiId, resource, id, state);
}

/** The attribute an order type keeps its items in. */
export const itemsKeyOf = (apiId: string, resource: string): string => itemsKey[`${apiId}/${resource}`]!;

/**
 * Moves an order and all its items to `state` in one PATCH. Merge-patch replaces arrays whole, so the
 * current items are read first and sent back with the new state.
 */
export async function moveOrder(call: TmfCall, from: Actor, apiId: string, resource: string, id: string, state: string): Promise<Doc> {
  const path = tmfPath(apiId, resource, id);
  const key = itemsKeyOf(apiId, resource);
  const order = await call<Doc>({ from, method: 'GET', path });
  const items = ((order[key] as Doc[] | undefined) ?? []).map((item) => ({ ...item, state }));
  return call<Doc>({ from, method: 'PATCH', path, body: { state, [key]: items } });
}
