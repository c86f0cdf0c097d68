import type { Doc } from '../../store/port.js';
import type { StepDefinition } from '../flow.js';
import { addToThread } from '../trace.js';
import { tmfPath } from '../tmf-caller.js';
import { customerParty } from './refs.js';

/** The channel submits the commercial order (TMF622), carrying the qualification and the appointment. */
export const placeProductOrder: StepDefinition = {
  id: 'place-product-order',
  actor: 'channel',
  title: 'Place the product order (TMF622)',
  async run({ call, context }) {
    const order = await call<Doc>({
      from: 'channel',
      method: 'POST',
      path: tmfPath('TMF622', 'productOrder'),
      body: {
        category: 'residential',
        description: `${String(context.offeringName)} for ${String(context.customerName)}`,
        channel: [{ id: 'web', name: 'Web self-service', role: 'sales channel' }],
        relatedParty: [customerParty(context)],
        billingAccount: { id: context.billingAccountId, '@referredType': 'BillingAccount' },
        productOfferingQualification: [{ id: context.productOfferingQualificationId, '@referredType': 'ProductOfferingQualification' }],
        productOrderItem: [
          {
            id: '1',
            action: 'add',
            quantity: 1,
            productOffering: { id: context.offeringId, name: context.offeringName, '@referredType': 'ProductOffering' },
            appointment: { id: context.appointmentId, '@referredType': 'Appointment' },
            product: {
              productSpecification: { id: context.productSpecId, '@referredType': 'ProductSpecification' },
              place: [{ id: context.addressId, role: 'installationAddress', '@referredType': 'GeographicAddress' }],
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
