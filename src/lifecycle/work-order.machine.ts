import { defineMachine } from './machine.js';
import { orderStates, orderTerminal } from './order-lifecycle.js';

/** TMF697 WorkOrder.state: the field work (e.g. an ONT install) the workforce system carries out. */
export const workOrderMachine = defineMachine({
  id: 'work-order',
  entity: 'WorkOrder',
  api: 'TMF697',
  resource: 'workOrder',
  field: 'state',
  states: orderStates({ provider: 'the workforce system', requester: 'the orchestrator', unit: 'order' }),
  initial: ['acknowledged'],
  terminal: orderTerminal,
  source:
    'TMF697 v4.0.0 WorkOrderStateType (the same 11 values as the order APIs); transitions as TMF622/641 (TMF-DOMAIN §4.9, inferred)',
});
