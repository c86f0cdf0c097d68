import type { StepDefinition } from '../flow.js';
import { tmfPath } from '../tmf-caller.js';
import { refById } from './refs.js';
import { resourcesAfter } from './activate-changed-resources.js';

/** The orchestrator records the change on the customer's product (TMF637): the new offering and what realises it. */
export const updateProduct: StepDefinition = {
  id: 'update-product',
  actor: 'orchestrator',
  title: 'Product changed (TMF637)',
  async run({ call, context, tmf }) {
    const path = tmfPath('TMF637', 'product', String(context.productId));
    const product = await call<Record<string, unknown>>({ from: 'orchestrator', method: 'GET', path });
    const resources = resourcesAfter(context);
    await call({
      from: 'orchestrator',
      method: 'PATCH',
      path,
      body: {
        name: context.offeringName,
        productOffering: refById(tmf, 'ProductOffering', context.offeringId, { name: context.offeringName }),
        productSpecification: refById(tmf, 'ProductSpecification', context.productSpecId),
        productOrderItem: [
          ...((product.productOrderItem as unknown[] | undefined) ?? []),
          { productOrderId: context.productOrderId, orderItemId: '1', orderItemAction: 'modify', role: 'modification' },
        ],
        ...(resources.cpe && { realizingResource: [refById(tmf, 'Resource', resources.cpe)] }),
      },
    });
  },
};
