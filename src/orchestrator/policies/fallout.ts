// The fallout queue's operator actions on a held run (TMF-DOMAIN §11: Retry / Resume / Stop).
//   retry:  run the failed step again (the orders go back to inProgress);
//   resume: the operator did the step's work by hand: carry on with the next step;
//   abort:  stop here: the orders end failed; what the network already carries stays, for a follow-up order.

import type { Doc, Store } from '../../store/port.js';
import { TmfError } from '../../tmf/errors.js';
import type { TmfContext } from '../../tmf/resource-service.js';
import { RunStatus, StepStatus, type Flow } from '../flow.js';
import { inProcessCaller } from '../tmf-caller.js';
import { moveOrders } from './effects.js';

export type FalloutAction = 'resume' | 'retry' | 'abort';

export async function resolveFallout(tx: Store, ctx: TmfContext, flows: ReadonlyMap<string, Flow>, id: string, action: FalloutAction): Promise<Doc> {
  const record = await tx.getFallout(id);
  if (!record) throw new TmfError('NOT_FOUND', `no fallout ${id}`);
  const fallout = record.entry;
  const run = await tx.getRun(record.runId);
  if (record.status !== 'open' || run?.status !== RunStatus.held) throw new TmfError('ILLEGAL_TRANSITION', `fallout ${id} is ${record.status}: only an open fallout can be resumed, retried or aborted`);
  const flow = flows.get(run.scenario);
  if (!flow) throw new TmfError('CONFLICT', `scenario ${run.scenario} is not run here`);
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
    await moveOrders(call, run.context, ['inProgress'], 'failed');
    status = RunStatus.failed;
  }
  const resolved = action === 'abort' ? 'aborted' : 'resolved';
  const entry = { ...fallout, status: resolved, resolution: { action, at } };
  await tx.putFallout({ ...record, status: resolved, entry, updatedAt: at });
  await tx.updateRun(run.id, { status, context: { ...run.context, fallout: { id, status: resolved } }, error: action === 'abort' ? `aborted: ${String((fallout.error as Doc).message)}` : null, updatedAt: at });
  return { ...entry, runStatus: status };
}
