import type { Doc } from '../../store/port.js';
import type { TmfContext } from '../../tmf/resource-service.js';
import type { StepDefinition } from '../flow.js';
import { addToThread } from '../trace.js';
import { tmfPath } from '../tmf-caller.js';
import { customerParty, refById } from './refs.js';

/** The channel builds the cart with the chosen offering and checks it out: the journey starts here. */
export const checkoutCart: StepDefinition = {
  id: 'checkout-cart',
  actor: 'channel',
  title: 'Cart checkout (TMF663)',
  async run({ call, context, tmf }) {
    const cart = await call<{ id: string; cartItem: Doc[] }>({
      from: 'channel',
      method: 'POST',
      path: tmfPath('TMF663', 'shoppingCart'),
      body: {
        relatedParty: [customerParty(tmf, context)],
        cartItem: [{ id: '1', action: 'add', quantity: 1, status: 'active', productOffering: refById(tmf, 'ProductOffering', context.offeringId, { name: context.offeringName }) }],
      },
    });
    // TMF663 carts have no state, and the server owns their validFor: at checkout the channel prices
    // the items with the offering's catalog price, and the items are final (TMF-DOMAIN §12.3, event 1).
    await call({
      from: 'channel',
      method: 'PATCH',
      path: tmfPath('TMF663', 'shoppingCart', cart.id),
      body: { cartItem: cart.cartItem.map((item) => ({ ...item, itemPrice: [cartPrice(tmf, context.offeringPrice as Doc)] })) },
    });
    return {
      cartId: cart.id,
      ...addToThread({ role: 'customer', api: 'TMF629', resource: 'customer', id: String(context.customerId) }, { role: 'shoppingCart', api: 'TMF663', resource: 'shoppingCart', id: cart.id, via: 'relatedParty (customer)' }),
    };
  },
};

/** A TMF620 ProductOfferingPrice as a TMF663 CartPrice: its amount before tax, and a reference to it. */
function cartPrice(tmf: Pick<TmfContext, 'baseUrl'>, price: Doc): Doc {
  const amount = price.price as { unit: string; value: number };
  return {
    name: price.name,
    priceType: price.priceType,
    ...(price.recurringChargePeriodType !== undefined && { recurringChargePeriod: price.recurringChargePeriodType }),
    price: { dutyFreeAmount: { unit: amount.unit, value: amount.value } },
    productOfferingPrice: refById(tmf, 'ProductOfferingPrice', price.id, { name: price.name }),
  };
}
