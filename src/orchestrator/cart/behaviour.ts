// TMF663 shopping carts are worked by their system of record, not only stored: on every create and
// patch each item is checked against the TMF620 catalog and priced from it, and the cart is totalled.
// The behaviour runs inside the write's transaction, so a refused cart writes nothing.

import { notOnSaleText, whyNotOnSale } from '../../catalog/on-sale.js';
import type { Doc, Store } from '../../store/port.js';
import { TmfError } from '../../tmf/errors.js';
import { isPlainObject } from '../../tmf/merge-patch.js';
import { hrefOf, targetOf, type BehaviourEnv, type ResourceBehaviour } from '../../tmf/resource-service.js';
import { objectsOf, requireDoc } from '../qualification/tmf-reads.js';
import { cartPriceOf, cartTotalOf, timesQuantity } from './cart-prices.js';

const Catalog = {
  offering: targetOf('TMF620', 'productOffering'),
  price: targetOf('TMF620', 'productOfferingPrice'),
} as const;

/**
 * Prices are the server's. ShoppingCart_Update skips cartTotalPrice, so a PATCH that changes it is
 * refused (400) before this runs; ShoppingCart_Create keeps cartTotalPrice and CartItem keeps
 * itemPrice, so a client may send them, and what it sends is overwritten with the catalog's prices.
 */
export const shoppingCartBehaviour: ResourceBehaviour = {
  onCreate: (tx, cart, env) => priceCart(tx, cart, env),
  onPatch: (tx, _current, cart, env) => priceCart(tx, cart, env),
};

async function priceCart(tx: Store, cart: Doc, env: BehaviourEnv): Promise<Doc> {
  const priced: Doc = { ...cart };
  if (Array.isArray(cart.cartItem)) priced.cartItem = await priceItems(tx, env, cart.cartItem, undefined);
  const total = Array.isArray(priced.cartItem) ? cartTotalOf(priced.cartItem.filter(isPlainObject)) : [];
  if (total.length) priced.cartTotalPrice = total;
  else delete priced.cartTotalPrice;
  return priced;
}

// `bundle` labels the item the list is nested in (undefined at the top of the cart).
async function priceItems(tx: Store, env: BehaviourEnv, items: unknown[], bundle: string | undefined): Promise<unknown[]> {
  const priced: unknown[] = [];
  for (const [index, item] of items.entries()) {
    const label = `${bundle ? `${bundle} > ` : ''}cartItem ${String(isPlainObject(item) && item.id !== undefined ? item.id : `#${index + 1}`)}`;
    priced.push(isPlainObject(item) ? await priceItem(tx, env, item, label, bundle !== undefined) : item);
  }
  return priced;
}

async function priceItem(tx: Store, env: BehaviourEnv, item: Doc, label: string, inBundle: boolean): Promise<Doc> {
  // An item sent without a quantity is one of it.
  const quantity = item.quantity ?? 1;
  if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 1) {
    throw new TmfError('INVALID_BODY', `${label}: quantity must be a whole number of at least 1, not ${JSON.stringify(item.quantity)}`);
  }
  const priced: Doc = { ...item };
  if (Array.isArray(item.cartItem)) priced.cartItem = await priceItems(tx, env, item.cartItem, label);
  const prices = isPlainObject(item.productOffering) ? await offeringPrices(tx, env, item.productOffering.id, label, inBundle) : [];
  // TMF663 v4 spells the item's total `ItemTotalPrice` (v5 corrects it to `itemTotalPrice`): the server
  // writes it under the corrected name, and nothing a client sent under either name is kept.
  delete priced.ItemTotalPrice;
  if (prices.length) {
    priced.itemPrice = prices;
    priced.itemTotalPrice = prices.map((price) => timesQuantity(price, quantity));
  } else {
    delete priced.itemPrice;
    delete priced.itemTotalPrice;
  }
  return priced;
}

/** The offering's prices as CartPrices, once it is known to be on sale; 400 when it does not exist, 409 when it is not on sale. */
async function offeringPrices(tx: Store, env: BehaviourEnv, offeringId: unknown, label: string, inBundle: boolean): Promise<Doc[]> {
  const offering = await requireDoc(tx, Catalog.offering, offeringId, label);
  const notOnSale = whyNotOnSale(offering, inBundle);
  if (notOnSale) throw new TmfError('CONFLICT', `${label} names productOffering ${String(offeringId)}, which is ${notOnSaleText(offering, notOnSale)}`);
  const prices: Doc[] = [];
  for (const ref of objectsOf(offering.productOfferingPrice)) {
    const record = await tx.getResource(Catalog.price.api.id, Catalog.price.resource.name, String(ref.id));
    if (!record) throw new TmfError('CONFLICT', `productOffering ${String(offeringId)} names productOfferingPrice ${String(ref.id)}, which does not exist: its cart items cannot be priced`);
    const pop = record.doc;
    const price = cartPriceOf(pop, { id: pop.id, href: hrefOf(env.ctx, Catalog.price, String(pop.id)), ...(pop.name !== undefined && { name: pop.name }), '@referredType': 'ProductOfferingPrice' });
    if (price) prices.push(price);
  }
  return prices;
}
