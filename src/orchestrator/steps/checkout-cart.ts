import type { Doc } from '../../store/port.js';
import { checkedOutPrices } from '../cart/cart-prices.js';
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
    // The channel opens the customer's cart, then adds the chosen offering. TMF663 carts have no state:
    // the server prices the item from the catalog, and the cart it answers with is the one checked out,
    // its items final (TMF-DOMAIN §12.3, event 1). Its prices are what the product order will carry.
    const cart = await call<{ id: string }>({
      from: 'channel',
      method: 'POST',
      path: tmfPath('TMF663', 'shoppingCart'),
      body: { relatedParty: [customerParty(tmf, context)] },
    });
    const checkedOut = await call<Doc>({
      from: 'channel',
      method: 'PATCH',
      path: tmfPath('TMF663', 'shoppingCart', cart.id),
      body: { cartItem: [{ id: '1', action: 'add', quantity: 1, status: 'active', productOffering: refById(tmf, 'ProductOffering', context.offeringId, { name: context.offeringName }) }] },
    });
    return {
      cartId: cart.id,
      cartPrices: checkedOutPrices(checkedOut),
      ...addToThread({ role: 'customer', api: 'TMF629', resource: 'customer', id: String(context.customerId) }, { role: 'shoppingCart', api: 'TMF663', resource: 'shoppingCart', id: cart.id, via: 'relatedParty (customer)' }),
    };
  },
};
