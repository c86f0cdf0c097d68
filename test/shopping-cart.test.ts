import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { OfferingIds } from '../src/catalog/index.js';
import { loadDemoDataset } from '../src/scenarios/demo-dataset.js';
import { createSchemaValidator, describeIssues } from '../src/tmf/schemas.js';
import { BASE_URL, build, json } from './support/build.js';

// TMF663 carts are worked by their system of record: items are checked against the TMF620 catalog
// and priced from it, and the cart is totalled, on every create and patch.

const CARTS = '/tmf-api/shoppingCart/v4/shoppingCart';
const CATALOG = '/tmf-api/productCatalogManagement/v4';
const validator = createSchemaValidator();
type Doc = Record<string, any>;

async function demoApp(): Promise<FastifyInstance> {
  const app = await build();
  await loadDemoDataset(app.spine.ctx);
  return app;
}

/** The offering and its prices, read from the TMF620 catalog the way a client would. */
async function catalogOffering(app: FastifyInstance, id: string): Promise<{ offering: Doc; prices: Doc[] }> {
  const offering = (await app.inject({ method: 'GET', url: `${CATALOG}/productOffering/${id}` })).json();
  const prices = await Promise.all(offering.productOfferingPrice.map(async (ref: Doc) => (await app.inject({ method: 'GET', url: `${CATALOG}/productOfferingPrice/${ref.id}` })).json()));
  return { offering, prices };
}

function item(offeringId: string, extra: Doc = {}): Doc {
  return { id: '1', action: 'add', quantity: 1, status: 'active', productOffering: { id: offeringId, '@referredType': 'ProductOffering' }, ...extra };
}

function expectValidCart(cart: Doc) {
  const issues = validator.validate('TMF663', 'ShoppingCart', cart);
  // TMF663 v4 spells the item total `ItemTotalPrice`; the server writes v5's `itemTotalPrice`, a CartPrice too.
  for (const price of (cart.cartItem ?? []).flatMap((i: Doc) => i.itemTotalPrice ?? [])) issues.push(...validator.validate('TMF663', 'CartPrice', price));
  expect(issues, describeIssues(issues)).toEqual([]);
}

async function storedCarts(app: FastifyInstance): Promise<{ carts: Doc[]; events: string[] }> {
  const carts = (await app.inject({ method: 'GET', url: CARTS })).json();
  const events = (await app.spine.ctx.store.listEvents({ api: 'TMF663' })).map((e) => e.eventType);
  return { carts, events };
}

