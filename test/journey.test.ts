import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { resolveTmfPath } from '../src/orchestrator/tmf-caller.js';
import { loadDemoDataset } from '../src/scenarios/demo-dataset.js';
import { createSchemaValidator, describeIssues } from '../src/tmf/schemas.js';
import { BASE_URL, build, json } from './support/build.js';

// The GPON FTTH provision end to end, started over HTTP like a client would, on a fresh demo database.

const clock = () => new Date('2026-11-26T10:00:00Z');
const validator = createSchemaValidator();
type Doc = Record<string, any>;

// TMF-DOMAIN.md §12.3: the order-to-activate event stream, cart checkout to first usage record.
const causalEvents = [
  'ShoppingCartAttributeValueChangeEvent',
  'GeographicAddressValidationStateChangeEvent',
  'ProductOfferingQualificationStateChangeEvent',
  'CheckServiceQualificationStateChangeEvent',
  'AppointmentCreateEvent',
  'AppointmentStateChangeEvent',
  'ProductOrderCreateEvent',
  'ProductOrderStateChangeEvent',
  'ProductCreateEvent',
  'ServiceOrderCreateEvent',
  'ServiceOrderStateChangeEvent',
  'ServiceCreateEvent',
  'ResourceOrderCreateEvent',
  'ResourceStateChangeEvent',
  'WorkOrderStateChangeEvent',
  'ResourceOrderStateChangeEvent',
  'ServiceStateChangeEvent',
  'ServiceStateChangeEvent',
  'ServiceOrderStateChangeEvent',
  'ProductStateChangeEvent',
  'ProductOrderStateChangeEvent',
  'UsageCreateEvent',
];

async function demoApp(): Promise<FastifyInstance> {
  const app = await build({ now: clock });
  await loadDemoDataset(app.spine.ctx);
  return app;
}

async function runJourney(app: FastifyInstance, input: Doc = {}): Promise<Doc> {
  const response = await app.inject({ method: 'POST', url: '/spine/v1/scenarios/gpon-ftth/runs?wait=true', ...json(input) });
  expect(response.statusCode, response.body).toBe(201);
  // Absolute, as every Location the TMF APIs send is.
  expect(response.headers.location).toBe(`${BASE_URL}/spine/v1/runs/${response.json().run.id}`);
  return response.json();
}

async function get(app: FastifyInstance, path: string): Promise<Doc> {
  return (await app.inject({ method: 'GET', url: path })).json();
}

/** Index of each expected type in `actual`, in order, as a subsequence (-1 where it is missing). */
function subsequence(actual: string[], expected: string[]): number[] {
  let from = 0;
  return expected.map((type) => {
    const at = actual.indexOf(type, from);
    if (at >= 0) from = at + 1;
    return at;
  });
}

