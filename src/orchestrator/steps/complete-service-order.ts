import type { StepDefinition } from '../flow.js';
import { moveOrder } from './order-state.js';

/** SOM completes the service order: every item delivered. */
export const completeServiceOrder: StepDefinition = {
  id: 'complete-service-order',
  actor: 'som',
  title: 'Complete the service order',
  async run({ call, context }) {
    await moveOrder(call, 'som', 'TMF641', 'serviceOrder', String(context.serviceOrderId), 'completed');
  },
};
