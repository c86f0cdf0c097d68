import type { Store } from '../store/port.js';
import { TmfError } from '../tmf/errors.js';
import type { DiffRow } from './diff/index.js';
import { RunStatus } from './flow.js';
import { deriveTransitions } from './transitions.js';

/** Everything one run did, in order: what the explorer draws a swimlane, a timeline and state paths from. */
export async function runReport(store: Store, runId: string) {
  const run = await store.getRun(runId);
  if (!run) throw new TmfError('NOT_FOUND', `run ${runId} does not exist`);
  const [steps, exchanges, events] = await Promise.all([
    store.listRunSteps(runId),
    store.listExchanges({ runId }),
    store.listEvents({ correlationId: run.correlationId }),
  ]);
  return {
    run,
    steps,
    exchanges,
    events: events.map((e) => ({ seq: e.seq, api: e.api, resource: e.resource, resourceId: e.resourceId, ...e.envelope })),
    transitions: deriveTransitions(events),
    // A change journey's diff table (field, current, target, changeType, resourceOrderItemRaised).
    ...(Array.isArray(run.context.diff) && { diff: run.context.diff as DiffRow[] }),
  };
}

/** Resolves when a run is no longer running (or the timeout passes); for `?wait=true` and the CLI. */
export async function waitForRun(store: Store, runId: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const run = await store.getRun(runId);
    if (!run || run.status !== RunStatus.running) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
