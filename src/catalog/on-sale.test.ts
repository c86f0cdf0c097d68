import { describe, expect, it } from 'vitest';
import { NotOnSaleReasons, whyNotOnSale } from './on-sale.js';

describe('on sale', () => {
  it.each([
    [{ lifecycleStatus: 'Launched', isSellable: true }, undefined],
    [{ lifecycleStatus: 'active' }, undefined],
    [{}, undefined],
    [{ lifecycleStatus: 'Retired', isSellable: true }, NotOnSaleReasons.lifecycleStatus],
    [{ lifecycleStatus: 'In design' }, NotOnSaleReasons.lifecycleStatus],
    [{ lifecycleStatus: 'Launched', isSellable: false }, NotOnSaleReasons.bundleOnly],
  ])('says why %j is not on sale on its own: %s', (offering, reason) => {
    expect(whyNotOnSale(offering)).toBe(reason);
  });

  it('sells an offering that is not sellable on its own within a bundle, but not one that is retired', () => {
    expect(whyNotOnSale({ lifecycleStatus: 'Launched', isSellable: false }, true)).toBeUndefined();
    expect(whyNotOnSale({ lifecycleStatus: 'Retired', isSellable: false }, true)).toBe(NotOnSaleReasons.lifecycleStatus);
  });
});
