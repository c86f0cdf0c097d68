import { defineMachine } from './machine.js';

/** TMF646 Appointment.status: the booked slot for a field visit. */
export const appointmentMachine = defineMachine({
  id: 'appointment',
  entity: 'Appointment',
  api: 'TMF646',
  resource: 'appointment',
  field: 'status',
  states: {
    initialized: {
      category: 'initial',
      meaning: 'Booked on a time slot, not yet confirmed',
      to: [
        { state: 'confirmed', trigger: 'The customer or the workforce system confirms the slot' },
        { state: 'cancelled', trigger: 'The customer or the order cancels it' },
        { state: 'failed', trigger: 'The slot can no longer be honoured (e.g. no technician)' },
      ],
    },
    confirmed: {
      category: 'inFlight',
      meaning: 'Confirmed; the visit will take place (a reschedule is a PATCH of validFor, not a state change)',
      to: [
        { state: 'completed', trigger: 'The technician finishes the visit and the work order closes' },
        { state: 'cancelled', trigger: 'Cancelled before the visit' },
        { state: 'failed', trigger: 'The visit did not happen (e.g. missed by the customer)' },
      ],
    },
    completed: { category: 'success', meaning: 'The visit took place', to: [] },
    cancelled: { category: 'failure', meaning: 'Called off before the visit', to: [] },
    failed: { category: 'failure', meaning: 'The visit did not happen', to: [] },
  },
  initial: ['initialized'],
  terminal: ['completed', 'cancelled', 'failed'],
  source: 'TMF646 v4.0.0 AppointmentStateType; transitions inferred from the TMF646 user guide (TMF-DOMAIN §4.8)',
});
