import { describe, expect, it } from 'vitest';
import { json } from './support/build.js';
import { capacity, demoApp, get, POOL, RESOURCE, type Doc } from './support/change-journeys.js';

// TMF685: a modify gives back some items of a reservation and keeps the rest.

const RESERVATION = '/tmf-api/resourcePoolManagement/v4/reservation';

describe('releasing single reservation items', () => {
  it('cancels only the items moved to cancelled, gives their capacity back, and refuses any other item change', async () => {
    const app = await demoApp();
    const created = await app.inject({
      method: 'POST',
      url: RESERVATION,
      ...json({
        relatedParty: [{ id: 'cust-56789', name: 'Jane Smith', role: 'customer', '@referredType': 'Customer' }],
        reservationItem: [
          { id: 'accessPort', quantity: 1, relatedEntity: [{ id: 'pool-olt-port-04-12', role: 'resourcePool', '@referredType': 'ResourcePool' }] },
          { id: 'drop', quantity: 1, relatedEntity: [{ id: 'res-inst-drop-42-maple-ave', role: 'resource', '@referredType': 'PhysicalResource' }] },
        ],
      }),
    });
    expect(created.statusCode, created.body).toBe(201);
    const reservation = created.json();
    const inUse = capacity(await get(app, `${POOL}/pool-olt-port-04-12`), 'inUse');

    const reshaped = await app.inject({
      method: 'PATCH',
      url: `${RESERVATION}/${reservation.id}`,
      ...json({ reservationItem: (reservation.reservationItem as Doc[]).map((item) => ({ ...item, quantity: 2 })) }),
    });
    expect(reshaped.statusCode).toBe(400);

    const patched = await app.inject({
      method: 'PATCH',
      url: `${RESERVATION}/${reservation.id}`,
      ...json({ reservationItem: (reservation.reservationItem as Doc[]).map((item) => (item.id === 'accessPort' ? { ...item, state: 'cancelled' } : item)) }),
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const after = patched.json();
    expect([after.state, ...(after.reservationItem as Doc[]).map((i) => `${i.id}:${i.state}`)]).toEqual(['completed', 'accessPort:cancelled', 'drop:completed']);
    expect(capacity(await get(app, `${POOL}/pool-olt-port-04-12`), 'inUse')).toBe(`${Number.parseInt(inUse) - 1} ONT`);
    expect((await get(app, `${RESOURCE}/res-inst-drop-42-maple-ave`)).resourceStatus).toBe('reserved');

    const rest = await app.inject({
      method: 'PATCH',
      url: `${RESERVATION}/${reservation.id}`,
      ...json({ reservationItem: (after.reservationItem as Doc[]).map((item) => ({ ...item, state: 'cancelled' })) }),
    });
    expect(rest.json().state).toBe('cancelled');
    expect((await get(app, `${RESOURCE}/res-inst-drop-42-maple-ave`)).resourceStatus).toBe('available');
  });
});
