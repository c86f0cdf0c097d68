import type { Doc, RunRecord, Store } from '../store/port.js';
import type { TmfContext } from '../tmf/resource-service.js';
import type { Actor } from './actors.js';
import type { TmfCall } from './tmf-caller.js';

/** What a step gets: the open transaction, a TMF caller bound to the run, and the run's context so far. */
export interface StepContext {
  tx: Store;
  call: TmfCall;
  run: RunRecord;
  /** The ids and facts earlier steps returned (customer, order ids, resources…). */
  context: Doc;
  tmf: TmfContext;
  /**
   * Starts another journey in this transaction, under this run's correlationId (a follow-up order
   * is the same customer journey). `carried` joins its context as is, after `prepare`.
   */
  startJourney(scenario: string, input: Doc, carried?: Doc): Promise<RunRecord>;
}

/**
 * One step of a journey, run by one actor. `run` does its calls and returns what later steps
 * need (merged into the run's context). It runs inside one transaction: all of it commits with
 * the step's checkpoint and the next job, or none of it does.
 */
export interface StepDefinition {
  id: string;
  actor: Actor;
  title: string;
  run(step: StepContext): Promise<Doc | void>;
  /**
   * Undoes what `run` did, when a later failure is compensated (policy `compensate`, before the
   * point of no return). Runs in its own transaction with the run's context; durable like a step.
   */
  compensate?(step: StepContext): Promise<Doc | void>;
}

/** What a failure scenario shows: where it diverges from the happy path and how it ends. */
export interface ScenarioCard {
  divergence: readonly string[];
  apis: readonly string[];
  policy: string;
  endStates: Readonly<Record<string, string>>;
  /** The eligibilityUnavailabilityReason code a rejection scenario ends with. */
  rejectionCode?: string;
}

/** A runnable journey: a named, ordered list of steps. */
export interface Flow {
  scenario: string;
  title: string;
  description: string;
  steps: readonly StepDefinition[];
  /** The run parameters a caller may give when starting it; any other is refused with a 400. */
  parameters: readonly string[];
  /** Turns the caller's input into the run's initial context (defaults, validation); `tx` is the run's transaction. */
  prepare?(input: Doc, tx: Store, tmf: TmfContext): Promise<Doc>;
  /** Input this scenario always runs with (a qualification rejection's address or offering). */
  input?: Doc;
  /** Faults armed for this scenario's own run (its correlationId) when it starts. */
  faults?: readonly { fault: string; times?: number }[];
  card?: ScenarioCard;
  /** The step from which work is customer-visible, and why: its milestone is recorded before it runs. */
  pointOfNoReturn?: { step: string; reason: string };
}

/** partial: the flow ended without some items, which a follow-up journey delivers (policy partial). */
export const RunStatus = { running: 'running', completed: 'completed', partial: 'partial', failed: 'failed', held: 'held', cancelled: 'cancelled' } as const;
export type RunStatus = (typeof RunStatus)[keyof typeof RunStatus];

export const StepStatus = { pending: 'pending', done: 'done', failed: 'failed' } as const;
export type StepStatus = (typeof StepStatus)[keyof typeof StepStatus];

/**
 * A step's call succeeded but its answer stops the journey (address not found, not qualified):
 * the run fails at once with this code, no retry.
 */
export class JourneyStopped extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'JourneyStopped';
  }
}

/**
 * A step whose precondition does not hold yet (a work order still open, a task still in progress).
 * Nothing it did commits; the run shows as held with this reason and the step runs again after
 * `retryAfterMs`, without counting as a failed attempt.
 */
export class StepWaiting extends Error {
  constructor(
    readonly reason: string,
    readonly retryAfterMs = 250,
  ) {
    super(reason);
    this.name = 'StepWaiting';
  }
}
