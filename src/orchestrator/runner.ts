import type { Doc, RunRecord, RunStepRecord, Store } from '../store/port.js';
import { TmfError } from '../tmf/errors.js';
import type { TmfContext } from '../tmf/resource-service.js';
import { JourneyStopped, RunStatus, StepStatus, StepWaiting, type Flow } from './flow.js';
import { createWorker } from '../events/worker.js';
import { CallFailed, inProcessCaller } from './tmf-caller.js';

/** How a failing step is retried before its run fails. */
export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
}

const IDLE_POLL_MS = 50;

export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 3, baseDelayMs: 200 };

export interface Runner {
  /** Starts a journey: the run and its first job commit together; returns at once. */
  startRun(scenario: string, input: Doc): Promise<RunRecord>;
  /** Starts the worker loop that takes due steps (including those left by a crash). */
  begin(): void;
  /** Runs due steps until none is left; for tests, the CLI and shutdown. */
  drain(): Promise<void>;
  stop(): Promise<void>;
  flows: ReadonlyMap<string, Flow>;
}

/**
 * The durable engine: steps are rows in `run_step`; a worker loop takes due ones and runs each in
 * one transaction with its checkpoint and the next job. A crash rolls back the step in flight, so
 * after a restart it runs again from a clean state — nothing is done twice, nothing is lost.
 */
export function createRunner(deps: {
  tmf: TmfContext;
  flows: readonly Flow[];
  retry?: RetryPolicy;
  batchSize?: number;
  logger?: { error(obj: object, msg: string): void };
}): Runner {
  const { tmf } = deps;
  const store = tmf.store;
  const retry = deps.retry ?? defaultRetryPolicy;
  const flows = new Map(deps.flows.map((f) => [f.scenario, f]));
  const batchSize = deps.batchSize ?? 16;

  const now = () => tmf.now().toISOString();

  async function startRun(scenario: string, input: Doc): Promise<RunRecord> {
    const flow = flows.get(scenario);
    if (!flow) throw new TmfError('NOT_FOUND', `no scenario ${scenario}; known: ${[...flows.keys()].join(', ')}`);
    const run = await store.transaction(async (tx) => {
      const at = now();
      const record: RunRecord = {
        id: `run-${tmf.uuid()}`,
        scenario,
        status: RunStatus.running,
        // One correlationId per journey, minted before any order exists (TMF-DOMAIN §5).
        correlationId: `journey-${tmf.uuid()}`,
        input,
        context: flow.prepare ? await flow.prepare(input, tx) : input,
        error: null,
        createdAt: at,
        updatedAt: at,
      };
      await tx.insertRun(record);
      await tx.insertRunStep({ runId: record.id, position: 0, step: flow.steps[0]!.id, status: StepStatus.pending, nextRunAt: at });
      return record;
    });
    worker.kick();
    return run;
  }

  async function execute(db: Store, job: RunStepRecord): Promise<void> {
    const startedAt = now();
    try {
      await db.transaction(async (tx) => {
        const run = await tx.getRun(job.runId);
        const current = await tx.getRunStep(job.runId, job.position);
        if (!run || current?.status !== StepStatus.pending) return;
        const flow = flows.get(run.scenario)!;
        const step = flow.steps[job.position]!;
        let output: Doc;
        try {
          output = (await step.run({ tx, call: inProcessCaller(tx, tmf, run, step.id), run, context: run.context, tmf })) ?? {};
        } catch (error) {
          if (!(error instanceof JourneyStopped)) throw error;
          // The calls succeeded and their answer stops the journey: what they recorded (an
          // unqualified task with its reasons) is real, so it commits with the failed step.
          const at = now();
          await tx.updateRunStep(job.runId, job.position, { status: StepStatus.failed, attempts: job.attempts + 1, error: error.message, startedAt, endedAt: at });
          await tx.updateRun(run.id, { status: RunStatus.failed, error: error.message, updatedAt: at });
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
        const next = flow.steps[job.position + 1];
        if (next) await tx.insertRunStep({ runId: run.id, position: job.position + 1, step: next.id, status: StepStatus.pending, nextRunAt: at });
        await tx.updateRun(run.id, {
          context: { ...run.context, ...output },
          status: next ? RunStatus.running : RunStatus.completed,
          error: null,
          updatedAt: at,
        });
      });
    } catch (error) {
      if (error instanceof StepWaiting) await recordWait(db, job, error);
      else await recordFailure(db, job, startedAt, error);
    }
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
    // A client error (4xx) will not go away by retrying; anything else may be transient.
    const permanent = error instanceof CallFailed && error.cause.status < 500;
    const giveUp = permanent || attempts >= retry.maxAttempts;
    await db.transaction(async (tx) => {
      if (error instanceof CallFailed) await tx.appendExchange(error.exchange);
      const at = now();
      await tx.updateRunStep(job.runId, job.position, {
        status: giveUp ? StepStatus.failed : StepStatus.pending,
        attempts,
        error: message,
        startedAt,
        endedAt: at,
        nextRunAt: giveUp ? at : new Date(Date.parse(at) + retry.baseDelayMs * 2 ** (attempts - 1)).toISOString(),
      });
      if (giveUp) await tx.updateRun(job.runId, { status: RunStatus.failed, error: message, updatedAt: at });
    });
  }

  async function pass(): Promise<number> {
    const scenarios = [...flows.keys()];
    // The clock is read only when something is pending, so an idle worker leaves a virtual clock alone.
    if ((await store.nextRunStepTime(scenarios)) === undefined) return 0;
    const due = await store.dueRunSteps(now(), batchSize, scenarios);
    // One commit for the batch (group commit); each step is a savepoint in it, so a failing step
    // leaves nothing of itself while the others' work commits, and a crash loses the whole batch to a rerun.
    await store.transaction(async (batch) => {
      for (const job of due) await execute(batch, job);
    });
    return due.length;
  }

  // Polled as well as kicked: another process (the CLI, a restarted server) may add runs to the same database.
  const worker = createWorker({ pass, nextWakeMs: async () => IDLE_POLL_MS, onError: (error) => deps.logger?.error({ err: error }, 'journey runner pass failed') });

  return {
    flows,
    startRun,
    begin: worker.start,
    drain: worker.drain,
    stop: worker.stop,
  };
}
