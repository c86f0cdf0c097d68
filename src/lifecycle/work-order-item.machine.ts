import { defineMachine } from './machine.js';
import { orderStates, orderTerminal } from './order-lifecycle.js';

/** TMF697 WorkOrderItem.state: one task of a work order, checked with the order's consistency rules. */
export const workOrderItemMachine = defineMachine({
  id: 'work-order-item',
  entity: 'WorkOrderItem',
  api: 'TMF697',
  resource: 'workOrder',
  field: 'state',
  within: 'workOrderItem',
  states: orderStates({ provider: 'the workforce system', requester: 'the orchestrator', unit: 'item' }),
  initial: ['acknowledged'],
  terminal: orderTerminal,
  source: 'TMF697 v4.0.0 WorkOrderItemStateType (11 values); transitions as for the order',
});
