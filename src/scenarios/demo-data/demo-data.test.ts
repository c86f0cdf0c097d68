import { describe, expect, it } from 'vitest';
import { build } from '../../../test/support/build.js';
import { demoNetwork, OntModels } from '../../network/topology.js';
import { servingPath } from '../../network/serving-path.js';
import { DemoAddressIds, demoAddresses } from './addresses.js';
import { loadParties } from './load-parties.js';
import { demoCustomers, MarketSegments } from './parties.js';

describe('the demo parties and addresses', () => {
  it('gives every address the network serves a TMF673 address, and every customer an address', () => {
    const ids = new Set(demoAddresses.map((a) => a.id));
    for (const drop of demoNetwork.drops) expect(ids).toContain(drop.addressId);
    for (const customer of demoCustomers) expect(ids).toContain(customer.addressId);
  });

  it('puts one customer on each outcome the network produces', () => {
    const outcome = (addressId: string) => {
      const path = servingPath(addressId, { network: demoNetwork });
      return path.kind === 'served' ? path.problems.join(',') || 'qualifies' : path.kind;
    };
    expect(demoCustomers.map((c) => [c.customerId, c.segment, outcome(c.addressId)])).toEqual([
      ['cust-56789', MarketSegments.residential, 'qualifies'],
      ['cust-56790', MarketSegments.residential, 'portFull'],
      ['cust-56791', MarketSegments.residential, 'overBudget'],
      ['cust-56792', MarketSegments.enterprise, 'qualifies'],
      ['cust-56793', MarketSegments.residential, 'outsideFootprint'],
      ['cust-56794', MarketSegments.residential, 'qualifies'],
      ['cust-56795', MarketSegments.residential, 'qualifies'],
      ['cust-56796', MarketSegments.residential, 'qualifies'],
    ]);
  });

  it('has a GPON ONT in stock for every premises that qualifies, each on its own built drop', () => {
    const qualifyingDrops = demoCustomers.flatMap((c) => {
      const path = servingPath(c.addressId, { network: demoNetwork });
      return path.kind === 'served' && !path.problems.length ? [path.serving.drop.resourceId] : [];
    });
    expect(qualifyingDrops).toHaveLength(5);
    expect(new Set(qualifyingDrops).size).toBe(qualifyingDrops.length);
    expect(qualifyingDrops.every((id) => id !== undefined)).toBe(true);
    const gponOnts = demoNetwork.onts.filter((o) => OntModels[o.model].technology === 'GPON');
    expect(gponOnts.length).toBeGreaterThanOrEqual(qualifyingDrops.length);
  });

  it('loads them through the API layer: Jane Smith is a residential customer at 42 Maple Ave with a billing account', async () => {
    const app = await build();
    const { ctx } = app.spine;
    await ctx.store.transaction((tx) => loadParties(tx, ctx, { correlationId: 'seed-test' }));
    const jane = (await app.inject({ method: 'GET', url: '/tmf-api/customerManagement/v4/customer/cust-56789' })).json();
    expect(jane).toMatchObject({
      name: 'Jane Smith',
      engagedParty: { id: 'ind-56789', '@referredType': 'Individual' },
      characteristic: [
        { name: 'marketSegment', value: 'residential' },
        { name: 'serviceAddress', value: DemoAddressIds.janeSmith },
      ],
      account: [{ id: 'ba-56789' }],
    });
    const address = (await app.inject({ method: 'GET', url: `/tmf-api/geographicAddressManagement/v4/geographicAddress/${DemoAddressIds.janeSmith}` })).json();
    expect(address).toMatchObject({ streetNr: '42', streetName: 'Maple', streetType: 'Ave', city: 'Toronto' });
    const organization = await app.inject({ method: 'GET', url: '/tmf-api/party/v4/organization/org-56792' });
    expect(organization.json()).toMatchObject({ tradingName: 'Lakeshore Logistics', isLegalEntity: true });
    const account = await app.inject({ method: 'GET', url: '/tmf-api/accountManagement/v4/billingAccount/ba-56789' });
    expect(account.json()).toMatchObject({ state: 'active', relatedParty: [{ id: 'cust-56789', role: 'customer' }, { id: 'ind-56789', role: 'owner' }] });
  });
});
