// The four error-handling policies and the decision matrix that picks one for a failure, as data
// (TMF-DOMAIN §11). TM Forum standardises the signals (states, milestones, jeopardy, errorMessage);
// the policies themselves are industry practice, so each row says why it is the default.

import { ServiceSpecIds } from '../../catalog/index.js';

/** How a failed call is retried before the failure is escalated to the matrix's next policy. */
export interface RetryBounds {
  maxAttempts: number;
  baseDelayMs: number;
  /** The most a delay may grow: base × 2^(attempt-1), capped here. */
  maxDelayMs: number;
  /** Each delay is drawn between (1 - jitter) × delay and delay ("equal jitter" when 0.5). */
  jitter: number;
  /** Retries whose delays add up beyond this put the SLA at risk: the run raises a jeopardy alert. */
  jeopardyAfterMs: number;
}

export const PolicyIds = { retry: 'retry', compensate: 'compensate', hold: 'hold', partial: 'partial', reject: 'reject' } as const;
export type PolicyId = (typeof PolicyIds)[keyof typeof PolicyIds];

export interface Policy {
  id: PolicyId;
  title: string;
  mechanics: string;
  signals: string;
  retry?: RetryBounds;
}

export const policies: Record<PolicyId, Policy> = {
  retry: {
    id: 'retry',
    title: 'Retry with backoff',
    mechanics: 'Exponential backoff with jitter, bounded attempts; every southbound call is idempotent (one step = one transaction, nothing of a failed attempt commits). Escalates to the next policy of its matrix row when exhausted.',
    signals: 'Item stays inProgress; a jeopardy alert on the run when the retries exceed the SLA budget.',
    retry: { maxAttempts: 4, baseDelayMs: 200, maxDelayMs: 5_000, jitter: 0.5, jeopardyAfterMs: 500 },
  },
  compensate: {
    id: 'compensate',
    title: 'Compensate (roll back)',
    mechanics: 'Before the point of no return: the compensations of the steps already done run in reverse order, each durable (deactivate TMF702 configuration, call off the TMF697 work order, release TMF685 reservations, terminate the TMF638 services, abort the TMF637 product, cancel the TMF646 appointment), then fail the orders.',
    signals: 'Resource, service and product orders → failed; TMF639 resources usageState → idle; pool capacity restored; services terminated, product aborted, the visit slot free again.',
  },
  hold: {
    id: 'hold',
    title: 'Hold for manual intervention (fallout)',
    mechanics: 'After the point of no return nothing is undone: the run is parked and the orders held, with a structured error, until an operator retries or resumes it (or, held before the point of no return, aborts it: a rollback).',
    signals: 'Order and items → held; the run shows held with the error.',
  },
  partial: {
    id: 'partial',
    title: 'Partial completion (fail forward)',
    mechanics: 'After the point of no return, for an item the rest of the order does not need: the step goes on without the failed items, the order ends with what was delivered, and a follow-up order is raised (and run) for the rest.',
    signals: 'Service order → partial: delivered items completed, failed items failed, their bundle partial; a follow-up TMF641 order (orderRelationship followUpOf) for the failed items; the product order completes when the follow-up does.',
  },
  reject: {
    id: 'reject',
    title: 'Reject early',
    mechanics: 'A validation or business-rule answer stops the journey before anything is ordered: no side effects to undo.',
    signals: 'Qualification unqualified (or alternate, with a proposal) and its reasons; no order.',
  },
};

/** What a matrix row matches: the kind of failure, where it happened, and the point of no return. */
export interface FailureMatch {
  /**
   * transient: 5xx or timeout; refused: 4xx from the called system; answer: a business answer that
   * stops the journey; cancel: the customer's cancelProductOrder; abort: an operator aborts a held journey.
   */
  kind: 'transient' | 'refused' | 'answer' | 'cancel' | 'abort';
  /** Only failures at these steps (any step when absent). */
  steps?: readonly string[];
  /** Before or after the point of no return (either when absent). */
  ponr?: 'before' | 'after';
  /** Only failures confined to order items the rest of the order does not need (see `independentServices`). */
  independentItem?: true;
}

export interface MatrixRow {
  id: string;
  scenario: string;
  match: FailureMatch;
  /** The policy applied first; `then` takes over when it is exhausted (retry → compensate/hold). */
  policy: PolicyId;
  then?: PolicyId;
  rationale: string;
}

