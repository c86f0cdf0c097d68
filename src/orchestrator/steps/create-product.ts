import type { Doc } from '../../store/port.js';
import type { StepDefinition } from '../flow.js';
import { addToThread } from '../trace.js';
import { tmfPath } from '../tmf-caller.js';
import { customerParty, refById } from './refs.js';

/** The orchestrator records the product the customer will own (TMF637): created → pendingActive. */
export const createProduct: StepDefinition = {
  id: 'create-product',
  actor: 'orchestrator',
  title: 'Create the product instance (TMF637)',
  async run({ call, context, tmf }) {
    const product = await call<Doc>({
      from: 'orchestrator',
      method: 'POST',
      path: tmfPath('TMF637', 'product'),
      body: {
        name: context.offeringName,
        status: 'created',
        isBundle: false,
        productOffering: refById(tmf, 'ProductOffering', context.offeringId, { name: context.offeringName }),
        productSpecification: refById(tmf, 'ProductSpecification', context.productSpecId),
        productOrderItem: [{ productOrderId: context.productOrderId, orderItemId: '1', orderItemAction: 'add', role: 'creation' }],
        billingAccount: refById(tmf, 'BillingAccount', context.billingAccountId),
        place: [refById(tmf, 'GeographicAddress', context.addressId, { role: 'installationAddress' })],
        relatedParty: [customerParty(tmf, context)],
      },
    });
    await call({ from: 'orchestrator', method: 'PATCH', path: tmfPath('TMF637', 'product', String(product.id)), body: { status: 'pendingActive' } });
    return {
      productId: product.id,
      ...addToThread({ role: 'product', api: 'TMF637', resource: 'product', id: String(product.id), via: 'productOrderItem.productOrderId' }),
    };
  },
  // The product will not be delivered: aborted once delivery started (pendingActive), cancelled before.
  async compensate({ call, context }) {
    const path = tmfPath('TMF637', 'product', String(context.productId));
    const product = await call<Doc>({ from: 'orchestrator', method: 'GET', path });
    const ending = ABANDONED[String(product.status)];
    if (ending) await call({ from: 'orchestrator', method: 'PATCH', path, body: { status: ending } });
  },
};

const ABANDONED: Record<string, string> = { created: 'cancelled', pendingActive: 'aborted' };
