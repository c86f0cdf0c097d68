// TMF622 cancelProductOrder: the task that asks COM to cancel an order. Before the point of no
// return the order goes assessingCancellation → pendingCancellation, the journey stops taking steps
// and its done steps are compensated; when the rollback is done the orders are cancelled and the task
// is done. After the point of no return (the milestone on the order) the decision matrix denies it:
// the POST answers a TMF error and the order is untouched.

import type { Doc, Store } from '../../store/port.js';
import { TmfError } from '../../tmf/errors.js';
import { patchInTx, targetOf, type BehaviourEnv, type ResourceBehaviour } from '../../tmf/resource-service.js';
import { RunStatus, StepStatus } from '../flow.js';
import { decide } from '../policies/matrix.js';
import { CANCELLABLE_ORDER_STATES } from '../steps/order-state.js';
import { moveOrderInTx } from './order-cancellation.js';

/** The run step that turns a cancellation into a rollback (the runner knows it). */
export const CANCEL_STEP = 'cancel';

const CANCEL_TASK = targetOf('TMF622', 'cancelProductOrder');

export const cancelProductOrderBehaviour: ResourceBehaviour = {
  async onCreate(tx, doc, env) {
    const orderId = String((doc.productOrder as Doc).id);
    const record = await tx.getResource('TMF622', 'productOrder', orderId);
    if (!record) throw new TmfError('NOT_FOUND', `productOrder ${orderId} does not exist`);
    const order = record.doc;
    if (!CANCELLABLE_ORDER_STATES.includes(String(order.state))) {
      throw new TmfError('ILLEGAL_TRANSITION', `productOrder ${orderId} is ${String(order.state)}: only an order still in delivery can be cancelled`);
    }
    const ponr = ((order.milestone as Doc[] | undefined) ?? []).find((m) => m.name === 'pointOfNoReturn');
    const row = decide({ kind: 'cancel', step: 'cancel', ponrPassed: Boolean(ponr) });
    if (row.policy !== 'compensate') {
      throw new TmfError('ILLEGAL_TRANSITION', `productOrder ${orderId} passed its point of no return at ${String(ponr?.milestoneDate)}: cancellation denied (${row.rationale})`);
    }
    await moveOrderInTx(tx, env, 'TMF622', 'productOrder', orderId, 'assessingCancellation');
    await moveOrderInTx(tx, env, 'TMF622', 'productOrder', orderId, 'pendingCancellation');
    const run = (await tx.listRuns({ mentioning: orderId })).find((r) => r.context.productOrderId === orderId && r.status !== RunStatus.completed && r.status !== RunStatus.failed);
    if (!run) {
      // No journey works this order: nothing to undo.
      await moveOrderInTx(tx, env, 'TMF622', 'productOrder', orderId, 'cancelled');
      return { ...doc, state: 'done', effectiveCancellationDate: env.at };
    }
    // A journey held in fallout is taken out of the queue: the cancellation resolves it.
    const held = run.context.fallout as { id: string; status: string } | undefined;
    const fallout = held?.status === 'open' ? await tx.getFallout(held.id) : undefined;
    if (fallout) {
      const resolution = { action: 'cancelled', at: env.at, cancelProductOrder: doc.id };
      await tx.putFallout({ ...fallout, status: 'resolved', entry: { ...fallout.entry, status: 'resolved', resolution }, updatedAt: env.at });
    }
    const steps = await tx.listRunSteps(run.id);
    for (const step of steps.filter((s) => s.status === StepStatus.pending)) await tx.updateRunStep(run.id, step.position, { status: 'cancelled', endedAt: env.at });
    await tx.insertRunStep({ runId: run.id, position: Math.max(...steps.map((s) => s.position)) + 1, step: CANCEL_STEP, status: StepStatus.pending, nextRunAt: env.at });
    await tx.updateRun(run.id, { status: RunStatus.running, context: { ...run.context, ...(fallout && { fallout: { id: fallout.id, status: 'resolved' } }), cancellation: { taskId: doc.id, requestedAt: env.at, reason: doc.cancellationReason ?? null } }, updatedAt: env.at });
    return { ...doc, state: 'inProgress' };
  },
};


/** The cancellation is carried out: the task is done. */
export async function completeCancelTask(tx: Store, env: BehaviourEnv, taskId: string): Promise<void> {
  await patchInTx(tx, env.ctx, CANCEL_TASK, taskId, { state: 'done', effectiveCancellationDate: env.at }, env.meta);
}
