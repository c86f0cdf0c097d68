// TMF641 cancelServiceOrder, TMF652 cancelResourceOrder and TMF697 cancelWorkOrder: the task that asks
// an order's system of record to cancel it. An order still in delivery is moved assessingCancellation →
// pendingCancellation → cancelled, items with it, and the task is done. An order a journey delivers is
// the journey's: cancelling it alone would leave the journey waiting on it, so the task is refused and
// names the product order whose cancellation (TMF622) rolls the whole journey back.

import type { Doc, Store } from '../../store/port.js';
import { TmfError } from '../../tmf/errors.js';
import { patchInTx, targetOf, type BehaviourEnv, type ResourceBehaviour } from '../../tmf/resource-service.js';
import { RunStatus } from '../flow.js';
import { CANCELLABLE_ORDER_STATES, CANCELLATION_STATES, itemsKeyOf } from '../steps/order-state.js';

const CANCELLED_ORDERS = [
  { api: 'TMF641', task: 'cancelServiceOrder', order: 'serviceOrder' },
  { api: 'TMF652', task: 'cancelResourceOrder', order: 'resourceOrder' },
  { api: 'TMF697', task: 'cancelWorkOrder', order: 'workOrder' },
] as const;

const FINISHED_RUNS: readonly string[] = [RunStatus.completed, RunStatus.failed, RunStatus.cancelled, RunStatus.partial];

export const orderCancellationBehaviours: Record<string, ResourceBehaviour> = Object.fromEntries(
  CANCELLED_ORDERS.map(({ api, task, order }) => [`${api}/${task}`, cancellationOf(api, order)]),
);

function cancellationOf(api: string, resource: string): ResourceBehaviour {
  return {
    async onCreate(tx, doc, env) {
      const orderId = String((doc[resource] as Doc).id);
      const record = await tx.getResource(api, resource, orderId);
      if (!record) throw new TmfError('NOT_FOUND', `${resource} ${orderId} does not exist`);
      // A TMF652 order stored before the server set its initial state has none: it reads as acknowledged (lifecycle/guard.ts).
      const state = String(record.doc.state ?? 'acknowledged');
      if (!CANCELLABLE_ORDER_STATES.includes(state)) {
        throw new TmfError('ILLEGAL_TRANSITION', `${resource} ${orderId} is ${state}: only an order still in delivery can be cancelled`);
      }
      const journey = (await tx.listRuns({ mentioning: orderId })).find((run) => !FINISHED_RUNS.includes(run.status));
      if (journey) {
        throw new TmfError('ILLEGAL_TRANSITION', `${resource} ${orderId} is delivered for product order ${String(journey.context.productOrderId)} by journey ${journey.id}: cancel the product order (TMF622 cancelProductOrder), which rolls the whole journey back`);
      }
      for (const state of CANCELLATION_STATES) await moveOrderInTx(tx, env, api, resource, orderId, state);
      return { ...doc, state: 'done', effectiveCancellationDate: env.at };
    },
  };
}

/** Moves an order and its items to `state` in one PATCH, from inside a behaviour's transaction. */
export async function moveOrderInTx(tx: Store, env: BehaviourEnv, api: string, resource: string, id: string, state: string): Promise<void> {
  const key = itemsKeyOf(api, resource);
  const current = (await tx.getResource(api, resource, id))!.doc;
  const items = ((current[key] as Doc[] | undefined) ?? []).map((item) => ({ ...item, state }));
  await patchInTx(tx, env.ctx, targetOf(api, resource), id, { state, [key]: items }, env.meta);
}
