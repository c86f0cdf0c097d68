import { defineMachine } from './machine.js';
import { orderStates, withoutPartial } from './order-lifecycle.js';

/** TMF622 ProductOrderItem.state: one line of a product order, checked with the order's consistency rules. */
export const productOrderItemMachine = defineMachine({
  id: 'product-order-item',
  entity: 'ProductOrderItem',
  api: 'TMF622',
  resource: 'productOrder',
  field: 'state',
  within: 'productOrderItem',
  states: withoutPartial(orderStates({ provider: 'COM', requester: 'the customer', unit: 'item' })),
  initial: ['acknowledged'],
  terminal: ['rejected', 'cancelled', 'completed', 'failed'],
  source:
    'TMF622 v4.0.0 ProductOrderItemStateType (the order set minus partial, which the v4 guide says does not exist at item level); transitions as for the order',
});
