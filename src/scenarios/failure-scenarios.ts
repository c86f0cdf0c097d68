// Failure journeys: the GPON FTTH provision with a fault armed for the run, or with the input that a
// qualification gate rejects. Each diverges from the happy path by data only (a fault, an address,
// an offering); the orchestrator handles what the systems really answer with the policy of the matrix.

import type { Flow, ScenarioCard, StepDefinition } from '../orchestrator/flow.js';
import { requestCancellation } from '../orchestrator/steps/request-cancellation.js';
import { customerWithLineInService } from '../orchestrator/flows/free-premises.js';
import { gponProvision, gponProvisionDefaults } from '../orchestrator/flows/gpon-provision.js';

// What the scenario fixes (a rejection's address, say) is no parameter of it: a caller naming it is refused, not ignored.
function variant(scenario: string, title: string, description: string, card: ScenarioCard, extra: Partial<Pick<Flow, 'faults' | 'input' | 'steps'>>): Flow {
  const parameters = gponProvision.parameters.filter((key) => !(key in (extra.input ?? {})));
  return { ...gponProvision, scenario, title, description, card, parameters, ...extra };
}

/** The provision's steps with one inserted after `after`. */
function withStepAfter(after: string, step: StepDefinition): readonly StepDefinition[] {
  const at = gponProvision.steps.findIndex((s) => s.id === after) + 1;
  return [...gponProvision.steps.slice(0, at), step, ...gponProvision.steps.slice(at)];
}

export const cancelBeforePonr = variant(
  'cancel-before-ponr',
  'Cancellation before the point of no return',
  'The customer cancels while the technician is on the way: COM accepts the TMF622 cancelProductOrder, the journey stops, what was done is undone and every order ends cancelled.',
  {
    divergence: ['request-cancellation: POST TMF622 cancelProductOrder (task inProgress)', 'product order acknowledged/inProgress → assessingCancellation → pendingCancellation', 'policy compensate: TMF697 work order cancelled, TMF685 reservation cancelled (resources idle), TMF638 services terminated, TMF637 product aborted, TMF646 appointment cancelled', 'orders → cancelled; cancel task → done'],
    apis: ['TMF622', 'TMF697', 'TMF685', 'TMF639', 'TMF638', 'TMF637', 'TMF646', 'TMF641', 'TMF652'],
    policy: 'compensate',
    endStates: { productOrder: 'cancelled', serviceOrder: 'cancelled', resourceOrder: 'cancelled', cancelProductOrder: 'done', resources: 'idle', services: 'terminated', product: 'aborted' },
  },
  { steps: withStepAfter('dispatch-technician', requestCancellation) },
);

export const cancelAfterPonr = variant(
  'cancel-after-ponr',
  'Cancellation refused after the point of no return',
  'The customer asks to cancel once the services are live: COM denies it with a TMF error, the order is untouched and delivery completes.',
  {
    divergence: ['request-cancellation after activate-services: POST TMF622 cancelProductOrder answers 409', 'the order keeps its state; the journey completes'],
    apis: ['TMF622'],
    policy: 'reject',
    endStates: { productOrder: 'completed', cancelProductOrder: 'none' },
  },
  { steps: withStepAfter('activate-services', requestCancellation) },
);

export const activationRetry = variant(
  'activation-retry',
  'Transient activation failure recovered by retry',
  'The BNG times out twice on the TMF702 activation of the subscriber session; the step is retried with jittered backoff and the third attempt succeeds.',
  {
    divergence: ['activate-resources: TMF702 POST for the BNG session answers 504 (×2)', 'the runner retries the step with backoff (nothing of a failed attempt commits)', 'third attempt succeeds; the journey completes'],
    apis: ['TMF702', 'TMF639'],
    policy: 'retry',
    endStates: { productOrder: 'completed', serviceOrder: 'completed', resourceOrder: 'completed', resources: 'active' },
  },
  { faults: [{ fault: 'bng-timeout', times: 2 }] },
);

export const activationRollback = variant(
  'activation-rollback',
  'Activation failure rolled back (compensate)',
  'The five resources are configured, but the post-activation line test fails and ROM cannot complete the resource order, before the point of no return: the done steps are compensated in reverse order (TMF702 activations locked, the TMF685 reservation cancelled, the services terminated, the product aborted) and the orders failed.',
  {
    divergence: ['complete-resource-order: TMF652 PATCH state completed answers 422 (line test fails)', 'policy compensate (before PONR): TMF702 activations locked, BNG session first', 'TMF685 reservation cancelled: resources back to idle, pool capacity restored', 'TMF638 services terminated (reserved → inactive → terminated), TMF637 product aborted; the visit took place, so the work order and appointment stay completed', 'resource, service and product orders → failed'],
    apis: ['TMF702', 'TMF685', 'TMF639', 'TMF638', 'TMF637', 'TMF652', 'TMF641', 'TMF622'],
    policy: 'compensate',
    endStates: { productOrder: 'failed', serviceOrder: 'failed', resourceOrder: 'failed', reservation: 'cancelled', resources: 'idle', services: 'terminated', product: 'aborted' },
  },
  { faults: [{ fault: 'activation-verification', times: 1 }] },
);

