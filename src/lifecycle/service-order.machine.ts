import { defineMachine } from './machine.js';
import { orderStates, orderTerminal } from './order-lifecycle.js';

/** TMF641 ServiceOrder.state: the technical order SOM fulfils for the orchestrator. */
export const serviceOrderMachine = defineMachine({
  id: 'service-order',
  entity: 'ServiceOrder',
  api: 'TMF641',
  resource: 'serviceOrder',
  field: 'state',
  states: orderStates({ provider: 'SOM', requester: 'the orchestrator', unit: 'order' }),
  initial: ['acknowledged'],
  terminal: orderTerminal,
  source:
    'TMF641 v4.1.0 ServiceOrderStateType (same 11 values as TMF622); transitions as TMF622 per the TMF641 user guide (TMF-DOMAIN §4.2)',
});
