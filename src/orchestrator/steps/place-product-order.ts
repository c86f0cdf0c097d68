import type { Doc } from '../../store/port.js';
import type { StepDefinition } from '../flow.js';
import { addToThread } from '../trace.js';
import { tmfPath } from '../tmf-caller.js';
import { customerParty, refById } from './refs.js';

/** The channel submits the commercial order (TMF622), carrying the qualification and the appointment. */
export const placeProductOrder: StepDefinition = {
  id: 'place-product-order',
  actor: 'channel',
  title: 'Place the product order (TMF622)',
  async run({ call, context, tmf }) {
    const order = await call<Doc>({
      from: 'channel',
      method: 'POST',
      path: tmfPath('TMF622', 'productOrder'),
      body: {
        category: 'residential',
        description: `${String(context.offeringName)} for ${String(context.customerName)}`,
        channel: [{ id: 'web', name: 'Web self-service', role: 'sales channel' }],
        relatedParty: [customerParty(tmf, context)],
        billingAccount: refById(tmf, 'BillingAccount', context.billingAccountId),
        productOfferingQualification: [refById(tmf, 'ProductOfferingQualification', context.productOfferingQualificationId)],
        productOrderItem: [
          {
            id: '1',
            action: 'add',
            quantity: 1,
            productOffering: refById(tmf, 'ProductOffering', context.offeringId, { name: context.offeringName }),
            appointment: refById(tmf, 'Appointment', context.appointmentId),
            product: {
              productSpecification: refById(tmf, 'ProductSpecification', context.productSpecId),
              place: [refById(tmf, 'GeographicAddress', context.addressId, { role: 'installationAddress' })],
            },
          },
        ],
      },
    });
    return {
      productOrderId: order.id,
      ...addToThread({ role: 'productOrder', api: 'TMF622', resource: 'productOrder', id: String(order.id), via: 'relatedParty (customer)' }),
    };
  },
};
