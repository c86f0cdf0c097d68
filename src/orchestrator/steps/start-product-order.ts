import type { StepDefinition } from '../flow.js';
import { moveOrder } from './order-state.js';

/** COM accepts the order for delivery: acknowledged → inProgress, order and item. */
export const startProductOrder: StepDefinition = {
  id: 'start-product-order',
  actor: 'com',
  title: 'Start the product order',
  async run({ call, context }) {
    await moveOrder(call, 'com', 'TMF622', 'productOrder', String(context.productOrderId), 'inProgress');
  },
};
