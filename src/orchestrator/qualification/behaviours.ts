// The three qualification gates as TMF task behaviours, keyed as TmfContext.behaviours expects:
// TMF673 address validation, TMF679 commercial eligibility (gate 1), TMF645 footprint and deep network
// (gates 2 and 3), with TMF645's query of what those gates would let through at a place. Each answers at
// once when asked to (see task-behaviour.ts), and later otherwise (async-completion.ts, from the same `answer`).

import { targetOf, type ResourceBehaviour } from '../../tmf/resource-service.js';
import { validateAddress } from './address-validation.js';
import { qualifyOfferings } from './commercial-eligibility.js';
import { queryServices, qualifyServices } from './service-feasibility.js';
import { asksInstantSync, qualificationBehaviour, type QualificationTask } from './task-behaviour.js';

/** TMF673 v4.0.1 has no instantSync flag and declares only 201 for this POST: every validation is answered at once, with the spec's 201. */
const addressValidation: QualificationTask = {
  target: targetOf('TMF673', 'geographicAddressValidation'),
  isInstant: () => true,
  instantStatus: 201,
  answer: (tx, doc) => validateAddress(tx, doc.submittedGeographicAddress, doc.provideAlternative === true),
};

/** The qualifications a client may ask to have answered later (instantSyncQualification not true). */
export const asynchronousQualifications: readonly QualificationTask[] = [
  {
    target: targetOf('TMF679', 'productOfferingQualification'),
    isInstant: asksInstantSync,
    instantStatus: 200,
    answer: (tx, doc, env) => qualifyOfferings(tx, doc, env.at),
  },
  {
    target: targetOf('TMF645', 'checkServiceQualification'),
    isInstant: asksInstantSync,
    instantStatus: 200,
    answer: (tx, doc, env) => qualifyServices(tx, doc, env),
  },
  // A query naming a place that does not exist fails as a check does, by how it was asked. TMF645 says an
  // instantSyncQualification POST is the operation itself (200 when it succeeds): a dangling reference
  // makes it a bad request, the 400 the spec declares, and nothing is stored. Without the flag the spec
  // has the POST create the task (201); from then on the task is what answers, so it ends
  // terminatedWithError, the TaskStateType for a task that could not be completed.
  {
    target: targetOf('TMF645', 'queryServiceQualification'),
    isInstant: asksInstantSync,
    instantStatus: 200,
    answer: (tx, doc, env) => queryServices(tx, doc, env),
  },
];

/** The qualification behaviours of TMF673, TMF679 and TMF645 (check and query), to spread into TmfContext.behaviours. */
export const qualificationBehaviours: Record<string, ResourceBehaviour> = Object.fromEntries(
  [addressValidation, ...asynchronousQualifications].map((task) => [`${task.target.api.id}/${task.target.resource.name}`, qualificationBehaviour(task)]),
);
