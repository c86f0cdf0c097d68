import { defineMachine } from './machine.js';
import { orderStates, orderTerminal } from './order-lifecycle.js';

/** TMF622 ProductOrder.state: the commercial order COM works for the customer. */
export const productOrderMachine = defineMachine({
  id: 'product-order',
  entity: 'ProductOrder',
  api: 'TMF622',
  resource: 'productOrder',
  field: 'state',
  states: orderStates({ provider: 'COM', requester: 'the customer', unit: 'order' }),
  initial: ['acknowledged'],
  terminal: orderTerminal,
  source:
    'TMF622 v4.0.0 ProductOrderStateType (11 values); transitions from the TMF622 user guide (TMF-DOMAIN §4.1), acknowledged → pending and the fall-backs of a refused cancellation inferred',
});
