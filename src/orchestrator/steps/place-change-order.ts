import type { Doc } from '../../store/port.js';
import type { StepDefinition } from '../flow.js';
import { addToThread } from '../trace.js';
import { tmfPath } from '../tmf-caller.js';
import { customerParty, hrefById, refById } from './refs.js';

/**
 * The channel orders a change to a product the customer already has (TMF622): one item with
 * `action` modify (to the target offering) or delete (a cease), naming the product instance.
 */
export const placeChangeOrder: StepDefinition = {
  id: 'place-change-order',
  actor: 'channel',
  title: 'Place the change order (TMF622 modify / delete)',
  async run({ call, context, tmf }) {
    const action = String(context.orderAction);
    const modify = action === 'modify';
    const order = await call<Doc>({
      from: 'channel',
      method: 'POST',
      path: tmfPath('TMF622', 'productOrder'),
      body: {
        category: 'residential',
        description: modify
          ? `Change ${String(context.productId)} to ${String(context.offeringName)} for ${String(context.customerName)}`
          : `Cease ${String(context.productId)} for ${String(context.customerName)}`,
        channel: [{ id: 'web', name: 'Web self-service', role: 'sales channel' }],
        relatedParty: [customerParty(tmf, context)],
        ...(context.billingAccountId !== undefined && { billingAccount: refById(tmf, 'BillingAccount', context.billingAccountId) }),
        productOrderItem: [
          {
            id: '1',
            action,
            quantity: 1,
            ...(modify && { productOffering: refById(tmf, 'ProductOffering', context.offeringId, { name: context.offeringName }) }),
            ...(context.appointmentId !== undefined && { appointment: refById(tmf, 'Appointment', context.appointmentId) }),
            product: {
              id: context.productId,
              href: hrefById(tmf, 'Product', context.productId),
              ...(modify && { productSpecification: refById(tmf, 'ProductSpecification', context.productSpecId) }),
            },
          },
        ],
      },
    });
    return {
      productOrderId: order.id,
      ...addToThread({ role: 'productOrder', api: 'TMF622', resource: 'productOrder', id: String(order.id), via: 'relatedParty (customer)' },
        { role: 'product', api: 'TMF637', resource: 'product', id: String(context.productId), via: `productOrderItem.product (${action})` },
      ),
    };
  },
};
