// The three qualification gates as TMF task behaviours, keyed as TmfContext.behaviours expects:
// TMF673 address validation, TMF679 commercial eligibility (gate 1), TMF645 footprint and deep network
// (gates 2 and 3). Each answers at once when asked to (see task-behaviour.ts for the rest).

import { targetOf, type ResourceBehaviour } from '../../tmf/resource-service.js';
import { validateAddress } from './address-validation.js';
import { qualifyOfferings } from './commercial-eligibility.js';
import { qualifyServices } from './service-feasibility.js';
import { asksInstantSync, qualificationBehaviour } from './task-behaviour.js';

/** The qualification behaviours of TMF673, TMF679 and TMF645, to spread into TmfContext.behaviours. */
export const qualificationBehaviours: Record<string, ResourceBehaviour> = {
  // TMF673 v4.0.1 has no instantSync flag and declares only 201 for this POST: every validation is
  // answered at once, with the spec's 201.
  'TMF673/geographicAddressValidation': qualificationBehaviour({
    target: targetOf('TMF673', 'geographicAddressValidation'),
    isInstant: () => true,
    instantStatus: 201,
    answer: (tx, doc) => validateAddress(tx, doc.submittedGeographicAddress, doc.provideAlternative === true),
  }),
  'TMF679/productOfferingQualification': qualificationBehaviour({
    target: targetOf('TMF679', 'productOfferingQualification'),
    isInstant: asksInstantSync,
    instantStatus: 200,
    answer: (tx, doc, env) => qualifyOfferings(tx, doc, env.at),
  }),
  'TMF645/checkServiceQualification': qualificationBehaviour({
    target: targetOf('TMF645', 'checkServiceQualification'),
    isInstant: asksInstantSync,
    instantStatus: 200,
    answer: (tx, doc, env) => qualifyServices(tx, doc, env),
  }),
};
