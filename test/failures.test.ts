import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { resolveTmfPath } from '../src/orchestrator/tmf-caller.js';
import { loadDemoDataset } from '../src/scenarios/demo-dataset.js';
import { createSchemaValidator, describeIssues } from '../src/tmf/schemas.js';
import { build, json } from './support/build.js';
import { expectJourneyUnwound, undoneBeforeTheVisit } from './support/rollback.js';

// Failure journeys over HTTP: a fault armed (by the scenario or the fault API), the policy of the
// decision matrix applied, and nothing left half-done.

type Doc = Record<string, any>;

async function demoApp(): Promise<FastifyInstance> {
  const app = await build();
  await loadDemoDataset(app.spine.ctx);
  return app;
}

async function run(app: FastifyInstance, scenario: string, input: Doc = {}): Promise<Doc> {
  const response = await app.inject({ method: 'POST', url: `/spine/v1/scenarios/${scenario}/runs?wait=true`, ...json(input) });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function get(app: FastifyInstance, path: string): Promise<any> {
  return (await app.inject({ method: 'GET', url: path })).json();
}

const api = {
  po: (id: string) => `/tmf-api/productOrderingManagement/v4/productOrder/${id}`,
  so: (id: string) => `/tmf-api/serviceOrdering/v4/serviceOrder/${id}`,
  ro: (id: string) => `/tmf-api/resourceOrderingManagement/v4/resourceOrder/${id}`,
  resources: '/tmf-api/resourceInventoryManagement/v4/resource?limit=1000',
  reservations: '/tmf-api/resourcePoolManagement/v4/reservation?limit=1000',
};

/** What capacity looks like: every inventory resource's states and characteristics. */
async function inventory(app: FastifyInstance): Promise<Doc[]> {
  const list = (await get(app, api.resources)) as Doc[];
  return list
    .map((r) => ({
      id: r.id,
      usageState: r.usageState,
      resourceStatus: r.resourceStatus,
      administrativeState: r.administrativeState,
      operationalState: r.operationalState,
      // A PON port keeps an empty registeredOnts list once its last ONT is deregistered: the same count as none.
      characteristic: (r.resourceCharacteristic ?? []).filter((c: Doc) => !(Array.isArray(c.value) && c.value.length === 0)),
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * Every resource is as it was; pool members first taken by the run (materialised in TMF639 on first
 * use) are back in their pool: idle and available.
 */
async function expectCapacityRestored(app: FastifyInstance, before: Doc[]): Promise<void> {
  const after = await inventory(app);
  const known = new Set(before.map((r) => r.id));
  expect(after.filter((r) => known.has(r.id))).toEqual(before);
  for (const added of after.filter((r) => !known.has(r.id))) expect(added, added.id).toMatchObject({ usageState: 'idle', resourceStatus: 'available' });
}

/** Reservations still holding capacity. */
async function liveReservations(app: FastifyInstance): Promise<Doc[]> {
  return ((await get(app, api.reservations)) as Doc[]).filter((r) => r.state !== 'cancelled');
}

const validator = createSchemaValidator();

/** Every answer a run's successful calls got is valid against the official schema of its resource. */
function validPayloads(report: Doc): void {
  for (const exchange of report.exchanges.filter((x: Doc) => x.status < 300)) {
    const { target } = resolveTmfPath(exchange.path);
    for (const doc of Array.isArray(exchange.response) ? exchange.response : exchange.response ? [exchange.response] : []) {
      const issues = validator.validate(target.api.id, target.resource.entity, doc);
      expect(issues, `${exchange.method} ${exchange.path}: ${describeIssues(issues)}`).toEqual([]);
    }
  }
}

function sameCorrelation(report: Doc): void {
  expect(report.events.length).toBeGreaterThan(0);
  for (const event of report.events) expect(event.correlationId).toBe(report.run.correlationId);
}

describe('failure scenarios', () => {
  it('serves the policies and the decision matrix', async () => {
    const app = await build();
    const body = await get(app, '/spine/v1/policies');
    expect(body.policies.map((p: Doc) => p.id)).toEqual(['retry', 'compensate', 'hold', 'partial', 'reject']);
    expect(body.matrix.length).toBeGreaterThanOrEqual(5);
    for (const row of body.matrix) expect(row).toMatchObject({ scenario: expect.any(String), policy: expect.any(String), rationale: expect.any(String) });
    expect(body.pointOfNoReturn.step).toBe('activate-services');
  });

  it('lists each failure scenario with its card', async () => {
    const app = await build();
    const list = (await get(app, '/spine/v1/scenarios')) as Doc[];
    const names = list.map((s) => s.name);
    for (const name of ['activation-retry', 'activation-rollback', 'activation-after-ponr', 'reject-comm-003', 'reject-tech-001', 'reject-tech-002']) {
      expect(names).toContain(name);
      const card = list.find((s) => s.name === name)!.card;
      expect(card).toMatchObject({ divergence: expect.any(Array), apis: expect.any(Array), policy: expect.any(String), endStates: expect.any(Object) });
    }
  });

  it('recovers a BNG timeout ×2 by retrying the activation (retry)', async () => {
    const app = await demoApp();
    const report = await run(app, 'activation-retry');
    expect(report.run.status).toBe('completed');
    const step = report.steps.find((s: Doc) => s.step === 'activate-resources');
    expect(step).toMatchObject({ status: 'done', attempts: 3 });
    expect(report.exchanges.filter((e: Doc) => e.status === 504)).toHaveLength(2);
    expect((await get(app, api.po(report.run.context.productOrderId))).state).toBe('completed');
    // The point of no return is a milestone on the orders.
    expect((await get(app, api.po(report.run.context.productOrderId))).milestone).toEqual([expect.objectContaining({ name: 'pointOfNoReturn' })]);
    expect((await get(app, api.so(report.run.context.serviceOrderId))).milestone).toEqual([expect.objectContaining({ name: 'pointOfNoReturn' })]);
    expect((await get(app, '/spine/v1/faults')).armed).toEqual([]);
    sameCorrelation(report);
  });

  it('rolls an activation failure back before the point of no return (compensate)', async () => {
    const app = await demoApp();
    const before = await inventory(app);
    const report = await run(app, 'activation-rollback');
    expect(report.run.status).toBe('failed');
    expect(report.run.context.policy).toMatchObject({ policy: 'compensate', matrixRow: 'refused-before-ponr', step: 'complete-resource-order', error: { status: 422 } });
    expect(report.run.context.pointOfNoReturn).toBeUndefined();
    // Compensations run in reverse: the network configuration comes off before the reservation is released.
    expect(report.steps.filter((s: Doc) => s.step.startsWith('undo:')).map((s: Doc) => [s.step, s.status])).toEqual([
      ['undo:activate-resources', 'done'],
      ['undo:dispatch-technician', 'done'],
      ['undo:reserve-resources', 'done'],
      ['undo:design-services', 'done'],
      ['undo:create-product', 'done'],
      ['undo:book-appointment', 'done'],
    ]);
    const undoCalls = report.exchanges.filter((e: Doc) => e.step.startsWith('undo:') && e.method === 'PATCH').map((e: Doc) => `${e.step} ${e.api}`);
    // The visit took place (the work order and the appointment are completed): only the network, the reservation, the services and the product are undone.
    expect(undoCalls).toEqual([
      ...Array(5).fill('undo:activate-resources TMF702'),
      'undo:reserve-resources TMF685',
      ...Array(14).fill('undo:design-services TMF638'), // 7 services, each reserved → inactive → terminated
      'undo:create-product TMF637',
    ]);
    await expectJourneyUnwound(app, report.run.context, 'done');
    for (const id of Object.values(report.run.context.activations as Record<string, string>)) {
      expect((await get(app, `/tmf-api/ResourceActivationAndConfiguration/v4/resource/${id}`)).administrativeState).toBe('locked');
    }
    const { productOrderId, serviceOrderId, resourceOrderId, reservationId, resources } = report.run.context;
    const { accessPort: _shared, ...perSubscriber } = resources as Record<string, string>;
    expect((await get(app, api.po(productOrderId))).state).toBe('failed');
    const failedOrder = await get(app, api.so(serviceOrderId));
    expect(failedOrder.state).toBe('failed');
    expect(failedOrder.errorMessage).toEqual([expect.objectContaining({ reason: 'policy compensate (decision matrix row refused-before-ponr)', status: '422' })]);
    expect((await get(app, api.ro(resourceOrderId))).state).toBe('failed');
    expect((await get(app, `/tmf-api/resourcePoolManagement/v4/reservation/${reservationId}`)).state).toBe('cancelled');
    for (const id of Object.values(perSubscriber)) {
      expect((await get(app, `/tmf-api/resourceInventoryManagement/v4/resource/${id}`)).usageState, id).toBe('idle');
    }
    // Capacity counts are back where they were, and nothing holds capacity without a live order.
    await expectCapacityRestored(app, before);
    expect(await liveReservations(app)).toEqual([]);
    const states = report.events.filter((e: Doc) => e.eventType === 'ProductOrderStateChangeEvent').map((e: Doc) => e.event.productOrder.state);
    expect(states.at(-1)).toBe('failed');
    sameCorrelation(report);
  });

  it('releases what it holds on a resource conflict at reservation', async () => {
    const app = await demoApp();
    const before = await inventory(app);
    const report = await run(app, 'reservation-conflict');
    expect(report.run.status).toBe('failed');
    expect(report.run.context.policy).toMatchObject({ policy: 'compensate', matrixRow: 'conflict-at-reservation', error: { status: 409 } });
    expect((await get(app, api.po(report.run.context.productOrderId))).state).toBe('failed');
    // Nothing was dispatched yet; the services were only designed.
    expect(report.run.context.workOrderId).toBeUndefined();
    await expectJourneyUnwound(app, report.run.context, 'calledOff');
    await expectCapacityRestored(app, before);
    expect(await liveReservations(app)).toEqual([]);
  });

  it('holds an activation failure after the point of no return in fallout; retry completes it', async () => {
    const app = await demoApp();
    const report = await run(app, 'activation-after-ponr');
    expect(report.run.status).toBe('held');
    expect(report.run.context.policy).toMatchObject({ policy: 'hold', matrixRow: 'refused-after-ponr', step: 'activate-services' });
    const { productOrderId, serviceOrderId } = report.run.context;
    expect((await get(app, api.po(productOrderId))).state).toBe('held');
    const heldOrder = await get(app, api.so(serviceOrderId));
    expect(heldOrder.state).toBe('held');
    // Why it is held is on the order itself (TMF641 errorMessage), not only in Spine's fallout queue.
    expect(heldOrder.errorMessage).toEqual([expect.objectContaining({ code: 'SPN-422-NETWORK-REFUSED', status: '422', reason: 'policy hold (decision matrix row refused-after-ponr)' })]);
    const fallout = (await get(app, '/spine/v1/fallout')) as Doc[];
    const falloutId = report.run.context.fallout.id;
    expect(fallout).toEqual([
      expect.objectContaining({ id: falloutId, runId: report.run.id, status: 'open', step: 'activate-services', orders: [serviceOrderId, productOrderId], error: expect.objectContaining({ status: 422, code: 'SPN-422-NETWORK-REFUSED' }) }),
    ]);
    // The reservation stays: it belongs to a live (held) order.
    expect((await liveReservations(app)).map((r) => r.id)).toEqual([report.run.context.reservationId]);
    sameCorrelation(report);

    const retried = await app.inject({ method: 'POST', url: `/spine/v1/fallout/${falloutId}/retry` });
    expect(retried.statusCode, retried.body).toBe(200);
    await app.spine.runner.drain();
    expect((await get(app, `/spine/v1/runs/${report.run.id}`)).run.status).toBe('completed');
    expect((await get(app, api.po(productOrderId))).state).toBe('completed');
    // Resolved: a second action is refused.
    const again = await app.inject({ method: 'POST', url: `/spine/v1/fallout/${falloutId}/abort` });
    expect(again.statusCode).toBe(409);
  });

  it('completes what works and raises a follow-up order when an independent item fails after the point of no return (partial)', async () => {
    const app = await demoApp();
    const report = await run(app, 'partial-home-network');
    expect(report.run.status).toBe('partial');
    expect(report.run.context.policy).toMatchObject({ policy: 'partial', matrixRow: 'independent-item-after-ponr', step: 'activate-services', items: ['6', '7'] });
    const { productOrderId, serviceOrderId, serviceIds, followUp } = report.run.context;
    // The activation ran again without the home network: one refusal, then done.
    expect(report.exchanges.filter((e: Doc) => e.status === 422)).toHaveLength(1);
    expect(report.steps.find((s: Doc) => s.step === 'activate-services')).toMatchObject({ status: 'done' });
    const so = await get(app, api.so(serviceOrderId));
    expect(so.state).toBe('partial');
    expect(so.errorMessage).toEqual([expect.objectContaining({ status: '422', serviceOrderItem: [{ itemId: '6', serviceOrderId }, { itemId: '7', serviceOrderId }] })]);
    expect(Object.fromEntries(so.serviceOrderItem.map((i: Doc) => [i.id, i.state]))).toEqual({ 1: 'partial', 2: 'completed', 3: 'completed', 4: 'completed', 5: 'completed', 6: 'failed', 7: 'failed' });
    const service = (item: string) => get(app, `/tmf-api/serviceInventory/v4/service/${serviceIds[item]}`);
    const activated = (r: Doc) => r.exchanges.filter((e: Doc) => e.method === 'PATCH' && e.status === 200 && e.request?.state === 'active' && e.api === 'TMF638').map((e: Doc) => e.path.split('/').at(-1));
    expect(activated(report).sort()).toEqual(['1', '2', '3', '4', '5'].map((i) => serviceIds[i]).sort());

    // The follow-up order names what was left out; its own journey delivers it under the same correlationId.
    const followUpOrder = await get(app, api.so(followUp.serviceOrderId));
    expect(followUpOrder.orderRelationship).toEqual(expect.arrayContaining([expect.objectContaining({ id: serviceOrderId, relationshipType: 'followUpOf' }), expect.objectContaining({ id: productOrderId, '@referredType': 'ProductOrder' })]));
    expect(followUpOrder.serviceOrderItem.map((i: Doc) => [i.action, i.service.id])).toEqual([['modify', serviceIds['6']], ['modify', serviceIds['7']]]);
    await app.spine.runner.drain();
    const followUpReport = await get(app, `/spine/v1/runs/${followUp.runId}`);
    expect(followUpReport.run).toMatchObject({ scenario: 'service-follow-up', status: 'completed', correlationId: report.run.correlationId });
    sameCorrelation(followUpReport);
    validPayloads(report);
    validPayloads(followUpReport);
    expect(activated(followUpReport)).toEqual([serviceIds['7'], serviceIds['6']]);
    expect((await get(app, api.so(followUp.serviceOrderId))).state).toBe('completed');
    expect((await service('6')).state).toBe('active');
    expect((await service('7')).state).toBe('active');
    expect((await get(app, api.po(productOrderId))).state).toBe('completed');
    expect((await get(app, `/tmf-api/productInventory/v4/product/${report.run.context.productId}`)).status).toBe('active');
    // The golden thread goes on to the follow-up order.
    const trace = await get(app, `/spine/v1/trace/${followUp.serviceOrderId}`);
    expect(trace.chain.map((n: Doc) => n.role)).toContain('followUpServiceOrder');
    expect(trace.chain.find((n: Doc) => n.role === 'followUpServiceOrder')).toMatchObject({ id: followUp.serviceOrderId, state: 'completed' });
  });

  it('holds the follow-up order in fallout when its item fails again (nothing else left to deliver)', async () => {
    const app = await demoApp();
    const armed = await app.inject({ method: 'POST', url: '/spine/v1/faults', ...json({ fault: 'cpe-management-unreachable', times: 2 }) });
    expect(armed.statusCode, armed.body).toBe(201);
    const report = await run(app, 'gpon-ftth');
    expect(report.run.status).toBe('partial');
    await app.spine.runner.drain();
    const followUp = await get(app, `/spine/v1/runs/${report.run.context.followUp.runId}`);
    expect(followUp.run.status).toBe('held');
    expect(followUp.run.context.policy).toMatchObject({ policy: 'hold', matrixRow: 'refused-after-ponr' });
    expect((await get(app, api.so(report.run.context.followUp.serviceOrderId))).state).toBe('held');
    expect((await get(app, api.po(report.run.context.productOrderId))).state).toBe('held');
    const retried = await app.inject({ method: 'POST', url: `/spine/v1/fallout/${followUp.run.context.fallout.id}/retry` });
    expect(retried.statusCode, retried.body).toBe(200);
    await app.spine.runner.drain();
    expect((await get(app, api.po(report.run.context.productOrderId))).state).toBe('completed');
  });

  it('refuses to start a follow-up journey for an order that is not a follow-up, and changes nothing', async () => {
    const app = await demoApp();
    const report = await run(app, 'gpon-ftth');
    const before = (await get(app, '/spine/v1/runs')).length;
    for (const [input, status] of [[{}, 400], [{ serviceOrderId: 'so-nope' }, 404], [{ serviceOrderId: report.run.context.serviceOrderId }, 400], [{ serviceOrderId: 1, extra: true }, 400]] as const) {
      const response = await app.inject({ method: 'POST', url: '/spine/v1/scenarios/service-follow-up/runs', ...json(input) });
      expect(response.statusCode, response.body).toBe(status);
      expect(response.json()).toMatchObject({ code: expect.any(String), reason: expect.any(String) });
    }
    expect((await get(app, '/spine/v1/runs')).length).toBe(before);
  });

  it('aborting a fallout before the point of no return rolls the journey back, and the premises can be ordered again', async () => {
    const app = await demoApp();
    const before = await inventory(app);
    const held = await run(app, 'appointment-missed');
    expect(held.run.status).toBe('held');
    expect(held.run.context.pointOfNoReturn).toBeUndefined();
    expect((await get(app, `/spine/v1/fallout/${held.run.context.fallout.id}`)).actions).toEqual(['retry', 'resume', 'abort']);
    const aborted = await app.inject({ method: 'POST', url: `/spine/v1/fallout/${held.run.context.fallout.id}/abort` });
    expect(aborted.statusCode, aborted.body).toBe(200);
    expect(aborted.json()).toMatchObject({ status: 'aborted', runStatus: 'running', resolution: { action: 'abort' } });
    await app.spine.runner.drain();

    const report = await get(app, `/spine/v1/runs/${held.run.id}`);
    expect(report.run).toMatchObject({ status: 'failed', error: expect.stringMatching(/^rolled back: aborted by an operator: /) });
    expect(report.run.context.policy).toMatchObject({ policy: 'compensate', matrixRow: 'abort-before-ponr', step: 'abort' });
    expect(report.steps.filter((s: Doc) => s.step.startsWith('undo:')).map((s: Doc) => [s.step, s.status])).toEqual(undoneBeforeTheVisit);
    await expectJourneyUnwound(app, report.run.context, 'calledOff');
    const { productOrderId, serviceOrderId, resourceOrderId, reservationId } = report.run.context;
    for (const path of [api.po(productOrderId), api.so(serviceOrderId), api.ro(resourceOrderId)]) expect((await get(app, path)).state, path).toBe('failed');
    expect((await get(app, `/tmf-api/resourcePoolManagement/v4/reservation/${reservationId}`)).state).toBe('cancelled');
    await expectCapacityRestored(app, before);
    expect(await liveReservations(app)).toEqual([]);
    sameCorrelation(report);

    const again = await run(app, 'gpon-ftth', { customerId: held.run.context.customerId });
    expect(again.run.status, again.run.error).toBe('completed');
    expect(again.run.context.addressId).toBe(held.run.context.addressId);
  });

  it('refuses to abort a fallout after the point of no return (409), changing nothing: retry and resume remain', async () => {
    const app = await demoApp();
    const held = await run(app, 'activation-after-ponr');
    const falloutId = held.run.context.fallout.id;
    expect((await get(app, `/spine/v1/fallout/${falloutId}`)).actions).toEqual(['retry', 'resume']);
    const refused = await app.inject({ method: 'POST', url: `/spine/v1/fallout/${falloutId}/abort` });
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json()).toMatchObject({ '@type': 'Error', code: 'SPN-409-ILLEGAL-TRANSITION', message: expect.stringContaining('point of no return') });
    expect((await get(app, `/spine/v1/fallout/${falloutId}`)).status).toBe('open');
    expect((await get(app, api.po(held.run.context.productOrderId))).state).toBe('held');
    expect((await get(app, `/spine/v1/runs/${held.run.id}`)).run.status).toBe('held');
    expect((await app.inject({ method: 'POST', url: `/spine/v1/fallout/${falloutId}/retry` })).statusCode).toBe(200);
    await app.spine.runner.drain();
    expect((await get(app, `/spine/v1/runs/${held.run.id}`)).run.status).toBe('completed');
  });

  it('rejects a second line at a premises already served with TECH-005 (reject-tech-005), and refuses it with 409 while no demo customer has a line', async () => {
    const app = await demoApp();
    const early = await app.inject({ method: 'POST', url: '/spine/v1/scenarios/reject-tech-005/runs', ...json({}) });
    expect([early.statusCode, early.json().message]).toEqual([409, 'none of the demo customers cust-56789, cust-56794, cust-56795, cust-56796 has a line in service; run gpon-ftth first']);
    expect((await run(app, 'gpon-ftth')).run.status).toBe('completed');
    const before = await inventory(app);
    const report = await run(app, 'reject-tech-005');
    expect(report.run).toMatchObject({ status: 'failed', context: { customerId: 'cust-56789', addressId: 'addr-tor-42-maple-ave', policy: { policy: 'reject' } } });
    expect(report.exchanges.at(-1)).toMatchObject({ api: 'TMF645', step: 'qualify-service' });
    expect(report.exchanges.at(-1).response.serviceQualificationItem[0]).toMatchObject({ qualificationResult: 'unqualified', eligibilityUnavailabilityReason: [{ code: 'TECH-005' }] });
    const card = ((await get(app, '/spine/v1/scenarios')) as Doc[]).find((s) => s.name === 'reject-tech-005')!.card;
    expect(card).toMatchObject({ rejectionCode: 'TECH-005', endStates: { qualification: 'unqualified', productOrder: 'none' } });
    expect(report.run.context.productOrderId).toBeUndefined();
    await expectCapacityRestored(app, before);
  });

  for (const [scenario, code] of [['reject-comm-003', 'COMM-003'], ['reject-tech-001', 'TECH-001'], ['reject-tech-002', 'TECH-002']] as const) {
    it(`rejects early with ${code} (${scenario})`, async () => {
      const app = await demoApp();
      const before = await inventory(app);
      const report = await run(app, scenario);
      expect(report.run.status).toBe('failed');
      expect(report.run.context.policy).toMatchObject({ policy: 'reject' });
      expect(JSON.stringify(report.exchanges)).toContain(code);
      // The card tells what the run really answered: alternate with a proposal, unqualified without.
      const card = ((await get(app, '/spine/v1/scenarios')) as Doc[]).find((s) => s.name === scenario)!.card;
      const answered = JSON.stringify(report.exchanges.at(-1).response).match(/"qualification(?:Item)?Result":"(\w+)"/)?.[1];
      expect(card).toMatchObject({ rejectionCode: code, endStates: { qualification: answered } });
      // The run's error says it in words: "address addr-…: not qualified (alternate proposed): <reason> (<code>)…".
      const verdict = answered === 'alternate' ? 'not qualified (alternate proposed)' : 'not qualified';
      expect(report.run.error).toMatch(new RegExp(`^(offering|address) \\S+: ${verdict.replace(/[()]/g, '\\$&')}: .+ \\(${code}\\)`));
      expect(report.run.context.productOrderId).toBeUndefined();
      await expectCapacityRestored(app, before);
      expect(await liveReservations(app)).toEqual([]);
    });
  }
});
