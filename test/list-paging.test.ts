import { describe, expect, it } from 'vitest';
import { build, json } from './support/build.js';

// A TMF630 list with nothing to decide per document (no sort, no filter but the lifecycle state) is
// counted and paged in SQL; any other is filtered and paged while the collection is read. Both must
// answer the same page, the same X-Total-Count and the same status.

const ORDERS = '/tmf-api/productOrderingManagement/v4/productOrder';

describe('a collection paged in SQL', () => {
  it('answers as the filtered reading does, for every offset and limit, with and without a state', async () => {
    const app = await build();
    const ids: string[] = [];
    for (let n = 0; n < 11; n++) {
      const created = await app.inject({ method: 'POST', url: ORDERS, ...json({ productOrderItem: [{ id: '1', action: 'add', productOffering: { id: 'po-gpon-ftth-001' } }] }) });
      expect(created.statusCode).toBe(201);
      ids.push(created.json().id);
    }
    for (const id of ids.filter((_, n) => n % 3 === 1)) {
      expect((await app.inject({ method: 'PATCH', url: `${ORDERS}/${id}`, ...json({ state: 'inProgress' }) })).statusCode).toBe(200);
    }
    const answer = async (query: string) => {
      const response = await app.inject({ method: 'GET', url: `${ORDERS}?${query}` });
      return { status: response.statusCode, total: response.headers['x-total-count'], body: response.json() };
    };
    let pages = 0;
    for (const state of ['', 'state=acknowledged&', 'state=inProgress,acknowledged&', 'state=completed&']) {
      for (const [offset, limit] of [[0, 100], [0, 4], [3, 4], [7, 5], [10, 1], [11, 3], [20, 2]]) {
        const paged = await answer(`${state}offset=${offset}&limit=${limit}&fields=state`);
        // A filter every order passes sends the same request down the reading path.
        const read = await answer(`${state}offset=${offset}&limit=${limit}&fields=state&productOrderItem.action=add`);
        expect(paged, `${state}offset=${offset}&limit=${limit}`).toEqual(read);
        pages += paged.body.length;
      }
    }
    expect(pages).toBeGreaterThan(30);
    const everything = await answer('offset=0&limit=100');
    expect([everything.status, everything.total, everything.body.map((o: { id: string }) => o.id)]).toEqual([200, '11', ids]);
  });
});
