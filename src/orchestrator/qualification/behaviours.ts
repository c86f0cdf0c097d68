// The three qualification gates as TMF task behaviours, keyed as TmfContext.behaviours expects:
// TMF673 address validation, TMF679 commercial eligibility (gate 1), TMF645 footprint and deep network
// (gates 2 and 3). Each answers at once when asked to (see task-behaviour.ts), and later otherwise
// (async-completion.ts, from the same `answer`).

import { targetOf, type ResourceBehaviour } from '../../tmf/resource-service.js';
import { validateAddress } from './address-validation.js';
import { qualifyOfferings } from './commercial-eligibility.js';
import { qualifyServices } from './service-feasibility.js';
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
];

/** The qualification behaviours of TMF673, TMF679 and TMF645, to spread into TmfContext.behaviours. */
export const qualificationBehaviours: Record<string, ResourceBehaviour> = Object.fromEntries(
  [addressValidation, ...asynchronousQualifications].map((task) => [`${task.target.api.id}/${task.target.resource.name}`, qualificationBehaviour(task)]),
);
