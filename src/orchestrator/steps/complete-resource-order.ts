import type { StepDefinition } from '../flow.js';
import { moveOrder } from './order-state.js';

/** ROM closes the resource order once every resource is active: inProgress → completed. */
export const completeResourceOrder: StepDefinition = {
  id: 'complete-resource-order',
  actor: 'rom',
  title: 'Complete the resource order',
  async run({ call, context }) {
    await moveOrder(call, 'rom', 'TMF652', 'resourceOrder', String(context.resourceOrderId), 'completed');
  },
};
