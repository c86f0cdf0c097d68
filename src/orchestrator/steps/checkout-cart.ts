import type { StepDefinition } from '../flow.js';
import { addToThread } from '../trace.js';
import { tmfPath } from '../tmf-caller.js';
import { customerParty } from './refs.js';

/** The channel builds the cart with the chosen offering and checks it out: the journey starts here. */
export const checkoutCart: StepDefinition = {
  id: 'checkout-cart',
  actor: 'channel',
  title: 'Cart checkout (TMF663)',
  async run({ call, context, tmf }) {
    const cart = await call<{ id: string }>({
      from: 'channel',
      method: 'POST',
      path: tmfPath('TMF663', 'shoppingCart'),
      body: {
        relatedParty: [customerParty(context)],
        cartItem: [{ id: '1', action: 'add', quantity: 1, status: 'active', productOffering: { id: context.offeringId, name: context.offeringName, '@referredType': 'ProductOffering' } }],
      },
    });
    // TMF663 carts have no state: checkout closes the cart's validity and hands it to ordering.
    await call({ from: 'channel', method: 'PATCH', path: tmfPath('TMF663', 'shoppingCart', cart.id), body: { validFor: { endDateTime: tmf.now().toISOString() } } });
    return {
      cartId: cart.id,
      ...addToThread({ role: 'customer', api: 'TMF629', resource: 'customer', id: String(context.customerId) }, { role: 'shoppingCart', api: 'TMF663', resource: 'shoppingCart', id: cart.id, via: 'relatedParty (customer)' }),
    };
  },
};
