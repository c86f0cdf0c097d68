import { describe, expect, it } from 'vitest';
import { json } from './support/build.js';
import { demoApp, get, report, runScenario, until, type Doc } from './support/change-journeys.js';

// The upgrade with an ONT swap by a technician: held until the field app completes the work order.

const WORK_ORDER = '/tmf-api/workOrderManagement/v4/workOrder';

describe('gpon-held-field-visit', () => {
  it('stays held until the work order is completed over TMF697, then completes', async () => {
    const app = await demoApp();
    const provision = await runScenario(app, 'gpon-ftth');
    expect(provision.run.status).toBe('completed');

    const held = await runScenario(app, 'gpon-held-field-visit');
    expect(held.run.status, held.run.error).toBe('held');
    expect(held.run.error).toMatch(/work order .* waiting for the technician/);
    const { productOrderId, workOrderId, appointmentId } = held.run.context;
    const orderPath = `/tmf-api/productOrderingManagement/v4/productOrder/${productOrderId}`;
    expect((await get(app, orderPath)).state).toBe('held');
    const workOrder = await get(app, `${WORK_ORDER}/${workOrderId}`);
    expect(workOrder.appointment.id).toBe(appointmentId);
    expect((await get(app, `/tmf-api/appointment/v4/appointment/${appointmentId}`)).status).toBe('confirmed');

    // Time passes; nothing moves while the technician has not closed the work order.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect((await report(app, held.run.id)).run.status).toBe('held');
    expect((await get(app, orderPath)).state).toBe('held');

    // One change at a time: the product cannot be ceased while the upgrade is held.
    const cease = await app.inject({ method: 'POST', url: '/spine/v1/scenarios/gpon-cease/runs', ...json({}) });
    expect([cease.statusCode, cease.json().message]).toEqual([409, expect.stringContaining(`has order ${productOrderId} held`)]);

    // The field app closes the work order through the TMF697 API.
    for (const state of ['inProgress', 'completed']) {
      const current = await get(app, `${WORK_ORDER}/${workOrderId}`);
      const patch = await app.inject({
        method: 'PATCH',
        url: `${WORK_ORDER}/${workOrderId}`,
        ...json({ state, workOrderItem: (current.workOrderItem as Doc[]).map((item) => ({ ...item, state })) }),
      });
      expect(patch.statusCode, patch.body).toBe(200);
    }

    await until(async () => ['completed', 'failed'].includes((await report(app, held.run.id)).run.status));
    const done = await report(app, held.run.id);
    expect(done.run.status, done.run.error).toBe('completed');
    expect((await get(app, orderPath)).state).toBe('completed');
    expect((await get(app, `/tmf-api/appointment/v4/appointment/${appointmentId}`)).status).toBe('completed');

    // The order's path: acknowledged → inProgress → held → inProgress → completed.
    const orderStates = (done.events as Doc[])
      .filter((e) => e.eventType === 'ProductOrderStateChangeEvent')
      .map((e) => e.event?.productOrder?.state);
    expect(orderStates).toEqual(['inProgress', 'held', 'inProgress', 'completed']);
    expect(new Set((done.events as Doc[]).map((e) => e.correlationId))).toEqual(new Set([done.run.correlationId]));
  });

  // A cancellation of the held upgrade cancelled the appointment only: the added XGS-PON port and ONT stayed reserved and the work order open.
  it('a cancellation of the held upgrade gives back what it reserved and calls off the visit', async () => {
    const app = await demoApp();
    expect((await runScenario(app, 'gpon-ftth')).run.status).toBe('completed');
    const held = await runScenario(app, 'gpon-held-field-visit');
    expect(held.run.status, held.run.error).toBe('held');
    const { productOrderId, workOrderId, appointmentId, addedReservationId, addedResources } = held.run.context;
    const cancel = await app.inject({ method: 'POST', url: '/tmf-api/productOrderingManagement/v4/cancelProductOrder', ...json({ productOrder: { id: productOrderId } }) });
    expect(cancel.statusCode, cancel.body).toBe(201);
    await until(async () => (await report(app, held.run.id)).run.status === 'cancelled');
    expect((await get(app, `/tmf-api/resourcePoolManagement/v4/reservation/${addedReservationId}`)).state).toBe('cancelled');
    // The new ONT is back in stock; the XGS-PON port, which other homes use, is not asked to go idle.
    expect((await get(app, `/tmf-api/resourceInventoryManagement/v4/resource/${addedResources.cpe}`)).usageState).toBe('idle');
    expect((await get(app, `${WORK_ORDER}/${workOrderId}`)).state).toBe('cancelled');
    expect((await get(app, `/tmf-api/appointment/v4/appointment/${appointmentId}`)).status).toBe('cancelled');
    expect((await get(app, `/tmf-api/productInventory/v4/product/${held.run.context.productId}`)).status).toBe('active');
  });
  // A work order the field rejected left the change held for ever, with nothing in the fallout queue.
  it('rolls the held upgrade back when its work order ends without the work, giving back what it reserved', async () => {
    const app = await demoApp();
    expect((await runScenario(app, 'gpon-ftth')).run.status).toBe('completed');
    const held = await runScenario(app, 'gpon-held-field-visit');
    const { workOrderId, appointmentId, addedReservationId, productId } = held.run.context;
    const rejected = await app.inject({ method: 'PATCH', url: `${WORK_ORDER}/${workOrderId}`, ...json({ state: 'rejected' }) });
    expect(rejected.statusCode, rejected.body).toBe(200);
    await until(async () => (await report(app, held.run.id)).run.status === 'failed');
    const done = await report(app, held.run.id);
    expect(done.run.context.policy).toMatchObject({ policy: 'compensate', matrixRow: 'field-work-abandoned' });
    expect(done.run.error).toContain(`work order ${workOrderId} is rejected`);
    expect((await get(app, `/tmf-api/resourcePoolManagement/v4/reservation/${addedReservationId}`)).state).toBe('cancelled');
    expect((await get(app, `/tmf-api/appointment/v4/appointment/${appointmentId}`)).status).toBe('cancelled');
    expect((await get(app, `/tmf-api/productOrderingManagement/v4/productOrder/${held.run.context.productOrderId}`)).state).toBe('failed');
    expect((await get(app, `/tmf-api/productInventory/v4/product/${productId}`)).status).toBe('active');
  });
});

