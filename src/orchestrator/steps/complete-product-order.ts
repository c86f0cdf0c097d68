import type { StepDefinition } from '../flow.js';
import { moveOrder } from './order-state.js';

/**
 * COM completes the customer's order: the last state change the customer is told about. After a
 * partial service order it stays inProgress: the follow-up journey completes it once the rest is delivered.
 */
export const completeProductOrder: StepDefinition = {
  id: 'complete-product-order',
  actor: 'com',
  title: 'Complete the product order',
  async run({ call, context }) {
    if (context.followUp) return;
    await moveOrder(call, 'com', 'TMF622', 'productOrder', String(context.productOrderId), 'completed');
  },
};
