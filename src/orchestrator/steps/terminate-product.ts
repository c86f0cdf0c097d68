import type { StepDefinition } from '../flow.js';
import { tmfPath } from '../tmf-caller.js';

/** The cease is done: the product is terminated (pendingTerminate → terminated), billing stops. */
export const terminateProduct: StepDefinition = {
  id: 'terminate-product',
  actor: 'orchestrator',
  title: 'Product terminated (TMF637)',
  async run({ call, context, tmf }) {
    await call({
      from: 'orchestrator',
      method: 'PATCH',
      path: tmfPath('TMF637', 'product', String(context.productId)),
      body: { status: 'terminated', terminationDate: tmf.now().toISOString() },
    });
  },
};