describe('a change past its point of no return', () => {
  // An upgrade whose new ONT failed to range after the old line was released said "rolled back" and undid nothing.
  it('is held in fallout, not rolled back, once the current line is released; a retry completes it', async () => {
    const app = await demoApp();
    expect((await runScenario(app, 'gpon-ftth')).run.status).toBe('completed');
    const armed = await app.inject({ method: 'POST', url: '/spine/v1/faults', ...json({ fault: 'ont-ranging', times: 1 }) });
    expect(armed.statusCode, armed.body).toBe(201);
    const upgrade = await runScenario(app, 'gpon-upgrade');
    expect(upgrade.run).toMatchObject({ status: 'held', context: { pointOfNoReturn: { step: 'release-resources' }, policy: { policy: 'hold', matrixRow: 'refused-after-ponr', step: 'activate-changed-resources' } } });
    expect(upgrade.steps.filter((s: Doc) => s.step.startsWith('undo:'))).toEqual([]);
    const order = await get(app, `/tmf-api/productOrderingManagement/v4/productOrder/${upgrade.run.context.productOrderId}`);
    expect(order.state).toBe('held');
    expect(order.milestone).toEqual([expect.objectContaining({ name: 'pointOfNoReturn', description: expect.stringContaining('Releasing them takes the line') })]);
    const falloutId = upgrade.run.context.fallout.id;
    expect((await app.inject({ method: 'POST', url: `/spine/v1/fallout/${falloutId}/abort` })).statusCode).toBe(409);
    expect((await app.inject({ method: 'POST', url: `/spine/v1/fallout/${falloutId}/retry` })).statusCode).toBe(200);
    await until(async () => (await report(app, upgrade.run.id)).run.status !== 'running');
    expect((await report(app, upgrade.run.id)).run.status).toBe('completed');
  });
});
