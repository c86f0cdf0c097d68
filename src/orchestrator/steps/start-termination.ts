import type { StepDefinition } from '../flow.js';
import { tmfPath } from '../tmf-caller.js';

/** A cease starts: the product is on its way out (active → pendingTerminate), billing until it is terminated. */
export const startTermination: StepDefinition = {
  id: 'start-termination',
  actor: 'orchestrator',
  title: 'Product pending terminate (TMF637)',
  async run({ call, context }) {
    await call({ from: 'orchestrator', method: 'PATCH', path: tmfPath('TMF637', 'product', String(context.productId)), body: { status: 'pendingTerminate' } });
  },
};
