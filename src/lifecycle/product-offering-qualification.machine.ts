import { defineMachine } from './machine.js';

/** TMF679 ProductOfferingQualification.state: the task that checks which offerings a customer may order. */
export const productOfferingQualificationMachine = defineMachine({
  id: 'product-offering-qualification',
  entity: 'ProductOfferingQualification',
  api: 'TMF679',
  resource: 'productOfferingQualification',
  field: 'state',
  states: {
    acknowledged: {
      category: 'initial',
      meaning: 'Received and accepted for processing',
      to: [
        { state: 'inProgress', trigger: 'COM starts the commercial eligibility checks' },
        { state: 'terminatedWithError', trigger: 'The request cannot be processed (e.g. unknown customer or offering)' },
      ],
    },
    inProgress: {
      category: 'inFlight',
      meaning: 'Eligibility checks are running; an instantSyncQualification request is created here and finished in the same transaction',
      to: [
        { state: 'done', trigger: 'Every item has a qualificationItemResult: qualified, alternate or unqualified' },
        { state: 'terminatedWithError', trigger: 'A check could not be run' },
      ],
    },
    done: {
      category: 'success',
      meaning: 'Finished; each item says qualified, alternate or unqualified',
      to: [],
    },
    terminatedWithError: { category: 'failure', meaning: 'Stopped without a result', to: [] },
  },
  // An instant (instantSyncQualification) check starts in progress: the server is already working on it.
  initial: ['acknowledged', 'inProgress'],
  terminal: ['done', 'terminatedWithError'],
  source: 'TMF679 v4.0.0 TaskStateType; task lifecycle acknowledged → inProgress → done | terminatedWithError (TMF-DOMAIN §4.7); an instant check is created inProgress',
});