/** First matching row wins. */
export const decisionMatrix: readonly MatrixRow[] = [
  {
    id: 'transient-before-ponr',
    scenario: 'Timeout / 5xx from OLT, BNG or ACS before the point of no return',
    match: { kind: 'transient', ponr: 'before' },
    policy: 'retry',
    then: 'compensate',
    rationale: 'Usually transient, and a retry is safe because a failed attempt commits nothing; if it persists, undo what was done rather than leave orphaned configuration.',
  },
  {
    id: 'transient-after-ponr',
    scenario: 'Timeout / 5xx after the point of no return',
    match: { kind: 'transient', ponr: 'after' },
    policy: 'retry',
    then: 'hold',
    rationale: 'Retry first; customer-visible work cannot be unwound, so an operator takes over when retries are exhausted.',
  },
  {
    id: 'conflict-at-reservation',
    scenario: 'Resource conflict at reservation (port taken since qualification)',
    match: { kind: 'refused', steps: ['reserve-resources'] },
    policy: 'compensate',
    rationale: 'Service qualification does not allocate (TMFC009), so races are expected; release what the journey holds so it can be re-planned.',
  },
  {
    id: 'field-visit',
    scenario: 'Field visit required / appointment missed',
    match: { kind: 'refused', steps: ['book-appointment', 'dispatch-technician', 'complete-field-work'] },
    policy: 'hold',
    rationale: 'Human-dependent: nothing is wrong with what was done; the orders wait (held) until the visit is rebooked and done, then the journey resumes.',
  },
  {
    id: 'refused-before-ponr',
    scenario: 'Activation refused (ONT ranging, partial activation) before the point of no return',
    match: { kind: 'refused', ponr: 'before' },
    policy: 'compensate',
    rationale: 'Avoid orphaned configuration and inventory drift: roll back the network and the reservations.',
  },
  {
    id: 'independent-item-after-ponr',
    scenario: 'One item of a multi-item order refused after the point of no return (managed home network: the gateway never reaches the ACS)',
    match: { kind: 'refused', ponr: 'after', independentItem: true },
    policy: 'partial',
    rationale: 'The other items deliver value on their own (internet access works without the managed WiFi): complete them, end the order partial and raise a follow-up order for the rest instead of holding everything.',
  },
  {
    id: 'refused-after-ponr',
    scenario: 'Activation refused after the point of no return',
    match: { kind: 'refused', ponr: 'after' },
    policy: 'hold',
    rationale: 'The customer already sees the service: hold in fallout for an operator to retry the step or resume once it is done by hand.',
  },
  {
    id: 'cancel-before-ponr',
    scenario: 'Cancel request (TMF622 cancelProductOrder) before the point of no return',
    match: { kind: 'cancel', ponr: 'before' },
    policy: 'compensate',
    rationale: 'Nothing customer-visible has happened: undo the work and cancel the orders (assessingCancellation → pendingCancellation → cancelled).',
  },
  {
    id: 'cancel-after-ponr',
    scenario: 'Cancel request after the point of no return',
    match: { kind: 'cancel', ponr: 'after' },
    policy: 'reject',
    rationale: 'Deny: the work cannot be unwound; the order stays as it was (a cease order undoes a delivered service).',
  },
  {
    id: 'abort-before-ponr',
    scenario: 'An operator aborts a journey held in fallout before the point of no return',
    match: { kind: 'abort', ponr: 'before' },
    policy: 'compensate',
    rationale: 'Nothing customer-visible has happened: undo the work and fail the orders, so the premises and its resources are free for a new order.',
  },
  {
    id: 'abort-after-ponr',
    scenario: 'An operator aborts a journey held in fallout after the point of no return',
    match: { kind: 'abort', ponr: 'after' },
    policy: 'reject',
    rationale: 'Deny: past the point of no return the work is not rolled back; retry the step, or resume once it is done by hand (a cease order then undoes the delivered service).',
  },
  {
    id: 'unavailable-at-reservation',
    scenario: 'Resources no longer available at reservation (taken since qualification, no other port within budget)',
    match: { kind: 'answer', steps: ['reserve-resources', 'reserve-added-resources'] },
    policy: 'compensate',
    rationale: 'Orders already exist by then: fail them and release what the journey holds rather than leave them in flight.',
  },
  {
    id: 'field-work-abandoned',
    scenario: 'The work order of a held change ends without the work (rejected, failed or cancelled by the field)',
    match: { kind: 'answer', steps: ['resume-after-field-visit'] },
    policy: 'compensate',
    rationale: 'The technician will not come: nothing the customer has was touched yet, so undo the change and give back what it reserved instead of waiting for ever.',
  },
  {
    id: 'business-rule',
    scenario: 'Validation or business-rule failure (qualification COMM-/TECH- codes)',
    match: { kind: 'answer' },
    policy: 'reject',
    rationale: 'Fail fast, before anything is reserved or ordered: no side effects.',
  },
];

/** A change's point of no return: releasing the current line takes the customer's service down. */
export const changePointOfNoReturn = {
  step: 'release-resources',
  reason:
    'Up to the release of the current resources the change is only planned and reserved, and can be undone exactly. Releasing them takes the line the customer has down, so from here a failure is held for an operator, never rolled back.',
} as const;

/** The point of no return: from this step on, work is customer-visible and is not rolled back. */
export const pointOfNoReturn = {
  step: 'activate-services',
  reason:
    'Up to resource activation everything the journey did is internal (reservations, network configuration) and can be undone exactly. Activating the services makes the product live for the customer and billable, so from here a failure is held or completed partially, never rolled back.',
} as const;

export interface FailureFacts {
  kind: FailureMatch['kind'];
  step: string;
  ponrPassed: boolean;
  /** The failure concerns only order items that no delivered item needs. */
  independentItem?: boolean;
}

/**
 * The services an order can deliver without: a bundle member whose failure leaves the rest of the
 * bundle useful. Internet Access is not one of them: the home network is worthless without it.
 */
export const independentServices: readonly string[] = [ServiceSpecIds.homeNetwork];

/** The matrix row that governs a failure. */
export function decide(facts: FailureFacts): MatrixRow {
  const row = decisionMatrix.find(
    ({ match }) =>
      match.kind === facts.kind &&
      (!match.steps || match.steps.includes(facts.step)) &&
      (!match.ponr || (match.ponr === 'after') === facts.ponrPassed) &&
      (!match.independentItem || facts.independentItem === true),
  );
  return row ?? { id: 'default', scenario: 'Anything else', match: { kind: facts.kind }, policy: facts.ponrPassed ? 'hold' : 'compensate', rationale: 'No row matched: the safe default for where the journey is.' };
}

/** The delay before retry `attempt` (1-based), with jitter drawn from `random` in [0, 1). */
export function backoffDelay(bounds: RetryBounds, attempt: number, random: number): number {
  const full = Math.min(bounds.maxDelayMs, bounds.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(full * (1 - bounds.jitter * random));
}
