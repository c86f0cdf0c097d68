import { describe, expect, it } from 'vitest';
import { cartPriceOf, cartTotalOf, checkedOutPrices, timesQuantity } from './cart-prices.js';

const ref = { id: 'pop-toy', '@referredType': 'ProductOfferingPrice' };
const monthly = { id: 'pop-toy', name: 'Toy, monthly', priceType: 'recurring', recurringChargePeriodType: 'month', recurringChargePeriodLength: 1, price: { unit: 'EUR', value: 0.1 } };
const setUp = { id: 'pop-setup', name: 'Toy set-up', priceType: 'oneTime', price: { unit: 'EUR', value: 49 } };

const priced = (pop: Record<string, unknown>, quantity: number, extra: Record<string, unknown> = {}) => {
  const price = cartPriceOf(pop, ref)!;
  return { itemPrice: [price], itemTotalPrice: [timesQuantity(price, quantity)], ...extra };
};

describe('cart prices', () => {
  it('turns a catalog price into a CartPrice: duty-free amount, charge period, a reference to it', () => {
    expect(cartPriceOf(monthly, ref)).toEqual({
      name: 'Toy, monthly', priceType: 'recurring', recurringChargePeriod: 'month',
      price: { dutyFreeAmount: { unit: 'EUR', value: 0.1 } }, productOfferingPrice: ref,
    });
    expect(cartPriceOf(setUp, ref)).toEqual({ name: 'Toy set-up', priceType: 'oneTime', price: { dutyFreeAmount: { unit: 'EUR', value: 49 } }, productOfferingPrice: ref });
  });

  it('has no CartPrice for a catalog price without an amount (a percentage)', () => {
    expect(cartPriceOf({ id: 'pop-off', priceType: 'discount', percentage: 10 }, ref)).toBeUndefined();
  });

  it('multiplies every amount by the quantity in decimal, not binary, arithmetic', () => {
    const price = { priceType: 'recurring', price: { dutyFreeAmount: { unit: 'EUR', value: 0.1 }, taxIncludedAmount: { unit: 'EUR', value: 0.12 } } };
    expect(timesQuantity(price, 3).price).toEqual({ dutyFreeAmount: { unit: 'EUR', value: 0.3 }, taxIncludedAmount: { unit: 'EUR', value: 0.36 } });
  });

  it('sums active items per priceType, charge period and currency, nested items included, saved-for-later ones left out', () => {
    const items = [
      priced(monthly, 2),
      priced(setUp, 1, { cartItem: [priced(monthly, 1)] }),
      priced({ ...monthly, price: { unit: 'USD', value: 5 } }, 1),
      priced(setUp, 4, { status: 'saveForLater', cartItem: [priced(monthly, 7)] }),
    ];
    expect(cartTotalOf(items)).toEqual([
      { priceType: 'recurring', recurringChargePeriod: 'month', price: { dutyFreeAmount: { unit: 'EUR', value: 0.3 } } },
      { priceType: 'oneTime', price: { dutyFreeAmount: { unit: 'EUR', value: 49 } } },
      { priceType: 'recurring', recurringChargePeriod: 'month', price: { dutyFreeAmount: { unit: 'USD', value: 5 } } },
    ]);
  });

  it('has no total for a cart with nothing priced', () => {
    expect(cartTotalOf([{ id: '1' }])).toEqual([]);
  });
});

describe('checked-out prices', () => {
  it('reads the prices off the cart for its order: each active item\'s, nested ones under theirs, and the total', () => {
    const items = [
      { id: '1', productOffering: { id: 'po-toy' }, ...priced(monthly, 2), cartItem: [{ id: '1.1', ...priced(setUp, 1) }] },
      { id: '2', status: 'saveForLater', ...priced(setUp, 4) },
      { id: '3' },
    ];
    const cart = { id: 'cart-1', cartItem: items, cartTotalPrice: cartTotalOf(items) };
    expect(checkedOutPrices(cart)).toEqual({
      cartItem: [
        { id: '1', ...priced(monthly, 2), cartItem: [{ id: '1.1', ...priced(setUp, 1) }] },
        { id: '3' },
      ],
      cartTotalPrice: cart.cartTotalPrice,
    });
  });

  it('has no prices for a cart with no items', () => {
    expect(checkedOutPrices({ id: 'cart-1' })).toEqual({ cartItem: [] });
  });
});
