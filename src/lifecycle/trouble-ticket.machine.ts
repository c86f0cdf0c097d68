import { defineMachine } from './machine.js';

/** TMF621 TroubleTicket.status: a customer-reported fault, from report to closure. */
export const troubleTicketMachine = defineMachine({
  id: 'trouble-ticket',
  entity: 'TroubleTicket',
  api: 'TMF621',
  resource: 'troubleTicket',
  field: 'status',
  states: {
    acknowledged: {
      category: 'initial',
      meaning: 'Received and accepted as a ticket',
      to: [
        { state: 'inProgress', trigger: 'An agent starts working on it' },
        { state: 'rejected', trigger: 'It is not a valid ticket (duplicate, out of scope)' },
      ],
    },
    rejected: { category: 'failure', meaning: 'Refused as a ticket', to: [] },
    pending: {
      category: 'blocked',
      meaning: 'Waiting for the customer (InformationRequired event)',
      to: [
        { state: 'inProgress', trigger: 'The customer answers' },
        { state: 'cancelled', trigger: 'No answer in time, or the customer withdraws it' },
      ],
    },
    held: {
      category: 'blocked',
      meaning: 'Waiting on a third party or an internal dependency',
      to: [
        { state: 'inProgress', trigger: 'The dependency is cleared' },
        { state: 'cancelled', trigger: 'The customer withdraws it' },
      ],
    },
    inProgress: {
      category: 'inFlight',
      meaning: 'Being diagnosed and repaired',
      to: [
        { state: 'pending', trigger: 'Information is needed from the customer' },
        { state: 'held', trigger: 'Work waits on a third party or another team' },
        { state: 'resolved', trigger: 'The fault is fixed (TroubleTicketResolvedEvent)' },
        { state: 'cancelled', trigger: 'The customer withdraws it' },
      ],
    },
    cancelled: { category: 'failure', meaning: 'Withdrawn before resolution', to: [] },
    closed: { category: 'endOfLife', meaning: 'Resolution confirmed; the ticket is archived', to: [] },
    resolved: {
      category: 'success',
      meaning: 'Fixed, awaiting confirmation',
      to: [
        { state: 'closed', trigger: 'The customer confirms, or the confirmation period ends' },
        { state: 'inProgress', trigger: 'The customer reports the fault persists (reopened)' },
      ],
    },
  },
  initial: ['acknowledged'],
  terminal: ['rejected', 'cancelled', 'closed'],
  source:
    'TMF621 v4.0.0 TroubleTicketStatusType (the spec calls the set an example); transitions inferred from the TMF621 user guide (TMF-DOMAIN §4.11)',
});
