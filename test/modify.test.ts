import { describe, expect, it } from 'vitest';
import { json } from './support/build.js';
import { capacity, characteristic, demoApp, get, networkCallsFor, POOL, RESOURCE, runScenario, type Doc } from './support/change-journeys.js';

// The GPON 1 Gbps → XGS-PON 2 Gbps upgrade over HTTP, on a product provisioned by gpon-ftth first.

const OLD_PORT = 'res-inst-olt-port-04-12';
const OLD_ONT = 'res-inst-ont-hwtc-a1b2';

describe('gpon-upgrade', () => {
  it('refuses with a TMF error when the customer has no active product, and starts nothing', async () => {
    const app = await demoApp();
    const response = await app.inject({ method: 'POST', url: '/spine/v1/scenarios/gpon-upgrade/runs?wait=true', ...json({}) });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ '@type': 'Error', status: '409', message: 'none of the demo customers cust-56789, cust-56794, cust-56795, cust-56796 has an active product; run gpon-ftth first' });
    const named = await app.inject({ method: 'POST', url: '/spine/v1/scenarios/gpon-upgrade/runs?wait=true', ...json({ customerId: 'cust-56789' }) });
    expect([named.statusCode, named.json().message]).toEqual([409, 'customer cust-56789 has no active product; run gpon-ftth first']);
    expect(await get(app, '/spine/v1/runs?scenario=gpon-upgrade')).toEqual([]);
  });

  it('without a customer, upgrades the first demo customer whose product is not on the target offering yet; 409 once none is', async () => {
    const app = await demoApp();
    for (const customerId of ['cust-56789', 'cust-56794']) expect((await runScenario(app, 'gpon-ftth', { customerId })).run.status).toBe('completed');
    const upgraded = [];
    for (let i = 0; i < 2; i++) {
      const run = await runScenario(app, 'gpon-upgrade');
      expect(run.run.status, run.run.error).toBe('completed');
      upgraded.push(run.run.context.customerId);
    }
    expect(upgraded).toEqual(['cust-56789', 'cust-56794']);
    const refused = await app.inject({ method: 'POST', url: '/spine/v1/scenarios/gpon-upgrade/runs?wait=true', ...json({}) });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toMatch(/^no demo customer has an active product to change to po-xgspon-ftth-2g: product \S+ is po-xgspon-ftth-2g already; product \S+ is po-xgspon-ftth-2g already\. Wait until an open order is done, run gpon-ftth first, or name the productId and another offeringId$/);
  });

  it('upgrades the neighbours on SPLIT-MAPLE-AVE-02 onto its XGS-PON port; at 21 Birch St, which no XGS-PON port reaches, qualification stops it before any order', async () => {
    const app = await demoApp();
    for (const customerId of ['cust-56794', 'cust-56796']) expect((await runScenario(app, 'gpon-ftth', { customerId })).run.status).toBe('completed');
    const upgraded = await runScenario(app, 'gpon-upgrade', { customerId: 'cust-56794' });
    expect(upgraded.run.status, upgraded.run.error).toBe('completed');
    const port = await get(app, `${RESOURCE}/${upgraded.run.context.addedResources.accessPort}`);
    expect([port.name, characteristic(port, 'technology')]).toEqual(['OLT-EAST-TOR-001 XGS-PON 1/5/4', 'XGS-PON']);
    const refused = await runScenario(app, 'gpon-upgrade', { customerId: 'cust-56796' });
    expect(refused.run).toMatchObject({ status: 'failed', error: expect.stringContaining('Access technology not available at this address') });
    expect(refused.exchanges.map((e: Doc) => `${e.api} ${e.method} ${e.status}`)).toEqual(['TMF679 POST 200', 'TMF645 POST 200']);
    expect(refused.exchanges[1].response.serviceQualificationItem[0].eligibilityUnavailabilityReason[0].code).toBe('TECH-003');
  });

  // A change ran no commercial check: a residential customer was upgraded onto the enterprise-only offering.
  it('qualifies the target offering commercially first: a residential customer is refused the enterprise offering (COMM-003), before any order', async () => {
    const app = await demoApp();
    expect((await runScenario(app, 'gpon-ftth')).run.status).toBe('completed');
    const refused = await runScenario(app, 'gpon-upgrade', { offeringId: 'po-gpon-ftth-business' });
    expect(refused.run).toMatchObject({ status: 'failed', error: expect.stringContaining('(COMM-003)') });
    expect(refused.exchanges.map((e: Doc) => `${e.api} ${e.method} ${e.status}`)).toEqual(['TMF679 POST 200']);
  });

  it('raises exactly the resource order items the diff calls for, leaves VLANs and drop untouched, and moves capacity between ports', async () => {
    const app = await demoApp();
    const provision = await runScenario(app, 'gpon-ftth');
    expect(provision.run.status).toBe('completed');
    const before = provision.run.context.resources as Record<string, string>;
    const oldPoolBefore = capacity(await get(app, `${POOL}/pool-olt-port-04-12`), 'inUse');
    const untouchedBefore = await Promise.all([before.vlanPair, before.drop].map((id) => get(app, `${RESOURCE}/${id}`)));

    const run = await runScenario(app, 'gpon-upgrade', { productId: provision.run.context.productId });
    expect(run.run.status, run.run.error).toBe('completed');

    // The resource order: the port and the ONT replaced, the session modified, nothing else.
    const order = await get(app, `/tmf-api/resourceOrderingManagement/v4/resourceOrder/${run.run.context.resourceOrderId}`);
    expect(order.state).toBe('completed');
    const items = (order.orderItem as Doc[]).map((i) => `${i.action} ${i.resource?.id ?? i.resourceSpecification.id}`);
    const added = run.run.context.addedResources as Record<string, string>;
    expect(items.sort()).toEqual(
      [`delete ${OLD_PORT}`, `add ${added.accessPort}`, `modify ${before.bngSession}`, `delete ${OLD_ONT}`, `add ${added.cpe}`].sort(),
    );

    // The diff is part of the run report, as the explorer's table.
    const rows = Object.fromEntries((run.diff as Doc[]).map((r) => [r.field, r]));
    expect(rows.vlanPair).toMatchObject({ changeType: 'noChange', resourceOrderItemRaised: false });
    expect(rows.drop).toMatchObject({ changeType: 'noChange', resourceOrderItemRaised: false });
    expect(rows.accessPort).toMatchObject({ changeType: 'replace', resourceOrderItemRaised: true });
    expect(rows.cpe).toMatchObject({ changeType: 'replace', resourceOrderItemRaised: true });
    expect(rows['bngSession.rateProfile']).toEqual({ field: 'bngSession.rateProfile', current: 'RP-1G', target: 'RP-2G', changeType: 'modify', resourceOrderItemRaised: true });

    // No network or reservation call for what stays, and its inventory record is exactly as it was.
    for (const id of [before.vlanPair, before.drop]) expect(networkCallsFor(run, id!)).toEqual([]);
    const untouchedAfter = await Promise.all([before.vlanPair, before.drop].map((id) => get(app, `${RESOURCE}/${id}`)));
    expect(untouchedAfter).toEqual(untouchedBefore);

    // The old GPON port got its slot back and the old ONT is idle and available again.
    expect(capacity(await get(app, `${POOL}/pool-olt-port-04-12`), 'inUse')).toBe(`${Number.parseInt(oldPoolBefore) - 1} ONT`);
    const oldPort = await get(app, `${RESOURCE}/${OLD_PORT}`);
    expect(characteristic(oldPort, 'registeredOnts')).toEqual([]);
    const oldOnt = await get(app, `${RESOURCE}/${OLD_ONT}`);
    expect([oldOnt.usageState, oldOnt.resourceStatus]).toEqual(['idle', 'available']);

    // The new XGS-PON port counts the new ONT, which is ranged on it and active.
    const newPort = await get(app, `${RESOURCE}/${added.accessPort}`);
    expect(characteristic(newPort, 'technology')).toBe('XGS-PON');
    expect(characteristic(newPort, 'registeredOnts')).toEqual([expect.objectContaining({ ont: added.cpe })]);
    const newOnt = await get(app, `${RESOURCE}/${added.cpe}`);
    expect([newOnt.usageState, characteristic(newOnt, 'technology'), characteristic(newOnt, 'ponPort')]).toEqual(['active', 'XGS-PON', added.accessPort]);
    const session = await get(app, `${RESOURCE}/${before.bngSession}`);
    expect([session.usageState, characteristic(session, 'rateProfile')]).toEqual(['active', 'RP-2G']);

    // The product is on the new offering and realised by the new ONT; the order is completed.
    const product = await get(app, `/tmf-api/productInventory/v4/product/${run.run.context.productId}`);
    expect([product.status, product.productOffering.id, product.realizingResource[0].id]).toEqual(['active', 'po-xgspon-ftth-2g', added.cpe]);
    const productOrder = await get(app, `/tmf-api/productOrderingManagement/v4/productOrder/${run.run.context.productOrderId}`);
    expect([productOrder.state, productOrder.productOrderItem[0].action]).toEqual(['completed', 'modify']);

    // One correlation id threads the journey's events, and the trace follows it.
    const correlationIds = new Set((run.events as Doc[]).map((e) => e.correlationId));
    expect([...correlationIds]).toEqual([run.run.correlationId]);
    expect((run.events as Doc[]).map((e) => e.eventType)).toEqual(expect.arrayContaining(['ProductOrderCreateEvent', 'ResourceStateChangeEvent', 'ProductOrderStateChangeEvent']));
    const trace = await get(app, `/spine/v1/trace/${run.run.id}`);
    expect(JSON.stringify(trace)).toContain(String(run.run.context.productOrderId));
  });
});
