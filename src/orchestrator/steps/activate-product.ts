import type { StepDefinition } from '../flow.js';
import { tmfPath } from '../tmf-caller.js';
import { refById } from './refs.js';
import type { ServiceItem } from './order-services.js';

/** The orchestrator activates the customer's product (billing may start) and links what realises it. */
export const activateProduct: StepDefinition = {
  id: 'activate-product',
  actor: 'orchestrator',
  title: 'Product active (TMF637)',
  async run({ call, context, tmf }) {
    const serviceIds = context.serviceIds as Record<string, string>;
    const top = (context.serviceItems as ServiceItem[]).filter((i) => !i.parentItemId);
    const resources = context.resources as Record<string, string>;
    await call({
      from: 'orchestrator',
      method: 'PATCH',
      path: tmfPath('TMF637', 'product', String(context.productId)),
      body: {
        status: 'active',
        startDate: tmf.now().toISOString(),
        realizingService: top.map((i) => refById(tmf, 'Service', serviceIds[i.itemId])),
        realizingResource: [refById(tmf, 'Resource', resources.cpe)],
      },
    });
  },
};
