import type { Doc, RunRecord, RunStepRecord, Store } from '../store/port.js';
import { TmfError } from '../tmf/errors.js';
import type { TmfContext } from '../tmf/resource-service.js';
import { JourneyStopped, RunStatus, StepStatus, StepWaiting, type Flow, type StepDefinition } from './flow.js';
import { createWorker } from '../events/worker.js';
import { CallFailed, inProcessCaller } from './tmf-caller.js';
import { checkFaultRequest, type FaultBoard, type FaultRequest } from './faults/board.js';
import { backoffDelay, decide, policies, type MatrixRow, type PolicyId, type RetryBounds } from './policies/matrix.js';
import { cancelOrders, moveOrders, raiseJeopardy, recordOrderError, recordPointOfNoReturn } from './policies/effects.js';
import { CANCEL_STEP, completeCancelTask } from './cancel/behaviour.js';
import { ABORT_STEP, falloutActions } from './policies/fallout.js';
import { independentItemsHit, partialOf, partialSummary, type PartialCompletion } from './policies/partial.js';
import { withStepOutput } from './trace.js';

/** How a failing step is retried before its failure is escalated (overrides the matrix's retry bounds). */
export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
}

const IDLE_POLL_MS = 50;
// How much one pass (one commit) takes on: a journey's next step is usually due as soon as its last
// one is done, so a pass follows it, and the pages its steps share are written to the WAL once. The
// bounds keep the HTTP requests queued behind a pass to a short wait, and a crash's rerun short.
const PASS_STEPS = 64;
const PASS_MS = 30;

export const defaultRetryPolicy: RetryPolicy = { maxAttempts: policies.retry.retry!.maxAttempts, baseDelayMs: policies.retry.retry!.baseDelayMs };

/** Compensation jobs are run steps named `undo:<step id>`, after the flow's own positions. */
const UNDO = 'undo:';

/** Order states a compensation or a hold moves on from. */
const LIVE_ORDER_STATES = ['acknowledged', 'inProgress', 'pending', 'held'] as const;

export interface Runner {
  /** Starts a journey: the run and its first job commit together; returns at once. */
  /** Creates a run and arms the scenario's faults, and `faults`, for its journey alone, all in one transaction. */
  startRun(scenario: string, input: Doc, faults?: readonly FaultRequest[]): Promise<RunRecord>;
  /** Starts the worker loop that takes due steps (including those left by a crash). */
  begin(): void;
  /** Runs due steps until none is left; for tests, the CLI and shutdown. */
  drain(): Promise<void>;
  stop(): Promise<void>;
  /** Wakes the worker (after an operator re-queued a held step). */
  kick(): void;
  flows: ReadonlyMap<string, Flow>;
}

/** The failure a run was stopped with and the policy applied to it: what fallout and the explorer show. */
export interface AppliedPolicy {
  policy: PolicyId;
  matrixRow: string;
  rationale: string;
  step: string;
  error: { message: string; status?: number; code?: string };
  /** The service order items the failure took out (policy partial). */
  items?: string[];
  at: string;
}

/**
 * The durable engine: steps are rows in `run_step`; a worker loop takes due ones and runs each in
 * one transaction with its checkpoint and the next job. A crash rolls back the step in flight, so
 * after a restart it runs again from a clean state — nothing is done twice, nothing is lost.
 * A failure is handled by the policy the decision matrix gives (policies/matrix.ts): retry with
 * jittered backoff, compensate (undo jobs in reverse order, each durable), hold, or partial.
 */