describe('TMF663 shopping cart pricing', () => {
  it("prices an item of the demo GPON offering from the catalog: itemPrice, itemTotalPrice and cartTotalPrice are its price times the quantity", async () => {
    const app = await demoApp();
    const { prices } = await catalogOffering(app, OfferingIds.gponResidential);
    expect(prices.length).toBeGreaterThan(0);

    const created = await app.inject({ method: 'POST', url: CARTS, ...json({ cartItem: [item(OfferingIds.gponResidential, { quantity: 2 })] }) });
    expect(created.statusCode, created.body).toBe(201);
    const cart = created.json();
    const asCartPrice = (pop: Doc, times: number) => ({
      name: pop.name,
      priceType: pop.priceType,
      recurringChargePeriod: pop.recurringChargePeriodType,
      price: { dutyFreeAmount: { unit: pop.price.unit, value: pop.price.value * times } },
      productOfferingPrice: { id: pop.id, href: `${BASE_URL}${CATALOG}/productOfferingPrice/${pop.id}`, name: pop.name, '@referredType': 'ProductOfferingPrice' },
    });
    expect(cart.cartItem[0].itemPrice).toEqual(prices.map((pop) => asCartPrice(pop, 1)));
    expect(cart.cartItem[0].itemTotalPrice).toEqual(prices.map((pop) => asCartPrice(pop, 2)));
    expect(cart.cartTotalPrice).toEqual(prices.map((pop) => ({
      priceType: pop.priceType,
      recurringChargePeriod: pop.recurringChargePeriodType,
      price: { dutyFreeAmount: { unit: pop.price.unit, value: pop.price.value * 2 } },
    })));
    expectValidCart(cart);
    expect((await app.inject({ method: 'GET', url: `${CARTS}/${cart.id}` })).json()).toEqual(cart);
  });

  it('totals a cart of two offerings per kind of charge, leaving out an item saved for later', async () => {
    const app = await demoApp();
    const gpon = (await catalogOffering(app, OfferingIds.gponResidential)).prices[0];
    const xgspon = (await catalogOffering(app, OfferingIds.xgsponResidential)).prices[0];
    const vdsl = (await catalogOffering(app, OfferingIds.vdsl2Residential)).prices[0];
    expect([gpon.priceType, gpon.recurringChargePeriodType, gpon.price.unit]).toEqual([xgspon.priceType, xgspon.recurringChargePeriodType, xgspon.price.unit]);

    const created = await app.inject({
      method: 'POST',
      url: CARTS,
      ...json({ cartItem: [item(OfferingIds.gponResidential), item(OfferingIds.xgsponResidential, { id: '2', quantity: 3 }), item(OfferingIds.vdsl2Residential, { id: '3', status: 'saveForLater' })] }),
    });
    expect(created.statusCode, created.body).toBe(201);
    const cart = created.json();
    expect(cart.cartItem[2].itemTotalPrice[0].price.dutyFreeAmount.value).toBe(vdsl.price.value);
    expect(cart.cartTotalPrice).toEqual([{
      priceType: gpon.priceType,
      recurringChargePeriod: gpon.recurringChargePeriodType,
      price: { dutyFreeAmount: { unit: gpon.price.unit, value: gpon.price.value + xgspon.price.value * 3 } },
    }]);
    expectValidCart(cart);
  });

  it('re-prices the cart when a PATCH changes a quantity, and the attribute change event carries the new totals', async () => {
    const app = await demoApp();
    const [pop] = (await catalogOffering(app, OfferingIds.gponResidential)).prices;
    const cart = (await app.inject({ method: 'POST', url: CARTS, ...json({ cartItem: [item(OfferingIds.gponResidential)] }) })).json();

    const patched = await app.inject({ method: 'PATCH', url: `${CARTS}/${cart.id}`, ...json({ cartItem: [{ ...cart.cartItem[0], quantity: 4 }] }) });
    expect(patched.statusCode, patched.body).toBe(200);
    const four = { unit: pop.price.unit, value: pop.price.value * 4 };
    expect(patched.json().cartItem[0].itemPrice[0].price.dutyFreeAmount).toEqual(pop.price);
    expect(patched.json().cartItem[0].itemTotalPrice[0].price.dutyFreeAmount).toEqual(four);
    expect(patched.json().cartTotalPrice[0].price.dutyFreeAmount).toEqual(four);
    expectValidCart(patched.json());

    const events = await app.spine.ctx.store.listEvents({ api: 'TMF663' });
    expect(events.map((e) => e.eventType)).toEqual(['ShoppingCartCreateEvent', 'ShoppingCartAttributeValueChangeEvent']);
    expect((events[1].envelope as Doc).event.shoppingCart.cartTotalPrice[0].price.dutyFreeAmount).toEqual(four);
    expect((await app.inject({ method: 'GET', url: `${CARTS}/${cart.id}` })).json()).toEqual(patched.json());
  });

  it('refuses an item naming an offering the catalog does not have (400), and stores nothing', async () => {
    const app = await demoApp();
    const refused = await app.inject({ method: 'POST', url: CARTS, ...json({ cartItem: [item('po-no-such-offering')] }) });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ '@type': 'Error', code: 'SPN-400-INVALID-BODY', message: 'cartItem 1 names productOffering po-no-such-offering, which does not exist' });
    expect(await storedCarts(app)).toEqual({ carts: [], events: [] });

    const cart = (await app.inject({ method: 'POST', url: CARTS, ...json({ cartItem: [item(OfferingIds.gponResidential)] }) })).json();
    const patch = await app.inject({ method: 'PATCH', url: `${CARTS}/${cart.id}`, ...json({ cartItem: [...cart.cartItem, item('po-no-such-offering', { id: '2' })] }) });
    expect(patch.statusCode).toBe(400);
    expect(patch.json().message).toBe('cartItem 2 names productOffering po-no-such-offering, which does not exist');
    expect(await storedCarts(app)).toEqual({ carts: [cart], events: ['ShoppingCartCreateEvent'] });
  });

  it('refuses an offering that is not on sale (409): one retired, one sold only within a bundle', async () => {
    const app = await demoApp();
    const { offering } = await catalogOffering(app, OfferingIds.gponResidential);
    const { id: _id, href: _href, ...copy } = offering;
    const retired = (await app.inject({ method: 'POST', url: `${CATALOG}/productOffering`, ...json({ ...copy, name: 'Retired fibre', lifecycleStatus: 'Retired' }) })).json();
    const bundled = (await app.inject({ method: 'POST', url: `${CATALOG}/productOffering`, ...json({ ...copy, name: 'Bundle-only fibre', isSellable: false }) })).json();

    const refusedRetired = await app.inject({ method: 'POST', url: CARTS, ...json({ cartItem: [item(retired.id)] }) });
    expect(refusedRetired.statusCode).toBe(409);
    expect(refusedRetired.json()).toMatchObject({ '@type': 'Error', code: 'SPN-409-CONFLICT', message: `cartItem 1 names productOffering ${retired.id}, which is Retired: offerings are on sale when Launched or Active` });
    const refusedAlone = await app.inject({ method: 'POST', url: CARTS, ...json({ cartItem: [item(bundled.id)] }) });
    expect(refusedAlone.statusCode).toBe(409);
    expect(refusedAlone.json().message).toBe(`cartItem 1 names productOffering ${bundled.id}, which is sold only within a bundle (isSellable false)`);
    expect(await storedCarts(app)).toEqual({ carts: [], events: [] });

    // Within a bundle's item it is taken.
    const inBundle = await app.inject({ method: 'POST', url: CARTS, ...json({ cartItem: [item(OfferingIds.gponResidential, { cartItem: [item(bundled.id, { id: '1.1' })] })] }) });
    expect(inBundle.statusCode, inBundle.body).toBe(201);
    expect(inBundle.json().cartItem[0].cartItem[0].itemPrice).toEqual(inBundle.json().cartItem[0].itemPrice);
  });

  it('refuses a quantity that is not a whole number of at least 1 (400), on POST and PATCH', async () => {
    const app = await demoApp();
    for (const quantity of [0, -2, 1.5]) {
      const refused = await app.inject({ method: 'POST', url: CARTS, ...json({ cartItem: [item(OfferingIds.gponResidential, { quantity })] }) });
      expect([refused.statusCode, refused.json().code], `quantity ${quantity}`).toEqual([400, 'SPN-400-INVALID-BODY']);
    }
    expect(await storedCarts(app)).toEqual({ carts: [], events: [] });

    const cart = (await app.inject({ method: 'POST', url: CARTS, ...json({ cartItem: [item(OfferingIds.gponResidential)] }) })).json();
    const patch = await app.inject({ method: 'PATCH', url: `${CARTS}/${cart.id}`, ...json({ cartItem: [{ ...cart.cartItem[0], quantity: 0 }] }) });
    expect(patch.statusCode).toBe(400);
    expect(patch.json().message).toBe('cartItem 1: quantity must be a whole number of at least 1, not 0');
    expect(await storedCarts(app)).toEqual({ carts: [cart], events: ['ShoppingCartCreateEvent'] });
  });

  it('sets the prices itself: prices a client sends are replaced by the catalog\'s, and a PATCH of cartTotalPrice is refused', async () => {
    const app = await demoApp();
    const [pop] = (await catalogOffering(app, OfferingIds.gponResidential)).prices;
    const forged = [{ priceType: pop.priceType, recurringChargePeriod: pop.recurringChargePeriodType, price: { dutyFreeAmount: { unit: pop.price.unit, value: 1 } } }];

    // ShoppingCart_Create keeps cartTotalPrice and CartItem keeps itemPrice: sent, they are overwritten.
    const created = await app.inject({ method: 'POST', url: CARTS, ...json({ cartItem: [item(OfferingIds.gponResidential, { itemPrice: forged, ItemTotalPrice: forged })], cartTotalPrice: forged }) });
    expect(created.statusCode, created.body).toBe(201);
    const cart = created.json();
    expect(cart.cartItem[0].itemPrice[0].price.dutyFreeAmount).toEqual(pop.price);
    expect(cart.cartItem[0].itemTotalPrice[0].price.dutyFreeAmount).toEqual(pop.price);
    expect(cart.cartItem[0]).not.toHaveProperty('ItemTotalPrice');
    expect(cart.cartTotalPrice[0].price.dutyFreeAmount).toEqual(pop.price);

    const forgedItem = await app.inject({ method: 'PATCH', url: `${CARTS}/${cart.id}`, ...json({ cartItem: [{ ...cart.cartItem[0], itemPrice: forged }] }) });
    expect(forgedItem.statusCode, forgedItem.body).toBe(200);
    expect(forgedItem.json()).toEqual(cart);

    // ShoppingCart_Update skips cartTotalPrice: the server's alone.
    const forgedTotal = await app.inject({ method: 'PATCH', url: `${CARTS}/${cart.id}`, ...json({ cartTotalPrice: forged }) });
    expect(forgedTotal.statusCode).toBe(400);
    expect(forgedTotal.json()).toMatchObject({ code: 'SPN-400-NOT-PATCHABLE' });
    expect(await storedCarts(app)).toEqual({ carts: [cart], events: ['ShoppingCartCreateEvent'] });
  });
});
