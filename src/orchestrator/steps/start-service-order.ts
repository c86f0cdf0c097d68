import type { StepDefinition } from '../flow.js';
import { moveOrder } from './order-state.js';

/** SOM accepts the service order: acknowledged → inProgress. */
export const startServiceOrder: StepDefinition = {
  id: 'start-service-order',
  actor: 'som',
  title: 'Start the service order',
  async run({ call, context }) {
    await moveOrder(call, 'som', 'TMF641', 'serviceOrder', String(context.serviceOrderId), 'inProgress');
  },
};
