import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, json } from './support/build.js';
import { tempDir } from './support/temp-dir.js';

const ORDERS = '/tmf-api/productOrderingManagement/v4/productOrder';
const order = { productOrderItem: [{ id: '1', action: 'add' }] };
const clock = () => new Date('2026-11-26T10:00:00Z');

describe('readable ids', () => {
  it('numbers product orders per year and keeps counting across a restart', async () => {
    const dbPath = join(tempDir('spine-'), 'spine.db');
    const first = await build({ dbPath, now: clock });
    const a = (await first.inject({ method: 'POST', url: ORDERS, ...json(order) })).json();
    const b = (await first.inject({ method: 'POST', url: ORDERS, ...json(order) })).json();
    expect([a.id, b.id]).toEqual(['po-ord-2026-00001', 'po-ord-2026-00002']);
    await first.close();

    const second = await build({ dbPath, now: clock });
    const c = (await second.inject({ method: 'POST', url: ORDERS, ...json(order) })).json();
    expect(c.id).toBe('po-ord-2026-00003');
  });

  it('does not consume a number when the create is refused', async () => {
    const app = await build({ now: clock });
    expect((await app.inject({ method: 'POST', url: ORDERS, ...json({ description: 'no items' }) })).statusCode).toBe(400);
    expect((await app.inject({ method: 'POST', url: ORDERS, ...json(order) })).json().id).toBe('po-ord-2026-00001');
  });
});
