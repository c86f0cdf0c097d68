import { defineMachine } from './machine.js';
import { orderStates, orderTerminal } from './order-lifecycle.js';

/** TMF652 ResourceOrder.state: the order ROM fulfils to allocate and configure resources. */
export const resourceOrderMachine = defineMachine({
  id: 'resource-order',
  entity: 'ResourceOrder',
  api: 'TMF652',
  resource: 'resourceOrder',
  field: 'state',
  states: orderStates({ provider: 'ROM', requester: 'the orchestrator', unit: 'order' }),
  initial: ['acknowledged'],
  terminal: orderTerminal,
  source:
    'TMF652 v4.0.0 has no enum (state is a free string "described in the state machine diagram"): the TMF641 ServiceOrderStateType set and transitions are reused (TMF-DOMAIN §4.3)',
});