describe('the GPON FTTH journey', () => {
  it('runs cart to first usage record for Jane Smith with the ids, resources and events operators know', async () => {
    const app = await demoApp();
    const report = await runJourney(app);
    const { run } = report;
    expect(run.status, run.error).toBe('completed');
    expect(report.steps.every((s: Doc) => s.status === 'done')).toBe(true);

    const context = run.context;
    expect(context.productOrderId).toBe('po-ord-2026-00789');
    expect(context.serviceOrderId).toBe('so-2026-00789');
    expect(context.resourceOrderId).toBe('ro-2026-00321');
    expect(Object.values(context.serviceIds)).toContain('svc-cfs-gpon-00456');
    expect(context.resources).toMatchObject({
      accessPort: 'res-inst-olt-port-04-12',
      cpe: 'res-inst-ont-hwtc-a1b2',
      vlanPair: 'res-inst-vlan-pair-100-2042',
      drop: 'res-inst-drop-42-maple-ave',
    });

    // One correlationId on every exchange and every event, minted for the journey.
    expect(run.correlationId).toMatch(/^journey-/);
    expect(report.exchanges.every((x: Doc) => x.correlationId === run.correlationId)).toBe(true);
    expect(report.events.every((e: Doc) => e.correlationId === run.correlationId)).toBe(true);

    // Every event is caused by exactly one call: the one whose change (or whose behaviours' cascade) emitted it.
    const causes = report.events.map((e: Doc) => report.exchanges.filter((x: Doc) => x.events.includes(e.eventId)));
    expect(causes.map((c: Doc[]) => c.length)).toEqual(report.events.map(() => 1));
    const causeOf = (eventType: string) => causes[report.events.findIndex((e: Doc) => e.eventType === eventType)][0];
    expect(causeOf('ShoppingCartCreateEvent')).toMatchObject({ method: 'POST', api: 'TMF663' });
    expect(causeOf('ShoppingCartAttributeValueChangeEvent')).toMatchObject({ method: 'PATCH', api: 'TMF663' });
    // The channel adds the offering to the cart and the server prices it from the catalog: the items are final.
    const checkedOut = causeOf('ShoppingCartAttributeValueChangeEvent');
    expect(checkedOut.request.cartItem[0]).not.toHaveProperty('itemPrice');
    expect(checkedOut.response.cartTotalPrice).toEqual([{ priceType: 'recurring', recurringChargePeriod: 'month', price: { dutyFreeAmount: { unit: 'CAD', value: 85 } } }]);
    expect(checkedOut.response.cartItem[0].itemPrice).toEqual([{
      name: 'GPON FTTH 1Gbps Residential, monthly', priceType: 'recurring', recurringChargePeriod: 'month',
      price: { dutyFreeAmount: { unit: 'CAD', value: 85 } },
      productOfferingPrice: { id: 'pop-gpon-ftth-001-monthly', href: `${BASE_URL}/tmf-api/productCatalogManagement/v4/productOfferingPrice/pop-gpon-ftth-001-monthly`, name: 'GPON FTTH 1Gbps Residential, monthly', '@referredType': 'ProductOfferingPrice' },
    }]);
    expect(causeOf('ReservationCreationEvent')).toMatchObject({ method: 'POST', api: 'TMF685' });
    expect(report.exchanges.filter((x: Doc) => x.method === 'GET').every((x: Doc) => x.events.length === 0)).toBe(true);

    // The 22 events of the order-to-activate stream, in causal order.
    const types = report.events.map((e: Doc) => e.eventType);
    const positions = subsequence(types, causalEvents);
    expect(positions.filter((p) => p < 0), `missing from ${types.join(', ')}`).toEqual([]);
    const completed = report.events.filter((e: Doc) => e.eventType === 'ProductOrderStateChangeEvent').at(-1);
    expect(completed.event.productOrder.state).toBe('completed');

    // Order states and service states are separate transitions at separate times.
    const orderDone = report.transitions.find((t: Doc) => t.resource === 'serviceOrder' && t.to === 'completed');
    const serviceActive = report.transitions.find((t: Doc) => t.resource === 'service' && t.to === 'active');
    expect(orderDone && serviceActive).toBeTruthy();
    expect(orderDone.eventId).not.toBe(serviceActive.eventId);

    // Every exchange succeeded and its payload is valid against the official schema of its resource.
    for (const exchange of report.exchanges) {
      expect(exchange.status, `${exchange.method} ${exchange.path}`).toBeLessThan(300);
      const { target } = resolveTmfPath(exchange.path);
      for (const doc of Array.isArray(exchange.response) ? exchange.response : exchange.response ? [exchange.response] : []) {
        const issues = validator.validate(target.api.id, target.resource.entity, doc);
        expect(issues, `${exchange.method} ${exchange.path}: ${describeIssues(issues)}`).toEqual([]);
      }
    }
    const swimlane = report.exchanges.map((x: Doc) => `${x.from}→${x.to} ${x.api}`);
    for (const hop of ['channel→com TMF663', 'channel→com TMF673', 'com→com TMF679', 'com→som TMF645', 'orchestrator→som TMF641', 'som→serviceInventory TMF638', 'som→rom TMF652', 'rom→rom TMF685', 'rom→activation TMF702', 'rom→workforce TMF697']) {
      expect(swimlane).toContain(hop);
    }

    // Final states, read back through the APIs.
    expect((await get(app, `/tmf-api/productOrderingManagement/v4/productOrder/${context.productOrderId}`)).state).toBe('completed');
    expect((await get(app, `/tmf-api/serviceOrdering/v4/serviceOrder/${context.serviceOrderId}`)).state).toBe('completed');
    expect((await get(app, `/tmf-api/resourceOrderingManagement/v4/resourceOrder/${context.resourceOrderId}`)).state).toBe('completed');
    expect((await get(app, `/tmf-api/productInventory/v4/product/${context.productId}`)).status).toBe('active');
    for (const id of Object.values(context.serviceIds) as string[]) {
      expect((await get(app, `/tmf-api/serviceInventory/v4/service/${id}`)).state, id).toBe('active');
    }
    for (const id of Object.values(context.resources) as string[]) {
      expect(['active', 'busy'], id).toContain((await get(app, `/tmf-api/resourceInventoryManagement/v4/resource/${id}`)).usageState);
    }
    const serviceOrder = await get(app, `/tmf-api/serviceOrdering/v4/serviceOrder/${context.serviceOrderId}`);
    expect(serviceOrder.orderRelationship).toEqual([expect.objectContaining({ id: context.productOrderId, relationshipType: 'cross-ref' })]);

    // The golden thread from any id of the chain, or of anything the journey's calls created, leads back to this journey.
    const created = report.exchanges.filter((x: Doc) => x.method === 'POST' && x.status < 300).map((x: Doc) => x.response.id);
    expect(created).toEqual(expect.arrayContaining([context.addressValidationId, ...Object.values(context.activations)]));
    for (const id of [context.productOrderId, context.serviceOrderId, context.resourceOrderId, context.resources.cpe, run.correlationId, report.events[0].eventId, ...created]) {
      const trace = await get(app, `/spine/v1/trace/${encodeURIComponent(id)}`);
      expect(trace.runId, `trace of ${id}`).toBe(run.id);
    }
    // The trace says what the id is to the journey.
    const match = async (id: string) => (await get(app, `/spine/v1/trace/${encodeURIComponent(id)}`)).match;
    expect(await match(run.id)).toBe('the run');
    expect(await match(context.productOrderId)).toBe('the productOrder of the chain');
    expect(await match(run.correlationId)).toBe("the journey's correlationId");
    expect(await match(report.events[0].eventId)).toBe('an event of the journey');
    expect(await match(context.addressValidationId)).toBe('created by POST /tmf-api/geographicAddressManagement/v4/geographicAddressValidation (step validate-address)');
    const unknown = await app.inject({ method: 'GET', url: '/spine/v1/trace/no-such-id' });
    expect([unknown.statusCode, unknown.json()['@type'], unknown.json().message]).toEqual([404, 'Error', expect.stringContaining('no journey has no-such-id in its golden thread')]);
    const trace = await get(app, `/spine/v1/trace/${context.productOrderId}`);
    expect(trace.chain.map((n: Doc) => n.role)).toEqual(
      expect.arrayContaining(['customer', 'shoppingCart', 'productOrder', 'serviceOrder', 'resourceOrder', 'cfs', 'rfs', 'resource:accessPort', 'resource:cpe', 'resource:vlanPair', 'resource:drop', 'resource:bngSession', 'activation:accessPort', 'activation:cpe', 'activation:vlanPair', 'activation:drop', 'activation:bngSession']),
    );
    expect(trace.chain.find((n: Doc) => n.role === 'activation:cpe')).toMatchObject({ api: 'TMF702', via: `resourceRelationship (targets) of ${context.resources.cpe}` });
    expect(trace.chain.find((n: Doc) => n.role === 'productOrder')).toMatchObject({ state: 'completed', owner: { actor: 'com', api: 'TMF622' } });
  });

  it('orders at the prices the cart was checked out with, and the order names its cart', async () => {
    const app = await demoApp();
    const { run } = await runJourney(app);
    expect(run.status, run.error).toBe('completed');
    const cartUrl = `/tmf-api/shoppingCart/v4/shoppingCart/${run.context.cartId}`;
    const cart = await get(app, cartUrl);
    const order = await get(app, `/tmf-api/productOrderingManagement/v4/productOrder/${run.context.productOrderId}`);
    expect(cart.cartItem[0].itemPrice.length).toBeGreaterThan(0);
    expect(cart.cartTotalPrice.length).toBeGreaterThan(0);

    // A TMF663 CartPrice is a TMF622 OrderPrice as it stands: the order carries the cart's, unchanged.
    expect(order.productOrderItem.map((i: Doc) => [i.id, i.itemPrice, i.itemTotalPrice])).toEqual(cart.cartItem.map((i: Doc) => [i.id, i.itemPrice, i.itemTotalPrice]));
    expect(order.orderTotalPrice).toEqual(cart.cartTotalPrice);
    for (const price of [...order.orderTotalPrice, ...order.productOrderItem.flatMap((i: Doc) => [...i.itemPrice, ...i.itemTotalPrice])]) {
      const issues = validator.validate('TMF622', 'OrderPrice', price);
      expect(issues, describeIssues(issues)).toEqual([]);
    }
    // TMF622 v4 has no reference to a cart: the order's note names it, with the href it answers with.
    expect(order.note).toEqual([expect.objectContaining({ text: expect.stringContaining(`${BASE_URL}${cartUrl}`) })]);
  });

  // A completed order carried no completionDate, which TMF622, TMF641, TMF652 and TMF697 all define.
  it('dates each order completed at the moment it moved to completed, and started when it first moved to inProgress, as its state change events say', async () => {
    const app = await demoApp();
    const report = await runJourney(app);
    expect(report.run.status, report.run.error).toBe('completed');
    const { productOrderId, serviceOrderId, resourceOrderId, workOrderId } = report.run.context;
    const orders: Array<[string, string, string]> = [
      ['/tmf-api/productOrderingManagement/v4/productOrder', productOrderId, 'productOrder'],
      ['/tmf-api/serviceOrdering/v4/serviceOrder', serviceOrderId, 'serviceOrder'],
      ['/tmf-api/resourceOrderingManagement/v4/resourceOrder', resourceOrderId, 'resourceOrder'],
      ['/tmf-api/workOrderManagement/v4/workOrder', workOrderId, 'workOrder'],
    ];
    for (const [path, id, resource] of orders) {
      const order = await get(app, `${path}/${id}`);
      const completed = report.events.find((e: Doc) => e.eventType.endsWith('StateChangeEvent') && e.event[resource]?.id === id && e.event[resource].state === 'completed');
      expect([resource, order.state, order.completionDate]).toEqual([resource, 'completed', completed.eventTime]);
      expect(completed.event[resource].completionDate).toBe(completed.eventTime);
      // TMF641, TMF652 and TMF697 date the start too: when the order first moved to inProgress.
      if (resource === 'productOrder') continue;
      const started = report.events.find((e: Doc) => e.eventType.endsWith('StateChangeEvent') && e.event[resource]?.id === id && e.event[resource].state === 'inProgress');
      expect([resource, order.startDate]).toEqual([resource, started.eventTime]);
    }
  });

  it('keeps the date an order first started when it goes back in progress after a hold', async () => {
    let tick = Date.parse('2026-11-26T10:00:00Z');
    const app = await build({ now: () => new Date((tick += 1000)) });
    const orders = '/tmf-api/serviceOrdering/v4/serviceOrder';
    const created = await app.inject({ method: 'POST', url: orders, ...json({ serviceOrderItem: [{ id: '1', action: 'add', service: { serviceSpecification: { id: 'x' } } }] }) });
    expect(created.statusCode, created.body).toBe(201);
    const moves = [];
    for (const state of ['inProgress', 'held', 'inProgress']) moves.push((await app.inject({ method: 'PATCH', url: `${orders}/${created.json().id}`, ...json({ state }) })).json());
    expect(moves.map((m) => [m.state, m.startDate])).toEqual([['inProgress', moves[0].startDate], ['held', moves[0].startDate], ['inProgress', moves[0].startDate]]);
    expect(Date.parse(moves[0].startDate)).toBeGreaterThan(Date.parse(created.json().orderDate));
  });

  it('gives a second customer at another address their own ids, resources and correlationId', async () => {
    const app = await demoApp();
    const jane = (await runJourney(app)).run;
    const lakeshore = (await runJourney(app, { customerId: 'cust-56792', offeringId: 'po-gpon-ftth-business' })).run;
    expect(lakeshore.status, lakeshore.error).toBe('completed');
    expect(lakeshore.context.productOrderId).toBe('po-ord-2026-00790');
    expect(lakeshore.context.serviceOrderId).toBe('so-2026-00790');
    expect(lakeshore.context.resourceOrderId).toBe('ro-2026-00322');
    expect(lakeshore.correlationId).not.toBe(jane.correlationId);
    const shared = Object.values(lakeshore.context.resources).filter((id) => Object.values(jane.context.resources).includes(id));
    expect(shared).toEqual([]);
    expect(lakeshore.context.resources.accessPort).toMatch(/^res-inst-olt2-/);
  });

  it('stops at the gate the network data fails, keeping the qualification answer that says why', async () => {
    const app = await demoApp();
    const report = await runJourney(app, { customerId: 'cust-56790' });
    expect(report.run).toMatchObject({ status: 'failed', error: expect.stringContaining('OLT capacity exhausted') });
    const sq = report.exchanges.at(-1);
    expect(sq).toMatchObject({ api: 'TMF645', status: 200, step: 'qualify-service' });
    expect(sq.response.serviceQualificationItem[0]).toMatchObject({
      qualificationResult: 'alternate',
      eligibilityUnavailabilityReason: [expect.objectContaining({ code: 'TECH-001', suggestedAction: expect.stringContaining('OLT-EAST-TOR-002') })],
    });
    expect(report.steps.map((s: Doc) => s.status)).toEqual(['done', 'done', 'done', 'failed']);
    expect(report.events.some((e: Doc) => e.eventType === 'ProductOrderCreateEvent')).toBe(false);
  });

  it('stops a second provision at a premises already in service at qualification (TECH-005), before any order', async () => {
    const app = await demoApp();
    const first = await runJourney(app, { customerId: 'cust-56789' });
    expect(first.run.status).toBe('completed');
    const report = await runJourney(app, { customerId: 'cust-56789' });
    expect(report.run).toMatchObject({ status: 'failed', error: expect.stringContaining('Premises already served') });
    const sq = report.exchanges.at(-1);
    expect(sq).toMatchObject({ api: 'TMF645', status: 200, step: 'qualify-service' });
    const [item] = sq.response.serviceQualificationItem;
    expect(item.qualificationResult).toBe('unqualified');
    expect(item.alternateServiceProposal).toBeUndefined();
    expect(item.eligibilityUnavailabilityReason).toEqual([{
      code: 'TECH-005',
      label: 'Premises already served',
      technicalReason: 'DROP-42-MAPLE-AVE (res-inst-drop-42-maple-ave) to addr-tor-42-maple-ave is active: the premises already has a line in service.',
      suggestedAction: 'Change the line in service at 42 Maple Ave, Toronto (a modify order) or cease it before ordering a new one',
    }]);
    expect(report.events.some((e: Doc) => e.eventType === 'ProductOrderCreateEvent')).toBe(false);

    // A TMF645 item naming the line in service asks about a change of it: its own drop does not count.
    const product = await get(app, `/tmf-api/productInventory/v4/product/${first.run.context.productId}`);
    const qualifyAtJane = (service: Doc) => app.inject({
      method: 'POST',
      url: '/tmf-api/serviceQualificationManagement/v4/checkServiceQualification',
      ...json({
        instantSyncQualification: true,
        serviceQualificationItem: [{
          id: '1',
          service: { ...service, place: [{ id: 'addr-tor-42-maple-ave', role: 'installationAddress' }], serviceCharacteristic: [{ name: 'accessTechnology', value: 'XGSPON' }] },
        }],
      }),
    });
    const change = await qualifyAtJane({ id: product.realizingService[0].id });
    expect(change.statusCode, change.body).toBe(200);
    expect(change.json().serviceQualificationItem[0].qualificationResult).toBe('qualified');
    expect((await qualifyAtJane({})).json().serviceQualificationItem[0].eligibilityUnavailabilityReason[0].code).toBe('TECH-005');
    const unknown = await qualifyAtJane({ id: 'svc-nobody' });
    expect([unknown.statusCode, unknown.json().message]).toEqual([400, 'serviceQualificationItem[0].service.id names service svc-nobody, which TMF638 does not hold']);
  });

  it('refuses to start for an unknown customer (404) and writes nothing', async () => {
    const app = await demoApp();
    const response = await app.inject({ method: 'POST', url: '/spine/v1/scenarios/gpon-ftth/runs', ...json({ customerId: 'cust-nobody' }) });
    expect(response.statusCode).toBe(404);
    expect(response.json()['@type']).toBe('Error');
    expect(await app.spine.ctx.store.listRuns({})).toEqual([]);
  });

  it('refuses to start for an offering that is not on sale, which the channel could not check out, and writes nothing (409)', async () => {
    const app = await demoApp();
    const { id: _id, href: _href, ...shipped } = await get(app, '/tmf-api/productCatalogManagement/v4/productOffering/po-gpon-ftth-001');
    const retired = await app.inject({ method: 'POST', url: '/tmf-api/productCatalogManagement/v4/productOffering', ...json({ ...shipped, id: 'po-retired', lifecycleStatus: 'Retired' }) });
    expect(retired.statusCode, retired.body).toBe(201);
    const response = await app.inject({ method: 'POST', url: '/spine/v1/scenarios/gpon-ftth/runs', ...json({ customerId: 'cust-56789', offeringId: 'po-retired' }) });
    expect([response.statusCode, response.json().message]).toEqual([409, 'offering po-retired is Retired: offerings are on sale when Launched or Active; the channel could not check it out']);
    expect(await app.spine.ctx.store.listRuns({})).toEqual([]);
  });

  it('refuses to start for an offering with no price, which the channel could not check out, and writes nothing', async () => {
    const app = await demoApp();
    const offering = await app.inject({ method: 'POST', url: '/tmf-api/productCatalogManagement/v4/productOffering', ...json({ name: 'Unpriced fibre', productSpecification: { id: 'ps-gpon-ftth-residential' } }) });
    expect(offering.statusCode, offering.body).toBe(201);
    const response = await app.inject({ method: 'POST', url: '/spine/v1/scenarios/gpon-ftth/runs', ...json({ customerId: 'cust-56789', offeringId: offering.json().id }) });
    expect([response.statusCode, response.json().message]).toEqual([400, `offering ${offering.json().id} has no productOfferingPrice: the channel has nothing to price the cart with`]);
    expect(await app.spine.ctx.store.listRuns({})).toEqual([]);
  });

  it('orders an offering a client created over TMF620 from the specification and price of po-gpon-ftth-001', async () => {
    const app = await demoApp();
    const original = await get(app, '/tmf-api/productCatalogManagement/v4/productOffering/po-gpon-ftth-001');
    const { href: _href, lastUpdate: _lastUpdate, ...copy } = original;
    const created = await app.inject({ method: 'POST', url: '/tmf-api/productCatalogManagement/v4/productOffering', ...json({ ...copy, id: 'po-copy', name: 'GPON FTTH 1Gbps, client copy' }) });
    expect(created.statusCode, created.body).toBe(201);
    const { run } = await runJourney(app, { offeringId: 'po-copy' });
    expect(run.status, run.error).toBe('completed');
    const order = await get(app, `/tmf-api/productOrderingManagement/v4/productOrder/${run.context.productOrderId}`);
    expect(order.productOrderItem[0].productOffering).toMatchObject({ id: 'po-copy', name: 'GPON FTTH 1Gbps, client copy' });
    const tree = await get(app, '/spine/v1/catalog/decomposition/po-copy');
    expect(tree.offering).toEqual({ id: 'po-copy', name: 'GPON FTTH 1Gbps, client copy', href: `${BASE_URL}/tmf-api/productCatalogManagement/v4/productOffering/po-copy`, marketSegment: ['residential'] });
    expect(tree.productSpecification.id).toBe(original.productSpecification.id);
  });

  it('refuses to start for an offering whose product specification has no decomposition rule, and writes nothing', async () => {
    const app = await demoApp();
    const created = await app.inject({
      method: 'POST',
      url: '/tmf-api/productCatalogManagement/v4/productOffering',
      ...json({ id: 'po-voice', name: 'Home voice', productSpecification: { id: 'ps-home-voice' }, productOfferingPrice: [{ id: 'pop-gpon-ftth-001-monthly' }] }),
    });
    expect(created.statusCode, created.body).toBe(201);
    const response = await app.inject({ method: 'POST', url: '/spine/v1/scenarios/gpon-ftth/runs?wait=true', ...json({ offeringId: 'po-voice' }) });
    expect([response.statusCode, response.json().message]).toEqual([
      400,
      'productOffering po-voice is over productSpecification ps-home-voice, which has no decomposition rule: Spine decomposes only ps-gpon-ftth-1g, ps-gpon-ftth-business-1g, ps-xgspon-ftth-2g, ps-vdsl2-100m',
    ]);
    expect(await app.spine.ctx.store.listRuns({})).toEqual([]);
    expect(await app.spine.ctx.store.listResources({ api: 'TMF622', resource: 'productOrder' })).toEqual([]);
  });

  it('lists its scenarios with their steps and actors', async () => {
    const app = await demoApp();
    const [gpon] = (await get(app, '/spine/v1/scenarios')) as unknown as Doc[];
    expect(gpon).toMatchObject({ name: 'gpon-ftth' });
    expect(gpon.steps.map((s: Doc) => s.actor)).toEqual(expect.arrayContaining(['channel', 'com', 'orchestrator', 'som', 'rom', 'workforce', 'activation']));
  });

  it('says which run parameters each scenario takes, and refuses any other with 400 before writing anything', async () => {
    const app = await demoApp();
    const scenarios = (await get(app, '/spine/v1/scenarios')) as unknown as Doc[];
    const parameters = Object.fromEntries(scenarios.map((s) => [s.name, s.parameters]));
    expect(parameters).toMatchObject({
      'gpon-ftth': ['customerId', 'addressId', 'offeringId'],
      'gpon-upgrade': ['customerId', 'productId', 'offeringId'],
      'gpon-cease': ['customerId', 'productId'],
      // The address is the scenario's own (the one whose port is full).
      'reject-tech-001': ['customerId', 'offeringId'],
      'reject-comm-003': ['addressId'],
      'service-follow-up': ['serviceOrderId'],
    });
    for (const [scenario, body, message] of [
      ['gpon-cease', { addressId: 'addr-tor-42-maple-ave' }, 'unknown run parameter addressId; use customerId, productId'],
      ['gpon-ftth', { productId: 'p-1', colour: 'red' }, 'unknown run parameter productId, colour; use customerId, addressId, offeringId'],
      ['reject-tech-001', { addressId: 'addr-tor-42-maple-ave' }, 'run parameter addressId is fixed by scenario reject-tech-001 ("addr-tor-15-birch-st"); use customerId, offeringId'],
      ['gpon-ftth', { customerId: ['cust-56789'] }, 'run parameter customerId must be an id (a non-empty string), not ["cust-56789"]'],
      ['gpon-ftth', { addressId: 123 }, 'run parameter addressId must be an id (a non-empty string), not 123'],
      ['gpon-ftth', { customerId: { id: 'cust-56789' } }, 'run parameter customerId must be an id (a non-empty string), not {"id":"cust-56789"}'],
      ['gpon-ftth', { addressId: null }, 'run parameter addressId must be an id (a non-empty string), not null'],
      ['gpon-cease', { productId: '' }, 'run parameter productId must be an id (a non-empty string), not ""'],
    ] as const) {
      const response = await app.inject({ method: 'POST', url: `/spine/v1/scenarios/${scenario}/runs`, ...json(body) });
      expect([response.statusCode, response.json().message]).toEqual([400, message]);
    }
    expect(await app.spine.ctx.store.listRuns({})).toEqual([]);
  });
});
