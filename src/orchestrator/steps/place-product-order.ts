import type { Doc } from '../../store/port.js';
import type { CheckedOutPrices } from '../cart/cart-prices.js';
import type { StepDefinition } from '../flow.js';
import { addToThread } from '../trace.js';
import { tmfPath } from '../tmf-caller.js';
import { customerParty, hrefById, refById } from './refs.js';

/**
 * The channel submits the commercial order (TMF622): the checked-out cart, at the prices the cart was
 * priced with, carrying the qualification and the appointment.
 */
export const placeProductOrder: StepDefinition = {
  id: 'place-product-order',
  actor: 'channel',
  title: 'Place the product order (TMF622)',
  async run({ call, context, tmf }) {
    // The cart holds one item, the chosen offering, and the order's one item is it: its itemPrice and
    // itemTotalPrice are the cart item's, the orderTotalPrice the cart's total (a CartPrice is an
    // OrderPrice as it stands, see cart-prices.ts). A run whose checkout did not keep the cart's prices
    // (one resumed from an older checkpoint) orders without them rather than pricing again.
    const prices = context.cartPrices as CheckedOutPrices | undefined;
    const [cartItem] = prices?.cartItem ?? [];
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
        ...(prices?.cartTotalPrice && { orderTotalPrice: prices.cartTotalPrice }),
        // TMF622 has no reference to a shopping cart (neither v4 nor v5 names one, and its ProductOrder
        // has no relatedEntity): a Note is what the spec gives an order to say where it came from, so the
        // order names its cart there, with the href the cart answers with.
        ...(context.cartId !== undefined && {
          note: [{ author: 'Channel', text: `Checked out from TMF663 shoppingCart ${String(context.cartId)}: ${hrefById(tmf, 'ShoppingCart', context.cartId)}` }],
        }),
        productOrderItem: [
          {
            id: '1',
            action: 'add',
            quantity: 1,
            ...(cartItem?.itemPrice && { itemPrice: cartItem.itemPrice }),
            ...(cartItem?.itemTotalPrice && { itemTotalPrice: cartItem.itemTotalPrice }),
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
