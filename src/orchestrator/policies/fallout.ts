// The fallout queue's operator actions on a held run (TMF-DOMAIN §11: Retry / Resume / Stop).
//   retry:  run the failed step again (the orders go back to inProgress);
//   resume: the operator did the step's work by hand: carry on with the next step;
//   abort:  stop here. Before the point of no return the done steps are compensated and the orders
//           end failed (the matrix's abort rows); after it the abort is denied, as a cancellation is.

import type { Doc, Store } from '../../store/port.js';
import { TmfError } from '../../tmf/errors.js';
import type { TmfContext } from '../../tmf/resource-service.js';
import { RunStatus, StepStatus, type Flow } from '../flow.js';
import { inProcessCaller } from '../tmf-caller.js';
import { moveOrders } from './effects.js';
import { decide } from './matrix.js';

export type FalloutAction = 'resume' | 'retry' | 'abort';

/** What an operator may do with a journey held here: abort only where the matrix rolls it back. */
export function falloutActions(ponrPassed: boolean): FalloutAction[] {
  return abortRow(ponrPassed).policy === 'compensate' ? ['retry', 'resume', 'abort'] : ['retry', 'resume'];
}

const abortRow = (ponrPassed: boolean) => decide({ kind: 'abort', step: ABORT_STEP, ponrPassed });

/** The run step that turns an operator's abort into a rollback (the runner knows it). */
export const ABORT_STEP = 'abort';

export async function resolveFallout(tx: Store, ctx: TmfContext, flows: ReadonlyMap<string, Flow>, id: string, action: FalloutAction): Promise<Doc> {
  const record = await tx.getFallout(id);
  if (!record) throw new TmfError('NOT_FOUND', `no fallout ${id}`);
  const fallout = record.entry;
  const run = await tx.getRun(record.runId);
  if (record.status !== 'open' || run?.status !== RunStatus.held) throw new TmfError('ILLEGAL_TRANSITION', `fallout ${id} is ${record.status}: only an open fallout can be resumed, retried or aborted`);
  const flow = flows.get(run.scenario);
  if (!flow) throw new TmfError('CONFLICT', `scenario ${run.scenario} is not run here`);
  const ponr = run.context.pointOfNoReturn as { at: string } | undefined;
  const abort = action === 'abort' ? abortRow(Boolean(ponr)) : undefined;
  if (abort && abort.policy !== 'compensate') {
    throw new TmfError('ILLEGAL_TRANSITION', `fallout ${id}: the journey passed its point of no return at ${String(ponr?.at)}, so it cannot be aborted (${abort.rationale})`);
  }
  const at = ctx.now().toISOString();
  const call = inProcessCaller(tx, ctx, run, `fallout:${action}`);
  const position = Number(fallout.position);
  await moveOrders(call, run.context, ['held'], 'inProgress');
  let status: string = RunStatus.running;
  if (action === 'retry') {
    await tx.updateRunStep(run.id, position, { status: StepStatus.pending, attempts: 0, error: null, nextRunAt: at });
  } else if (action === 'resume') {
    await tx.updateRunStep(run.id, position, { status: StepStatus.done, error: `done by an operator: ${String((fallout.error as Doc).message)}`, endedAt: at });
    const next = flow.steps[position + 1];
    if (next) await tx.insertRunStep({ runId: run.id, position: position + 1, step: next.id, status: StepStatus.pending, nextRunAt: at });
    else status = RunStatus.completed;
  } else {
    // The runner takes the abort from here: it compensates the done steps, then fails the orders.
    const last = Math.max(...(await tx.listRunSteps(run.id)).map((s) => s.position));
    await tx.insertRunStep({ runId: run.id, position: last + 1, step: ABORT_STEP, status: StepStatus.pending, nextRunAt: at });
  }
  const resolved = action === 'abort' ? 'aborted' : 'resolved';
  const entry = { ...fallout, status: resolved, resolution: { action, at } };
  await tx.putFallout({ ...record, status: resolved, entry, updatedAt: at });
  await tx.updateRun(run.id, { status, context: { ...run.context, fallout: { id, status: resolved } }, error: null, updatedAt: at });
  return { ...entry, runStatus: status };
}
