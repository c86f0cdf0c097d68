import { describe, expect, it } from 'vitest';
import { json } from './support/build.js';
import { demoApp, get, report, runScenario, until, type Doc } from './support/change-journeys.js';

// When the customer must choose the visit slot the order is pending (TMF622: waiting on the requester)
// with an InformationRequired event, not held.

const WORK_ORDER = '/tmf-api/workOrderManagement/v4/workOrder';
const APPOINTMENT = '/tmf-api/appointment/v4/appointment';

describe('gpon-pending-slot', () => {
  it('waits pending for the customer to choose a slot, then held for the technician, then completes', async () => {
    const app = await demoApp();
    expect((await runScenario(app, 'gpon-ftth')).run.status).toBe('completed');

    const waiting = await runScenario(app, 'gpon-pending-slot');
    expect(waiting.run.status).toBe('held');
    expect(waiting.run.error).toMatch(/waiting for the customer to choose a visit slot/);
    const { productOrderId } = waiting.run.context;
    const orderPath = `/tmf-api/productOrderingManagement/v4/productOrder/${productOrderId}`;
    expect((await get(app, orderPath)).state).toBe('pending');
    const asked = (waiting.events as Doc[]).find((e) => e.eventType === 'ProductOrderInformationRequiredEvent');
    expect(asked).toMatchObject({ correlationId: waiting.run.correlationId, title: 'Choose a visit slot' });

    // The customer books one of the offered slots and names it on the order.
    const search = await get(app, `/tmf-api/appointment/v4/searchTimeSlot/${waiting.run.context.slotSearchId}`);
    const slot = search.availableTimeSlot[1];
    const booked = await app.inject({
      method: 'POST',
      url: APPOINTMENT,
      ...json({ category: 'installation', description: 'ONT swap', validFor: slot.validFor, relatedPlace: { id: 'addr-tor-42-maple-ave', role: 'installationAddress', '@referredType': 'GeographicAddress' } }),
    });
    expect(booked.statusCode, booked.body).toBe(201);
    const order = await get(app, orderPath);
    const chosen = await app.inject({
      method: 'PATCH',
      url: orderPath,
      ...json({ productOrderItem: (order.productOrderItem as Doc[]).map((item) => ({ ...item, appointment: { id: booked.json().id, '@referredType': 'Appointment' } })) }),
    });
    expect(chosen.statusCode, chosen.body).toBe(200);

    // Now the provider waits: the order held, the run held on the work order.
    await until(async () => (await report(app, waiting.run.id)).run.error?.includes('work order') ?? false);
    const held = await report(app, waiting.run.id);
    expect(held.run.status).toBe('held');
    expect((await get(app, orderPath)).state).toBe('held');
    const workOrderId = held.run.context.workOrderId;
    expect((await get(app, `${WORK_ORDER}/${workOrderId}`)).appointment.id).toBe(booked.json().id);

    for (const state of ['inProgress', 'completed']) {
      const current = await get(app, `${WORK_ORDER}/${workOrderId}`);
      const patch = await app.inject({ method: 'PATCH', url: `${WORK_ORDER}/${workOrderId}`, ...json({ state, workOrderItem: (current.workOrderItem as Doc[]).map((item) => ({ ...item, state })) }) });
      expect(patch.statusCode, patch.body).toBe(200);
    }
    await until(async () => ['completed', 'failed'].includes((await report(app, waiting.run.id)).run.status));
    const done = await report(app, waiting.run.id);
    expect(done.run.status, done.run.error).toBe('completed');
    const states = (done.events as Doc[]).filter((e) => e.eventType === 'ProductOrderStateChangeEvent').map((e) => e.event?.productOrder?.state);
    expect(states).toEqual(['pending', 'inProgress', 'held', 'inProgress', 'completed']);
  });

  // A mistyped appointment id was taken and failed the whole order; another home's appointment was adopted.
  it('keeps waiting, saying why, while the appointment named on the order does not exist or is at another premises', async () => {
    const app = await demoApp();
    expect((await runScenario(app, 'gpon-ftth')).run.status).toBe('completed');
    const waiting = await runScenario(app, 'gpon-pending-slot');
    const orderPath = `/tmf-api/productOrderingManagement/v4/productOrder/${waiting.run.context.productOrderId}`;
    const search = await get(app, `/tmf-api/appointment/v4/searchTimeSlot/${waiting.run.context.slotSearchId}`);
    const elsewhere = await app.inject({
      method: 'POST',
      url: APPOINTMENT,
      ...json({ category: 'installation', validFor: search.availableTimeSlot[0].validFor, relatedPlace: { id: 'addr-tor-21-birch-st', role: 'installationAddress', '@referredType': 'GeographicAddress' } }),
    });
    for (const [appointmentId, why] of [['appt-typo', 'does not exist'], [elsewhere.json().id, 'is not at addr-tor-42-maple-ave']]) {
      const order = await get(app, orderPath);
      const named = await app.inject({ method: 'PATCH', url: orderPath, ...json({ productOrderItem: (order.productOrderItem as Doc[]).map((item) => ({ ...item, appointment: { id: appointmentId } })) }) });
      expect(named.statusCode, named.body).toBe(200);
      await until(async () => (await report(app, waiting.run.id)).run.error?.includes(why) ?? false);
      expect((await report(app, waiting.run.id)).run.status).toBe('held');
      expect((await get(app, orderPath)).state).toBe('pending');
    }
    expect((await get(app, `${APPOINTMENT}/${elsewhere.json().id}`)).status).toBe('initialized');
  });

  // The flow once left out the TMF645 check every upgrade makes: it ordered for 21 Birch St, asked for a slot, and failed after the booking.
  it('qualifies first: at 21 Birch St, which no XGS-PON port reaches, it stops before any order or slot', async () => {
    const app = await demoApp();
    expect((await runScenario(app, 'gpon-ftth', { customerId: 'cust-56796' })).run.status).toBe('completed');
    const refused = await runScenario(app, 'gpon-pending-slot', { customerId: 'cust-56796' });
    expect(refused.run).toMatchObject({ status: 'failed', error: expect.stringContaining('TECH-003') });
    expect(refused.exchanges.map((e: Doc) => `${e.api} ${e.method} ${e.status}`)).toEqual(['TMF679 POST 200', 'TMF645 POST 200']);
  });
});
