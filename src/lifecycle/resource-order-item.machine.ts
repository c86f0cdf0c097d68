import { defineMachine } from './machine.js';
import { orderStates, orderTerminal } from './order-lifecycle.js';

/** TMF652 ResourceOrderItem.state (array `orderItem`): one line of a resource order. */
export const resourceOrderItemMachine = defineMachine({
  id: 'resource-order-item',
  entity: 'ResourceOrderItem',
  api: 'TMF652',
  resource: 'resourceOrder',
  field: 'state',
  within: 'orderItem',
  states: orderStates({ provider: 'ROM', requester: 'the orchestrator', unit: 'item' }),
  initial: ['acknowledged'],
  terminal: orderTerminal,
  source: 'TMF652 v4.0.0 item state is a free string: the TMF641 ServiceOrderItemStateType set and transitions are reused',
});
