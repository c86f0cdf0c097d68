import { defineMachine } from './machine.js';
import { orderStates, orderTerminal } from './order-lifecycle.js';

/** TMF641 ServiceOrderItem.state: one line of a service order, checked with the order's consistency rules. */
export const serviceOrderItemMachine = defineMachine({
  id: 'service-order-item',
  entity: 'ServiceOrderItem',
  api: 'TMF641',
  resource: 'serviceOrder',
  field: 'state',
  within: 'serviceOrderItem',
  states: orderStates({ provider: 'SOM', requester: 'the orchestrator', unit: 'item' }),
  initial: ['acknowledged'],
  terminal: orderTerminal,
  source: 'TMF641 v4.1.0 ServiceOrderItemStateType (11 values, partial included); transitions as for the order',
});