export const reservationConflict = variant(
  'reservation-conflict',
  'Resource conflict at reservation',
  'The PON port was taken since qualification: TMF685 refuses the reservation with 409 and what the journey holds is released.',
  {
    divergence: ['reserve-resources: TMF685 POST reservation answers 409', 'policy compensate: nothing reserved; TMF638 services terminated, TMF637 product aborted, TMF646 appointment cancelled', 'orders → failed'],
    apis: ['TMF685', 'TMF638', 'TMF637', 'TMF646', 'TMF652', 'TMF641', 'TMF622'],
    policy: 'compensate',
    endStates: { productOrder: 'failed', serviceOrder: 'failed', resourceOrder: 'failed', resources: 'idle', services: 'terminated', product: 'aborted' },
  },
  { faults: [{ fault: 'reservation-conflict', times: 1 }] },
);

export const activationAfterPonr = variant(
  'activation-after-ponr',
  'Activation failure after the point of no return (fallout)',
  'The network is configured and the point of no return passed; TMF638 refuses to activate the services. Nothing is undone: the orders are held and the run waits in the fallout queue for an operator to retry or resume (an abort is denied past the point of no return).',
  {
    divergence: ['point of no return milestone on the product and service orders', 'activate-services: TMF638 PATCH state active answers 422', 'policy hold: product and service orders → held; an entry in /spine/v1/fallout', 'operator: retry (step again) or resume (done by hand); abort answers 409 past the point of no return'],
    apis: ['TMF638', 'TMF641', 'TMF622'],
    policy: 'hold',
    endStates: { productOrder: 'held', serviceOrder: 'held', resourceOrder: 'completed', resources: 'active' },
  },
  { faults: [{ fault: 'service-activation', times: 1 }] },
);

export const partialHomeNetwork = variant(
  'partial-home-network',
  'Home network not delivered after the point of no return (partial completion)',
  'Internet access is live when the managed home network fails: the gateway never contacts the ACS, so TMF638 refuses to activate CPE management. The rest of the order does not need it: the services that work are activated, the service order ends partial and SOM raises a follow-up order, whose own journey activates the home network and completes the product order.',
  {
    divergence: [
      'activate-services: TMF638 PATCH CPE management state active answers 422 (no TR-069 Inform)',
      'policy partial (the Home Network CFS is independent): the step runs again without Home Network and CPE management',
      'TMF641 service order → partial: Internet Access items completed, Home Network items failed, the Broadband bundle item partial',
      'follow-up TMF641 service order (orderRelationship followUpOf) raised and delivered by the service-follow-up journey: services active, follow-up completed, then the product order',
    ],
    apis: ['TMF638', 'TMF641', 'TMF622', 'TMF637'],
    policy: 'partial',
    endStates: { serviceOrder: 'partial', followUpServiceOrder: 'completed', productOrder: 'completed', product: 'active', services: 'active' },
  },
  { faults: [{ fault: 'cpe-management-unreachable', times: 1 }] },
);

export const appointmentMissed = variant(
  'appointment-missed',
  'Installation appointment missed (hold)',
  'Nobody is home when the technician comes: the work order cannot start, the orders are held until an operator rebooks and retries, or aborts: the journey is then rolled back and the premises is free again.',
  {
    divergence: ['complete-field-work: TMF697 PATCH state inProgress answers 409', 'policy hold (human-dependent): orders → held, fallout entry', 'operator: retry, resume, or abort (before the point of no return: rolled back as compensate does, orders → failed)'],
    apis: ['TMF697', 'TMF646', 'TMF622'],
    policy: 'hold',
    endStates: { productOrder: 'held', serviceOrder: 'held', resourceOrder: 'held' },
  },
  { faults: [{ fault: 'appointment-missed', times: 1 }] },
);

// `result` is the TMF qualification result: `alternate` when a proposal comes with it, else `unqualified`.
function rejection(scenario: string, title: string, code: string, result: 'alternate' | 'unqualified', gate: string, input: Flow['input']): Flow {
  return variant(
    scenario,
    title,
    `Rejected at ${gate} with ${code}: the journey stops before anything is ordered or reserved.`,
    { divergence: [`${gate}: ${code}`, 'policy reject: no product order, no reservation'], apis: gate.startsWith('qualify-offering') ? ['TMF679'] : ['TMF645'], policy: 'reject', endStates: { qualification: result, productOrder: 'none' }, rejectionCode: code },
    { input },
  );
}

export const qualificationRejections: readonly Flow[] = [
  rejection('reject-comm-003', 'Enterprise offering for a residential customer (COMM-003)', 'COMM-003', 'alternate', 'qualify-offering (TMF679)', { customerId: 'cust-56789', offeringId: 'po-gpon-ftth-business' }),
  rejection('reject-tech-001', 'PON port full at the address (TECH-001)', 'TECH-001', 'alternate', 'qualify-service (TMF645)', { addressId: 'addr-tor-15-birch-st' }),
  rejection('reject-tech-002', 'Optical budget exceeded (TECH-002)', 'TECH-002', 'unqualified', 'qualify-service (TMF645)', { addressId: 'addr-tor-97-maple-ave' }),
  {
    // A second line ordered where one is in service: for the first demo customer who has one (409 while none has).
    ...rejection('reject-tech-005', 'Second line at a premises already served (TECH-005)', 'TECH-005', 'unqualified', 'qualify-service (TMF645)', undefined),
    prepare: async (input, tx, tmf) =>
      gponProvision.prepare!({ ...input, customerId: input.customerId ?? (await customerWithLineInService(tx, gponProvisionDefaults.customerIds)) }, tx, tmf),
  },
];

export const failureScenarios: readonly Flow[] = [activationRetry, activationRollback, reservationConflict, activationAfterPonr, partialHomeNetwork, appointmentMissed, cancelBeforePonr, cancelAfterPonr, ...qualificationRejections];
