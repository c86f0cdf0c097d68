import { defineMachine } from './machine.js';

/** TMF645 QueryServiceQualification.state: the task that lists the services the network can deliver at a place. */
export const queryServiceQualificationMachine = defineMachine({
  id: 'query-service-qualification',
  entity: 'QueryServiceQualification',
  api: 'TMF645',
  resource: 'queryServiceQualification',
  field: 'state',
  states: {
    accepted: {
      category: 'initial',
      meaning: 'Received and accepted for processing (the spec description calls it acknowledged)',
      to: [
        { state: 'inProgress', trigger: 'The qualification engine starts reading the network at the searched place' },
        { state: 'terminatedWithError', trigger: 'The request cannot be processed (e.g. the place is unknown)' },
      ],
    },
    inProgress: {
      category: 'inFlight',
      meaning: 'The network is being read; an instantSyncQualification request is created here and finished in the same transaction',
      to: [
        { state: 'done', trigger: 'serviceQualificationItem lists every service the network can deliver there (none when it can deliver none)' },
        { state: 'terminatedWithError', trigger: 'The search could not be run' },
      ],
    },
    done: { category: 'success', meaning: 'Finished; serviceQualificationItem holds the services found', to: [] },
    terminatedWithError: { category: 'failure', meaning: 'Stopped without a result', to: [] },
  },
  // An instant (instantSyncQualification) query starts in progress: the server is already working on it.
  initial: ['accepted', 'inProgress'],
  terminal: ['done', 'terminatedWithError'],
  // The v4 TaskStateType enum says accepted, the state's description says acknowledged.
  aliases: { acknowledged: 'accepted' },
  source:
    'TMF645 v4.0.0 TaskStateType (accepted; acknowledged from the description accepted as an alias); transitions inferred as those of checkServiceQualification, the same TaskStateType task (TMF-DOMAIN §4.7); an instant query is created inProgress',
});
