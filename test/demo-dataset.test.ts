import { describe, expect, it } from 'vitest';
import { loadDemoDataset } from '../src/scenarios/demo-dataset.js';
import { build, json } from './support/build.js';

const clock = () => new Date('2026-11-26T10:00:00Z');

describe('the demo dataset', () => {
  it('loads catalog, customers, addresses and the GPON network once', async () => {
    const app = await build({ now: clock });
    expect(await loadDemoDataset(app.spine.ctx)).toBe(true);
    const events = (await app.spine.ctx.store.listEvents({})).length;
    expect(events).toBeGreaterThan(0);

    const jane = await app.inject({ method: 'GET', url: '/tmf-api/customerManagement/v4/customer/cust-56789' });
    expect(jane.statusCode).toBe(200);
    expect(jane.json().name).toContain('Jane Smith');
    const offering = await app.inject({ method: 'GET', url: '/tmf-api/productCatalogManagement/v4/productOffering/po-gpon-ftth-001' });
    expect(offering.statusCode).toBe(200);
    const ports = await app.inject({ method: 'GET', url: '/tmf-api/resourceInventoryManagement/v4/resource?name.regex=1%2F4%2F12' });
    expect(ports.json().length).toBeGreaterThan(0);

    const resources = (await app.inject({ method: 'GET', url: '/tmf-api/resourceInventoryManagement/v4/resource?limit=1000' })).json();
    for (const resource of resources) {
      const spec = await app.inject({ method: 'GET', url: `/tmf-api/resourceCatalog/v4/resourceSpecification/${resource.resourceSpecification.id}` });
      expect(spec.statusCode, `${resource.id} names ${resource.resourceSpecification.id}`).toBe(200);
    }

    expect(await loadDemoDataset(app.spine.ctx)).toBe(false);
    expect((await app.spine.ctx.store.listEvents({})).length).toBe(events);
  });

  it('seeds the id sequences so the first product order gets the number operators know', async () => {
    const app = await build({ now: clock });
    await loadDemoDataset(app.spine.ctx);
    const order = { productOrderItem: [{ id: '1', action: 'add', productOffering: { id: 'po-gpon-ftth-001' } }] };
    const first = await app.inject({ method: 'POST', url: '/tmf-api/productOrderingManagement/v4/productOrder', ...json(order) });
    const second = await app.inject({ method: 'POST', url: '/tmf-api/productOrderingManagement/v4/productOrder', ...json(order) });
    expect([first.json().id, second.json().id]).toEqual(['po-ord-2026-00789', 'po-ord-2026-00790']);
  });

  it("serves an address's sub-addresses at TMF673's geographicSubAddress paths, as a collection and one by one", async () => {
    const app = await build();
    await loadDemoDataset(app.spine.ctx);
    const ADDRESSES = '/tmf-api/geographicAddressManagement/v4/geographicAddress';
    const queenStreet = `${ADDRESSES}/addr-tor-350-queen-st-e/geographicSubAddress`;
    const list = await app.inject({ method: 'GET', url: queenStreet });
    expect([list.statusCode, list.headers['x-total-count']]).toEqual([200, '1']);
    const suite = list.json()[0];
    expect(suite).toMatchObject({ id: 'sub-350-queen-st-e-suite-400', subUnitType: 'suite', subUnitNumber: '400', href: `http://spine.test${queenStreet}/sub-350-queen-st-e-suite-400` });
    expect((await app.inject({ method: 'GET', url: `${queenStreet}/${suite.id}?fields=subUnitNumber` })).json()).toEqual({ id: suite.id, href: suite.href, '@type': 'GeographicSubAddress', subUnitNumber: '400' });
    // Its own validation: the entry is a GeographicSubAddress of the official spec.
    expect(app.spine.ctx.validator.validate('TMF673', 'GeographicSubAddress', suite)).toEqual([]);
    expect((await app.inject({ method: 'GET', url: `${ADDRESSES}/addr-tor-42-maple-ave/geographicSubAddress` })).json()).toEqual([]);
    expect((await app.inject({ method: 'GET', url: `${queenStreet}?subUnitType=floor` })).json()).toEqual([]);
    for (const [url, message] of [
      [`${queenStreet}/sub-nope`, 'geographicSubAddress sub-nope does not exist in geographicAddress addr-tor-350-queen-st-e'],
      [`${ADDRESSES}/addr-nowhere/geographicSubAddress`, 'geographicAddress addr-nowhere does not exist'],
    ]) {
      const missing = await app.inject({ method: 'GET', url });
      expect([missing.statusCode, missing.json().message]).toEqual([404, message]);
    }
    const refused = await app.inject({ method: 'POST', url: queenStreet, ...json({}) });
    expect([refused.statusCode, refused.headers.allow]).toEqual([405, 'GET, HEAD, OPTIONS']);
  });
});
