import { defineMachine } from './machine.js';

/** TMF645 CheckServiceQualification.state: the task that checks whether a service can be delivered at an address. */
export const serviceQualificationMachine = defineMachine({
  id: 'service-qualification',
  entity: 'CheckServiceQualification',
  api: 'TMF645',
  resource: 'checkServiceQualification',
  field: 'state',
  states: {
    accepted: {
      category: 'initial',
      meaning: 'Received and accepted for processing (the spec description calls it acknowledged)',
      to: [
        { state: 'inProgress', trigger: 'The qualification engine starts the checks (address, coverage, capacity, optical budget)' },
        { state: 'terminatedWithError', trigger: 'The request cannot be processed (e.g. the address is unknown)' },
      ],
    },
    inProgress: {
      category: 'inFlight',
      meaning: 'Checks are running; an instantSyncQualification request is created here and finished in the same transaction',
      to: [
        { state: 'done', trigger: 'Every item has a result: qualified, alternate or unqualified' },
        { state: 'terminatedWithError', trigger: 'A check could not be run' },
      ],
    },
    done: {
      category: 'success',
      meaning: 'Finished; qualificationResult is qualified, alternate or unqualified',
      to: [],
    },
    terminatedWithError: { category: 'failure', meaning: 'Stopped without a result', to: [] },
  },
  // An instant (instantSyncQualification) check starts in progress: the server is already working on it.
  initial: ['accepted', 'inProgress'],
  terminal: ['done', 'terminatedWithError'],
  // The v4 TaskStateType enum says accepted, the state's description says acknowledged.
  aliases: { acknowledged: 'accepted' },
  source:
    'TMF645 v4.0.0 TaskStateType (accepted; acknowledged from the description accepted as an alias); task lifecycle accepted → inProgress → done | terminatedWithError (TMF-DOMAIN §4.7); an instant check is created inProgress',
});