export function createRunner(deps: {
  tmf: TmfContext;
  flows: readonly Flow[];
  retry?: RetryPolicy;
  faults?: FaultBoard;
  batchSize?: number;
  logger?: { error(obj: object, msg: string): void };
}): Runner {
  const { tmf } = deps;
  const store = tmf.store;
  const bounds: RetryBounds = { ...policies.retry.retry!, ...deps.retry };
  const flows = new Map(deps.flows.map((f) => [f.scenario, f]));
  const batchSize = deps.batchSize ?? 16;

  const now = () => tmf.now().toISOString();

  async function startRun(scenario: string, input: Doc, faults: readonly FaultRequest[] = []): Promise<RunRecord> {
    const flow = flowOf(scenario);
    if (faults.length && !deps.faults) throw new TmfError('INVALID_BODY', 'this runner has no fault injection');
    // Checked before anything is written: the board keeps what it arms in memory too.
    faults.forEach(checkFaultRequest);
    // The faults are armed with the run, for its journey only: all commit or none.
    const run = await store.transaction(async (tx) => {
      const created = await createRun(tx, flow, input);
      for (const fault of [...(flow.faults ?? []), ...faults]) await deps.faults!.arm(tx, { ...fault, correlationId: created.correlationId }, now());
      return created;
    });
    worker.kick();
    return run;
  }

  function flowOf(scenario: string): Flow {
    const flow = flows.get(scenario);
    if (!flow) throw new TmfError('NOT_FOUND', `no scenario ${scenario}; known: ${[...flows.keys()].join(', ')}`);
    if (flow.faults?.length && !deps.faults) throw new TmfError('INVALID_BODY', `scenario ${scenario} needs fault injection, which this runner has not got`);
    return flow;
  }

  // The run and its first job, in the caller's transaction.
  async function createRun(tx: Store, flow: Flow, input: Doc, journey?: { correlationId: string; carried?: Doc }): Promise<RunRecord> {
    const fixed = Object.keys(input).find((key) => flow.input && key in flow.input);
    if (fixed) throw new TmfError('INVALID_BODY', `run parameter ${fixed} is fixed by scenario ${flow.scenario} (${JSON.stringify(flow.input![fixed])}); use ${flow.parameters.join(', ') || 'none'}`);
    const unknown = Object.keys(input).filter((key) => !flow.parameters.includes(key));
    if (unknown.length) throw new TmfError('INVALID_BODY', `unknown run parameter ${unknown.join(', ')}; use ${flow.parameters.join(', ') || 'none'}`);
    // Every parameter names an entity by its id; leave one out to let the scenario choose.
    const notAnId = Object.entries(input).find(([, value]) => typeof value !== 'string' || !value);
    if (notAnId) throw new TmfError('INVALID_BODY', `run parameter ${notAnId[0]} must be an id (a non-empty string), not ${JSON.stringify(notAnId[1])}`);
    const at = now();
    const given = { ...input, ...flow.input };
    const prepared = flow.prepare ? await flow.prepare(given, tx, tmf) : given;
    const record: RunRecord = {
      id: `run-${tmf.uuid()}`,
      scenario: flow.scenario,
      status: RunStatus.running,
      // One correlationId per journey, minted before any order exists (TMF-DOMAIN §5).
      correlationId: journey?.correlationId ?? `journey-${tmf.uuid()}`,
      input: given,
      context: { ...prepared, ...journey?.carried },
      error: null,
      createdAt: at,
      updatedAt: at,
    };
    await tx.insertRun(record);
    await tx.insertRunStep({ runId: record.id, position: 0, step: flow.steps[0]!.id, status: StepStatus.pending, nextRunAt: at });
    return record;
  }

  function stepContext(tx: Store, run: RunRecord, name: string) {
    const startJourney = (scenario: string, input: Doc, carried?: Doc) => createRun(tx, flowOf(scenario), input, { correlationId: run.correlationId, carried });
    return { tx, call: inProcessCaller(tx, tmf, run, name), run, context: run.context, tmf, startJourney };
  }

  async function execute(db: Store, job: RunStepRecord): Promise<void> {
    const startedAt = now();
    try {
      await db.transaction(async (tx) => {
        const run = await tx.getRun(job.runId);
        const current = await tx.getRunStep(job.runId, job.position);
        if (!run || current?.status !== StepStatus.pending) return;
        const flow = flows.get(run.scenario)!;
        if (job.step.startsWith(UNDO)) return undo(tx, run, flow, job, startedAt);
        if (job.step === CANCEL_STEP || job.step === ABORT_STEP) return rollBack(tx, run, flow, job, startedAt);
        const step = flow.steps[job.position]!;
        let output: Doc;
        try {
          output = (await step.run(stepContext(tx, run, step.id))) ?? {};
        } catch (error) {
          if (!(error instanceof JourneyStopped)) throw error;
          // The calls succeeded and their answer stops the journey: what they recorded (an
          // unqualified task with its reasons) is real, so it commits with the failed step.
          const at = now();
          const row = decide({ kind: 'answer', step: step.id, ponrPassed: false });
          await tx.updateRunStep(job.runId, job.position, { status: StepStatus.failed, attempts: job.attempts + 1, error: error.message, startedAt, endedAt: at });
          const policy: AppliedPolicy = { policy: row.policy, matrixRow: row.id, rationale: row.rationale, step: step.id, error: { message: error.message, code: error.code }, at };
          const stopped = { ...run, context: { ...run.context, policy } };
          await tx.updateRun(run.id, { status: RunStatus.failed, error: error.message, context: stopped.context, updatedAt: at });
          // An answer that comes after orders exist (nothing left to reserve) rolls back what the journey holds.
          if (row.policy !== 'reject') await applyPolicy(tx, stopped, flow, job, policy, at);
          return;
        }
        const at = now();
        await tx.updateRunStep(job.runId, job.position, {
          status: StepStatus.done,
          attempts: job.attempts + 1,
          output,
          error: null,
          startedAt,
          endedAt: at,
        });
        // The step's calls may have cancelled this very journey (a cancelProductOrder accepted): the rollback takes over.
        const fresh = (await tx.getRun(run.id))!;
        if (fresh.context.cancellation && !run.context.cancellation) {
          await tx.updateRun(run.id, { context: withStepOutput(fresh.context, output), updatedAt: at });
          return;
        }
        let context = withStepOutput(run.context, output);
        const next = flow.steps[job.position + 1];
        // The point of no return is recorded on the orders with the checkpoint before the step that passes it.
        if (next && next.id === flow.pointOfNoReturn?.step && !context.pointOfNoReturn) {
          context = { ...context, ...(await recordPointOfNoReturn(inProcessCaller(tx, tmf, run, step.id), context, flow.pointOfNoReturn, at)) };
        }
        if (next) await tx.insertRunStep({ runId: run.id, position: job.position + 1, step: next.id, status: StepStatus.pending, nextRunAt: at });
        await tx.updateRun(run.id, {
          context,
          status: next ? RunStatus.running : context.partial ? RunStatus.partial : RunStatus.completed,
          error: !next && context.partial ? partialSummary(context, partialOf(context)!) : null,
          updatedAt: at,
        });
      });
    } catch (error) {
      if (error instanceof StepWaiting) await recordWait(db, job, error);
      else await recordFailure(db, job, startedAt, error);
    }
  }

  // One compensation: undo one done step, then queue the next one or finish the rollback.
  async function undo(tx: Store, run: RunRecord, flow: Flow, job: RunStepRecord, startedAt: string): Promise<void> {
    const step = flow.steps.find((s) => s.id === job.step.slice(UNDO.length))!;
    const output = (await step.compensate!(stepContext(tx, run, job.step))) ?? {};
    const at = now();
    await tx.updateRunStep(job.runId, job.position, { status: StepStatus.done, attempts: job.attempts + 1, output, error: null, startedAt, endedAt: at });
    await continueCompensation(tx, run, flow, job.position + 1, at);
  }

  // A cancellation or an operator's abort accepted before the point of no return: the policy of its matrix row is a rollback.
  async function rollBack(tx: Store, run: RunRecord, flow: Flow, job: RunStepRecord, startedAt: string): Promise<void> {
    const at = now();
    const cancelling = job.step === CANCEL_STEP;
    const row = decide({ kind: cancelling ? 'cancel' : 'abort', step: job.step, ponrPassed: false });
    const reason = cancelling ? 'the customer cancelled the order' : `aborted by an operator: ${String((run.context.policy as AppliedPolicy | undefined)?.error.message ?? 'held')}`;
    const policy: AppliedPolicy = { policy: row.policy, matrixRow: row.id, rationale: row.rationale, step: job.step, error: { message: reason }, at };
    const stopped = { ...run, context: { ...run.context, policy } };
    await tx.updateRunStep(job.runId, job.position, { status: StepStatus.done, attempts: job.attempts + 1, output: {}, error: null, startedAt, endedAt: at });
    await tx.updateRun(run.id, { context: stopped.context, updatedAt: at });
    await continueCompensation(tx, stopped, flow, job.position + 1, at);
  }

  // The next done step (before the failed one) that has a compensation, latest first; none left → orders failed, run failed.
  async function continueCompensation(tx: Store, run: RunRecord, flow: Flow, position: number, at: string): Promise<void> {
    const steps = await tx.listRunSteps(run.id);
    const undone = new Set(steps.filter((s) => s.step.startsWith(UNDO)).map((s) => s.step.slice(UNDO.length)));
    const pending = steps
      // Only the flow's own steps (not the cancel or undo jobs that follow them), each undone once.
      .filter((s) => s.step === flow.steps[s.position]?.id && s.status === StepStatus.done && !undone.has(s.step))
      .map((s) => flow.steps[s.position]!)
      .filter((s): s is StepDefinition => Boolean(s?.compensate))
      .reverse();
    const next = pending[0];
    if (next) {
      await tx.insertRunStep({ runId: run.id, position, step: `${UNDO}${next.id}`, status: StepStatus.pending, nextRunAt: at });
      await tx.updateRun(run.id, { status: RunStatus.running, updatedAt: at });
      return;
    }
    const call = inProcessCaller(tx, tmf, run, 'compensate');
    const cancellation = run.context.cancellation as { taskId: string } | undefined;
    if (cancellation) {
      await cancelOrders(call, run.context);
      await completeCancelTask(tx, { ctx: tmf, meta: { correlationId: run.correlationId }, at }, cancellation.taskId);
      await tx.updateRun(run.id, { status: RunStatus.cancelled, error: null, updatedAt: at });
      return;
    }
    const policy = run.context.policy as AppliedPolicy | undefined;
    if (policy) await recordOrderError(call, run.context, policy);
    await moveOrders(call, run.context, LIVE_ORDER_STATES, 'failed');
    await tx.updateRun(run.id, { status: RunStatus.failed, error: policy ? `rolled back: ${policy.error.message}` : 'rolled back', updatedAt: at });
  }

  async function recordWait(db: Store, job: RunStepRecord, wait: StepWaiting): Promise<void> {
    await db.transaction(async (tx) => {
      const at = now();
      await tx.updateRunStep(job.runId, job.position, { error: wait.reason, nextRunAt: new Date(Date.parse(at) + wait.retryAfterMs).toISOString() });
      await tx.updateRun(job.runId, { status: RunStatus.held, error: wait.reason, updatedAt: at });
    });
  }

  async function recordFailure(db: Store, job: RunStepRecord, startedAt: string, error: unknown): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    const attempts = job.attempts + 1;
    const compensating = job.step.startsWith(UNDO);
    // A client error (4xx) will not go away by retrying; anything else may be transient.
    const kind = error instanceof CallFailed && error.cause.status < 500 ? 'refused' : 'transient';
    await db.transaction(async (tx) => {
      if (error instanceof CallFailed) await tx.appendExchange(error.exchange);
      await deps.faults?.persistFired(tx);
      const run = (await tx.getRun(job.runId))!;
      const flow = flows.get(run.scenario)!;
      const at = now();
      const hit = !compensating && error instanceof CallFailed ? independentItemsHit(run.context, error.exchange) : undefined;
      const row: MatrixRow = compensating
        ? { id: 'compensation-failed', scenario: 'A compensation keeps failing', match: { kind }, policy: 'retry', then: 'hold', rationale: 'A rollback that cannot finish needs an operator.' }
        : decide({ kind, step: job.step, ponrPassed: Boolean(run.context.pointOfNoReturn), independentItem: Boolean(hit) });
      if (row.policy === 'retry' && attempts < bounds.maxAttempts) {
        const delay = backoffDelay(bounds, attempts, jitterOf(`${job.runId}/${job.position}/${attempts}`));
        const waited = Number((run.context.retryDelayMs as number | undefined) ?? 0) + delay;
        await tx.updateRunStep(job.runId, job.position, { status: StepStatus.pending, attempts, error: message, startedAt, endedAt: at, nextRunAt: new Date(Date.parse(at) + delay).toISOString() });
        const jeopardy = waited > bounds.jeopardyAfterMs && !run.context.jeopardy ? { step: job.step, reason: `retries of ${job.step} exceed the ${bounds.jeopardyAfterMs} ms budget`, at } : undefined;
        if (jeopardy) await raiseJeopardy(tx, tmf, run, jeopardy);
        await tx.updateRun(job.runId, { context: { ...run.context, retryDelayMs: waited, ...(jeopardy && { jeopardy }) }, updatedAt: at });
        return;
      }
      await tx.updateRunStep(job.runId, job.position, { status: StepStatus.failed, attempts, error: message, startedAt, endedAt: at, nextRunAt: at });
      const policyId = row.policy === 'retry' ? (row.then ?? 'hold') : row.policy;
      const applied: AppliedPolicy = {
        policy: policyId,
        matrixRow: row.id,
        rationale: row.rationale,
        step: job.step,
        error: { message, ...(error instanceof CallFailed && { status: error.cause.status, code: error.cause.toBody().code }) },
        ...(hit && { items: hit }),
        at,
      };
      const failedRun = { ...run, context: { ...run.context, policy: applied } };
      await tx.updateRun(run.id, { context: failedRun.context, updatedAt: at });
      await applyPolicy(tx, failedRun, flow, job, applied, at);
    });
  }

  async function applyPolicy(tx: Store, run: RunRecord, flow: Flow, job: RunStepRecord, applied: AppliedPolicy, at: string): Promise<void> {
    const call = inProcessCaller(tx, tmf, run, applied.policy);
    switch (applied.policy) {
      case 'compensate': {
        const last = Math.max(...(await tx.listRunSteps(run.id)).map((s) => s.position));
        return continueCompensation(tx, run, flow, Math.max(last + 1, flow.steps.length), at);
      }
      case 'partial': {
        // Fail forward: the step runs again without the items the failure took out; the service
        // order ends partial and a follow-up order is raised for them (complete-service-order).
        const partial: PartialCompletion = { failedItems: [...(partialOf(run.context)?.failedItems ?? []), ...(applied.items ?? [])], matrixRow: applied.matrixRow, step: applied.step, error: applied.error, at };
        await tx.updateRunStep(run.id, job.position, { status: StepStatus.pending, nextRunAt: at });
        await tx.updateRun(run.id, { status: RunStatus.running, context: { ...run.context, partial }, updatedAt: at });
        return;
      }
      case 'hold':
      case 'retry':
      case 'reject': {
        // Held for an operator: the orders say so, the run keeps the failed step and the structured error.
        const orders = await moveOrders(call, run.context, ['inProgress'], 'held');
        await recordOrderError(call, run.context, applied);
        const fallout = {
          id: `fo-${tmf.uuid()}`,
          status: 'open',
          runId: run.id,
          scenario: run.scenario,
          correlationId: run.correlationId,
          step: job.step,
          position: job.position,
          orders,
          error: applied.error,
          policy: applied,
          actions: falloutActions(Boolean(run.context.pointOfNoReturn)),
          heldAt: at,
        };
        await tx.putFallout({ id: fallout.id, runId: run.id, status: fallout.status, entry: fallout, createdAt: at, updatedAt: at });
        await tx.updateRun(run.id, { status: RunStatus.held, error: applied.error.message, context: { ...run.context, fallout: { id: fallout.id, status: fallout.status } }, updatedAt: at });
        return;
      }
    }
  }

  async function pass(): Promise<number> {
    const scenarios = [...flows.keys()];
    // The clock is read only when something is pending, so an idle worker leaves a virtual clock alone.
    if ((await store.nextRunStepTime(scenarios)) === undefined) return 0;
    // One commit for the pass (group commit): the steps due, then the steps they made due, up to
    // PASS_STEPS or PASS_MS of work. Each step is a savepoint in it, so a failing step leaves nothing
    // of itself while the others' work commits, and a crash loses the whole pass to a rerun.
    const started = performance.now();
    const first = await store.dueRunSteps(now(), batchSize, scenarios);
    if (!first.length) return 0;
    let done = 0;
    await store.transaction(async (batch) => {
      for (let due = first; due.length; ) {
        for (const job of due) await execute(batch, job);
        done += due.length;
        due = done < PASS_STEPS && performance.now() - started < PASS_MS ? await batch.dueRunSteps(now(), batchSize, scenarios) : [];
      }
    });
    return done;
  }

  // Polled as well as kicked: another process (the CLI, a restarted server) may add runs to the same database.
  const worker = createWorker({ pass, nextWakeMs: async () => IDLE_POLL_MS, onError: (error) => deps.logger?.error({ err: error }, 'journey runner pass failed') });

  return {
    flows,
    startRun,
    begin: worker.start,
    drain: worker.drain,
    stop: worker.stop,
    kick: () => worker.kick(),
  };
}

// A jitter in [0, 1) that is the same for the same attempt of the same step (reproducible runs).
function jitterOf(key: string): number {
  let hash = 2166136261;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 16777619);
  return (hash >>> 0) / 2 ** 32;
}
