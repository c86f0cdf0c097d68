import { defineMachine } from './machine.js';

/** TMF638 Service.state: a CFS or RFS instance in service inventory, the thing that exists (not the work). */
export const serviceMachine = defineMachine({
  id: 'service',
  entity: 'Service',
  api: 'TMF638',
  resource: 'service',
  field: 'state',
  states: {
    feasibilityChecked: {
      category: 'initial',
      meaning: 'Feasibility checked for an order; nothing designed or allocated yet',
      to: [{ state: 'designed', trigger: 'SOM designs it (decomposition, parameters chosen)' }],
    },
    designed: {
      category: 'initial',
      meaning: 'Designed; no resources reserved yet',
      to: [
        { state: 'reserved', trigger: 'ROM reserves its resources (TMF685 reservation)' },
        { state: 'terminated', trigger: 'The design is abandoned: its order is rolled back or cancelled' },
      ],
    },
    reserved: {
      category: 'reserved',
      meaning: 'Resources reserved, not provisioned; released only through inactive (no reserved → terminated)',
      to: [
        { state: 'inactive', trigger: 'The service order item completes with activation deferred' },
        { state: 'active', trigger: 'Provisioning and activation complete (TMF640/702)' },
      ],
    },
    inactive: {
      category: 'blocked',
      meaning: 'Provisioned but not in service: activation deferred, or deactivated',
      to: [
        { state: 'active', trigger: 'An activation request (TMF640) switches it on' },
        { state: 'terminated', trigger: 'A delete service order item ceases it' },
      ],
    },
    active: {
      category: 'success',
      meaning: 'In service',
      to: [
        { state: 'inactive', trigger: 'A modify service order item deactivates it' },
        { state: 'terminated', trigger: 'A delete service order item ceases it' },
      ],
    },
    terminated: { category: 'endOfLife', meaning: 'Ceased; resources released, kept for history', to: [] },
  },
  // TMF638's diagram starts with a fork: a service may be recorded at any of these steps.
  initial: ['feasibilityChecked', 'designed', 'reserved', 'inactive', 'active'],
  terminal: ['terminated'],
  source:
    'TMF638 v4.0.0 ServiceStateType; initial fork from the TMF638 state diagram (puml posted on engage), reserved → terminated excluded as in the v5 diagram, designed → terminated (an abandoned design) inferred, the rest from the v4 guide figure (TMF-DOMAIN §4.4)',
});
