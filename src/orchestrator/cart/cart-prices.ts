// TMF663 prices made from TMF620 ones: an item's itemPrice is its offering's prices as CartPrices, its
// itemTotalPrice those times its quantity, and the cart's cartTotalPrice the sum of its active items'
// totals per kind of charge; at checkout they are carried into the TMF622 order. Pure: the behaviour
// (behaviour.ts) reads the catalog and calls these.

import type { Doc } from '../../store/port.js';
import { isPlainObject } from '../../tmf/merge-patch.js';

/** TMF663 `CartItemStatusType`: a saved-for-later item is kept in the cart but not counted in its total. */
export const CartItemStatuses = { active: 'active', saveForLater: 'saveForLater' } as const;

type Money = { unit: string; value: number };

/**
 * A TMF620 ProductOfferingPrice as a TMF663 CartPrice, `ref` naming it. TMF620 v4 keeps taxes apart
 * from `price` (its `tax` list), so the amount is duty free; there is no taxIncludedAmount without a
 * tax to add. Undefined when the price holds no amount (a percentage, a composite price).
 */
export function cartPriceOf(offeringPrice: Doc, ref: Doc): Doc | undefined {
  const amount = moneyOf(offeringPrice.price);
  if (!amount) return undefined;
  return {
    ...(offeringPrice.name !== undefined && { name: offeringPrice.name }),
    ...(offeringPrice.priceType !== undefined && { priceType: offeringPrice.priceType }),
    ...(offeringPrice.recurringChargePeriodType !== undefined && { recurringChargePeriod: offeringPrice.recurringChargePeriodType }),
    price: { dutyFreeAmount: { unit: amount.unit, value: amount.value } },
    productOfferingPrice: ref,
  };
}

/** A CartPrice for `quantity` of the item: each amount of its price multiplied, in the amount's own precision. */
export function timesQuantity(cartPrice: Doc, quantity: number): Doc {
  const price = isPlainObject(cartPrice.price) ? cartPrice.price : {};
  const scaled = Object.fromEntries(Object.entries(price).map(([name, amount]) => {
    const money = moneyOf(amount);
    return [name, money ? { ...money, value: exact(money.value * quantity, decimalsOf(money.value)) } : amount];
  }));
  return { ...cartPrice, price: scaled };
}

/**
 * The cart's total (TMF663 `cartTotalPrice`, "considering only active cart items"): the itemTotalPrice
 * of every active item, nested ones too, summed per priceType, recurringChargePeriod and currency,
 * in the order the kinds first appear.
 */
export function cartTotalOf(items: readonly Doc[]): Doc[] {
  const totals = new Map<string, Doc>();
  for (const price of activeItemTotals(items)) {
    const amounts = Object.entries(isPlainObject(price.price) ? price.price : {}).flatMap(([name, amount]) => {
      const money = moneyOf(amount);
      return money ? [[name, money] as const] : [];
    });
    const key = JSON.stringify([price.priceType, price.recurringChargePeriod, amounts.map(([name, money]) => [name, money.unit])]);
    const total = totals.get(key);
    if (!total) {
      totals.set(key, {
        ...(price.priceType !== undefined && { priceType: price.priceType }),
        ...(price.recurringChargePeriod !== undefined && { recurringChargePeriod: price.recurringChargePeriod }),
        price: Object.fromEntries(amounts.map(([name, money]) => [name, { ...money }])),
      });
      continue;
    }
    const sums = total.price as Record<string, Money>;
    for (const [name, money] of amounts) {
      sums[name] = { ...money, value: exact(sums[name].value + money.value, Math.max(decimalsOf(sums[name].value), decimalsOf(money.value))) };
    }
  }
  return [...totals.values()];
}

/** The prices of a checked-out cart: its active items' (nested ones under theirs) and its total. */
export interface CheckedOutPrices {
  cartItem: CheckedOutItemPrices[];
  cartTotalPrice?: Doc[];
}

/** One active cart item's prices, under the item's id. */
export interface CheckedOutItemPrices {
  id: unknown;
  itemPrice?: Doc[];
  itemTotalPrice?: Doc[];
  cartItem?: CheckedOutItemPrices[];
}

/**
 * The prices a checked-out cart carries into its TMF622 product order, read off the cart as the server
 * priced it, not computed again. A TMF622 OrderPrice has every field of a TMF663 CartPrice (and an
 * optional billingAccount besides), so each CartPrice is an OrderPrice as it stands: itemPrice and
 * itemTotalPrice become the order item's, cartTotalPrice the order's orderTotalPrice. Items saved for
 * later are not ordered.
 */
export function checkedOutPrices(cart: Doc): CheckedOutPrices {
  return {
    cartItem: activeItemPrices(Array.isArray(cart.cartItem) ? cart.cartItem.filter(isPlainObject) : []),
    ...(Array.isArray(cart.cartTotalPrice) && { cartTotalPrice: cart.cartTotalPrice.filter(isPlainObject) }),
  };
}

function activeItemPrices(items: readonly Doc[]): CheckedOutItemPrices[] {
  return items.filter((item) => item.status !== CartItemStatuses.saveForLater).map((item) => ({
    id: item.id,
    ...(Array.isArray(item.itemPrice) && { itemPrice: item.itemPrice.filter(isPlainObject) }),
    ...(Array.isArray(item.itemTotalPrice) && { itemTotalPrice: item.itemTotalPrice.filter(isPlainObject) }),
    ...(Array.isArray(item.cartItem) && { cartItem: activeItemPrices(item.cartItem.filter(isPlainObject)) }),
  }));
}

function activeItemTotals(items: readonly Doc[]): Doc[] {
  return items.filter((item) => item.status !== CartItemStatuses.saveForLater).flatMap((item) => [
    ...(Array.isArray(item.itemTotalPrice) ? item.itemTotalPrice.filter(isPlainObject) : []),
    ...(Array.isArray(item.cartItem) ? activeItemTotals(item.cartItem.filter(isPlainObject)) : []),
  ]);
}

function moneyOf(value: unknown): Money | undefined {
  if (!isPlainObject(value) || typeof value.unit !== 'string' || typeof value.value !== 'number') return undefined;
  return { unit: value.unit, value: value.value };
}

// Amounts are decimal in the catalog; binary floats are not (0.1 × 3 is 0.30000000000000004), so a
// product or a sum is rounded back to the decimals its operands were written with.
function decimalsOf(value: number): number {
  const text = String(value);
  return text.includes('e') ? 20 : (text.split('.')[1] ?? '').length;
}

function exact(value: number, decimals: number): number {
  return Number(value.toFixed(Math.min(decimals, 20)));
}
