import { describe, expect, it } from 'vitest';
import { build } from './support/build.js';

// Idempotency-Key: a retried write replays its first response and changes nothing.

const ORDERS = '/tmf-api/productOrderingManagement/v4/productOrder';
const order = JSON.stringify({ productOrderItem: [{ id: '1', action: 'add' }] });
const headers = (key: string, type = 'application/json') => ({ 'content-type': type, 'idempotency-key': key });

describe('Idempotency-Key', () => {
  it('creates once and replays the same 201 for a retried POST', async () => {
    const app = await build();
    const first = await app.inject({ method: 'POST', url: ORDERS, payload: order, headers: headers('k-1') });
    const retry = await app.inject({ method: 'POST', url: ORDERS, payload: order, headers: headers('k-1') });
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.json()).toEqual(first.json());
    expect(retry.headers.location).toBe(first.headers.location);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(await app.spine.ctx.store.listResources({ api: 'TMF622', resource: 'productOrder' })).toHaveLength(1);
    expect(await app.spine.ctx.store.listEvents({})).toHaveLength(1);
  });

  it('replays a PATCH without a second event', async () => {
    const app = await build();
    const created = (await app.inject({ method: 'POST', url: ORDERS, payload: order, headers: headers('k-1') })).json();
    const patch = JSON.stringify({ description: 'first' });
    await app.inject({ method: 'PATCH', url: `${ORDERS}/${created.id}`, payload: patch, headers: headers('k-2', 'application/merge-patch+json') });
    await app.inject({ method: 'PATCH', url: `${ORDERS}/${created.id}`, payload: JSON.stringify({ description: 'second' }), headers: headers('k-3', 'application/merge-patch+json') });
    const replay = await app.inject({ method: 'PATCH', url: `${ORDERS}/${created.id}`, payload: patch, headers: headers('k-2', 'application/merge-patch+json') });
    expect(replay.json().description).toBe('first');
    const current = await app.inject({ method: 'GET', url: `${ORDERS}/${created.id}` });
    expect(current.json().description).toBe('second');
    expect(await app.spine.ctx.store.listEvents({})).toHaveLength(3);
  });

  it('refuses a key reused on another path (409) and a malformed key (400)', async () => {
    const app = await build();
    await app.inject({ method: 'POST', url: ORDERS, payload: order, headers: headers('k-1') });
    const reused = await app.inject({ method: 'POST', url: '/tmf-api/troubleTicket/v4/troubleTicket', payload: '{}', headers: headers('k-1') });
    expect(reused.statusCode).toBe(409);
    const malformed = await app.inject({ method: 'POST', url: ORDERS, payload: order, headers: headers('x'.repeat(201)) });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()['@type']).toBe('Error');
  });

  it('refuses a key reused on the same path with another body (422), creating nothing more', async () => {
    const app = await build();
    const first = await app.inject({ method: 'POST', url: ORDERS, payload: order, headers: headers('k-1') });
    const other = await app.inject({ method: 'POST', url: ORDERS, payload: JSON.stringify({ ...JSON.parse(order), description: 'another order' }), headers: headers('k-1') });
    expect([other.statusCode, other.json().code, other.json().message]).toEqual([422, 'SPN-422-IDEMPOTENCY-KEY-REUSED', expect.stringContaining('with another body')]);
    expect(await app.spine.ctx.store.listResources({ api: 'TMF622', resource: 'productOrder' })).toEqual([expect.objectContaining({ id: first.json().id })]);
    // The retry that does send the same body still gets its response.
    expect((await app.inject({ method: 'POST', url: ORDERS, payload: order, headers: headers('k-1') })).headers['idempotent-replayed']).toBe('true');
  });

  it('does not remember a refused request: the corrected retry executes', async () => {
    const app = await build();
    const refused = await app.inject({ method: 'POST', url: ORDERS, payload: '{}', headers: headers('k-1') });
    expect(refused.statusCode).toBe(400);
    const fixed = await app.inject({ method: 'POST', url: ORDERS, payload: order, headers: headers('k-1') });
    expect(fixed.statusCode).toBe(201);
    expect(fixed.headers['idempotent-replayed']).toBeUndefined();
  });
});
