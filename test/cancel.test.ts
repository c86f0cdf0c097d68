import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { loadDemoDataset } from '../src/scenarios/demo-dataset.js';
import { build, json } from './support/build.js';
import { expectJourneyUnwound, undoneBeforeTheVisit } from './support/rollback.js';

// TMF622 cancelProductOrder: accepted before the point of no return (rollback, orders cancelled),
// denied after it (TMF error, order untouched).

type Doc = Record<string, any>;

async function demoApp(): Promise<FastifyInstance> {
  const app = await build();
  await loadDemoDataset(app.spine.ctx);
  return app;
}

async function run(app: FastifyInstance, scenario: string): Promise<Doc> {
  const response = await app.inject({ method: 'POST', url: `/spine/v1/scenarios/${scenario}/runs?wait=true`, ...json({}) });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

const get = async (app: FastifyInstance, url: string) => (await app.inject({ method: 'GET', url })).json();
const PO = '/tmf-api/productOrderingManagement/v4/productOrder';
const CANCEL = '/tmf-api/productOrderingManagement/v4/cancelProductOrder';

describe('cancellation', () => {
  it('before the point of no return: the order is cancelled through assessing and pending, everything released', async () => {
    const app = await demoApp();
    const report = await run(app, 'cancel-before-ponr');
    expect(report.run.status).toBe('cancelled');
    expect(report.run.context.policy).toMatchObject({ policy: 'compensate', matrixRow: 'cancel-before-ponr' });
    const { productOrderId, serviceOrderId, resourceOrderId, reservationId, cancelProductOrderId } = report.run.context;
    expect((await get(app, `${PO}/${productOrderId}`)).state).toBe('cancelled');
    expect((await get(app, `/tmf-api/serviceOrdering/v4/serviceOrder/${serviceOrderId}`)).state).toBe('cancelled');
    expect((await get(app, `/tmf-api/resourceOrderingManagement/v4/resourceOrder/${resourceOrderId}`)).state).toBe('cancelled');
    expect((await get(app, `/tmf-api/resourcePoolManagement/v4/reservation/${reservationId}`)).state).toBe('cancelled');
    expect((await get(app, `${CANCEL}/${cancelProductOrderId}`)).state).toBe('done');
    // Dated when they were cancelled (TMF622 and TMF641 define cancellationDate; TMF652 does not).
    for (const [path, id] of [[PO, productOrderId], ['/tmf-api/serviceOrdering/v4/serviceOrder', serviceOrderId]]) {
      const order = await get(app, `${path}/${id}`);
      const cancelled = report.events.find((e: Doc) => e.eventType.endsWith('StateChangeEvent') && Object.values(e.event as Doc)[0].id === id && Object.values(e.event as Doc)[0].state === 'cancelled');
      expect(order.cancellationDate).toBe(cancelled.eventTime);
    }
    const states = report.events
      .filter((e: Doc) => e.eventType === 'ProductOrderStateChangeEvent')
      .map((e: Doc) => e.event.productOrder.state);
    expect(states.slice(-3)).toEqual(['assessingCancellation', 'pendingCancellation', 'cancelled']);
    for (const event of report.events) expect(event.correlationId).toBe(report.run.correlationId);
    // The steps after the cancellation never ran.
    expect(report.steps.map((s: Doc) => s.step)).not.toContain('complete-field-work');
    expect(report.steps.filter((s: Doc) => s.step.startsWith('undo:') || s.step === 'cancel').map((s: Doc) => [s.step, s.status])).toEqual([['cancel', 'done'], ...undoneBeforeTheVisit]);
    await expectJourneyUnwound(app, report.run.context, 'calledOff');
    const live = ((await get(app, '/tmf-api/resourcePoolManagement/v4/reservation?limit=1000')) as Doc[]).filter((r) => r.state !== 'cancelled');
    expect(live).toEqual([]);
  });

  it('after the point of no return: denied with a TMF error, the order untouched, delivery completes', async () => {
    const app = await demoApp();
    const report = await run(app, 'cancel-after-ponr');
    expect(report.run.status).toBe('completed');
    expect(report.run.context.cancellationDenied).toContain('point of no return');
    const denied = report.exchanges.find((e: Doc) => e.path === CANCEL);
    expect(denied).toMatchObject({ status: 409, response: { '@type': 'Error', code: 'SPN-409-ILLEGAL-TRANSITION' } });
    expect((await get(app, `${PO}/${report.run.context.productOrderId}`)).state).toBe('completed');
    expect(await get(app, CANCEL)).toEqual([]);
    const states = report.events.filter((e: Doc) => e.eventType === 'ProductOrderStateChangeEvent').map((e: Doc) => e.event.productOrder.state);
    expect(states).not.toContain('assessingCancellation');
  });

  it('a journey held before the point of no return can be cancelled: the fallout entry is resolved, everything released', async () => {
    const app = await demoApp();
    const held = await run(app, 'appointment-missed');
    expect(held.run.status).toBe('held');
    const { productOrderId, reservationId } = held.run.context;
    const cancel = await app.inject({ method: 'POST', url: CANCEL, ...json({ productOrder: { id: productOrderId } }) });
    expect(cancel.statusCode, cancel.body).toBe(201);
    expect(cancel.json().state).toBe('inProgress');
    await app.spine.runner.drain();
    const report = await get(app, `/spine/v1/runs/${held.run.id}`);
    expect(report.run.status, JSON.stringify(report.steps.slice(-3))).toBe('cancelled');
    expect((await get(app, `${PO}/${productOrderId}`)).state).toBe('cancelled');
    expect((await get(app, `${CANCEL}/${cancel.json().id}`)).state).toBe('done');
    expect((await get(app, `/tmf-api/resourcePoolManagement/v4/reservation/${reservationId}`)).state).toBe('cancelled');
    expect(await get(app, '/spine/v1/fallout?status=open')).toEqual([]);
    expect((await get(app, `/spine/v1/fallout/${held.run.context.fallout.id}`)).resolution).toMatchObject({ action: 'cancelled' });
  });

  it('refuses a cancellation of an unknown or finished order, creating nothing', async () => {
    const app = await demoApp();
    const unknown = await app.inject({ method: 'POST', url: CANCEL, ...json({ productOrder: { id: 'po-nope' } }) });
    expect(unknown.statusCode).toBe(404);
    const done = await run(app, 'gpon-ftth');
    const finished = await app.inject({ method: 'POST', url: CANCEL, ...json({ productOrder: { id: done.run.context.productOrderId } }) });
    expect(finished.statusCode).toBe(409);
    expect(finished.json()['@type']).toBe('Error');
    expect((await get(app, `${PO}/${done.run.context.productOrderId}`)).state).toBe('completed');
    expect(await get(app, CANCEL)).toEqual([]);
  });
});

describe('cancelling a service, resource or work order (TMF641, TMF652, TMF697)', () => {
  const orders = [
    { base: '/tmf-api/serviceOrdering/v4', order: 'serviceOrder', task: 'cancelServiceOrder', items: 'serviceOrderItem', body: { serviceOrderItem: [{ id: '1', action: 'add', service: { serviceType: 'CFS' } }] }, contextKey: 'serviceOrderId' },
    { base: '/tmf-api/resourceOrderingManagement/v4', order: 'resourceOrder', task: 'cancelResourceOrder', items: 'orderItem', body: { orderItem: [{ id: '1', action: 'add' }] }, contextKey: 'resourceOrderId' },
    { base: '/tmf-api/workOrderManagement/v4', order: 'workOrder', task: 'cancelWorkOrder', items: 'workOrderItem', body: { workOrderItem: [{ id: '1', action: 'add' }] }, contextKey: 'workOrderId' },
  ] as const;

  for (const { base, order, task, items, body } of orders) {
    it(`${task} cancels a ${order} still in delivery, items with it, and the task is done`, async () => {
      const app = await build();
      const created = await app.inject({ method: 'POST', url: `${base}/${order}`, ...json(body) });
      expect(created.statusCode, created.body).toBe(201);
      const id = created.json().id;
      const cancel = await app.inject({ method: 'POST', url: `${base}/${task}`, ...json({ [order]: { id }, cancellationReason: 'customer changed their mind' }) });
      expect(cancel.statusCode, cancel.body).toBe(201);
      expect(cancel.json()).toMatchObject({ state: 'done', effectiveCancellationDate: expect.any(String) });
      const cancelled = await get(app, `${base}/${order}/${id}`);
      expect([cancelled.state, ...cancelled[items].map((item: Doc) => item.state)]).toEqual(['cancelled', 'cancelled']);
      const states = (await app.spine.ctx.store.listEvents({})).filter((e) => String(e.envelope.eventType).endsWith('OrderStateChangeEvent')).map((e) => (e.envelope.event as Doc)[order].state);
      expect(states).toEqual(['assessingCancellation', 'pendingCancellation', 'cancelled']);
    });
  }

  it('refuses an unknown order (404), a finished one (409) and one a journey delivers (409, naming the product order), creating nothing', async () => {
    const app = await demoApp();
    const held = await run(app, 'appointment-missed');
    const done = await run(app, 'gpon-ftth');
    for (const { base, order, task, contextKey } of orders) {
      const post = (id: string) => app.inject({ method: 'POST', url: `${base}/${task}`, ...json({ [order]: { id } }) });
      expect((await post('nope')).statusCode).toBe(404);
      const finished = await post(done.run.context[contextKey]);
      expect([finished.statusCode, finished.json().message]).toEqual([409, expect.stringContaining('only an order still in delivery can be cancelled')]);
      const delivered = await post(held.run.context[contextKey]);
      expect([delivered.statusCode, delivered.json().message]).toEqual([409, expect.stringContaining(`product order ${held.run.context.productOrderId}`)]);
      expect(await get(app, `${base}/${task}`)).toEqual([]);
    }
    expect((await get(app, `/spine/v1/runs/${held.run.id}`)).run.status).toBe('held');
  });
});
