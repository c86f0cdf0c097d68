import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { build, json } from './support/build.js';

// Request bodies at the edges of JSON: numbers beyond a double, bytes that are not UTF-8, and the
// empty body a client sends with its usual Content-Type.

const ORDERS = '/tmf-api/productOrderingManagement/v4/productOrder';
const validOrder = { productOrderItem: [{ id: '1', action: 'add', productOffering: { id: 'po-gpon-ftth-001' } }] };
const orderWithQuantity = (quantity: string) => `{"productOrderItem":[{"id":"1","action":"add","quantity":${quantity},"productOffering":{"id":"po-gpon-ftth-001"}}]}`;
const sent = (payload: string | Buffer, type = 'application/json') => ({ payload, headers: { 'content-type': type } });

async function stored(app: FastifyInstance) {
  const store = app.spine.ctx.store;
  const orders = await store.listResources({ api: 'TMF622', resource: 'productOrder' });
  return { orders: orders.map((o) => o.doc), events: (await store.listEvents({})).length };
}

async function withOrder() {
  const app = await build();
  const order = (await app.inject({ method: 'POST', url: ORDERS, ...json(validOrder) })).json();
  return { app, order, before: await stored(app) };
}

function expectRefusal(response: { statusCode: number; json(): any }, code: string, mentions: string) {
  expect([response.statusCode, response.json().code]).toEqual([400, code]);
  expect(response.json().message).toContain(mentions);
}

describe('a number beyond the range of a double', () => {
  // JSON.parse reads 1e400 as Infinity, which passed the schema's integer check and was stored as
  // null, so that every later PATCH of the order failed its validation.
  it.each(['1e400', '-1e400'])('refuses a POST with quantity %s, naming the attribute, and stores nothing', async (quantity) => {
    const app = await build();
    const response = await app.inject({ method: 'POST', url: ORDERS, ...sent(orderWithQuantity(quantity)) });
    expectRefusal(response, 'SPN-400-INVALID-BODY', 'productOrderItem[0].quantity');
    expect(await stored(app)).toEqual({ orders: [], events: 0 });
  });

  it('refuses it in a merge patch, and the order stays patchable', async () => {
    const { app, order, before } = await withOrder();
    const patch = `{"productOrderItem":[{"id":"1","action":"add","quantity":1e400,"productOffering":{"id":"po-gpon-ftth-001"}}]}`;
    for (const type of ['application/merge-patch+json', 'application/json']) {
      expectRefusal(await app.inject({ method: 'PATCH', url: `${ORDERS}/${order.id}`, ...sent(patch, type) }), 'SPN-400-INVALID-BODY', 'productOrderItem[0].quantity');
    }
    expect(await stored(app)).toEqual(before);
    expect((await app.inject({ method: 'PATCH', url: `${ORDERS}/${order.id}`, ...json({ description: 'still fine' }) })).statusCode).toBe(200);
  });

  it('refuses it in a TMF688 event, which no schema checks, and publishes nothing', async () => {
    const app = await build();
    const topic = (await app.inject({ method: 'POST', url: '/tmf-api/event/v4/topic', ...json({ name: 'orders' }) })).json();
    const before = await stored(app);
    const event = '{"eventType":"ProductOrderCreateEvent","event":{"productOrder":{"id":"x","quantity":1e400}}}';
    expectRefusal(await app.inject({ method: 'POST', url: `/tmf-api/event/v4/topic/${topic.id}/event`, ...sent(event) }), 'SPN-400-INVALID-BODY', 'event.productOrder.quantity is a number beyond the range');
    expect(await stored(app)).toEqual(before);
  });

  it('refuses it on a Spine endpoint, naming it as beyond range', async () => {
    const app = await build();
    expectRefusal(await app.inject({ method: 'POST', url: '/spine/v1/faults', ...sent('{"fault":"bng-timeout","times":1e400}') }), 'SPN-400-INVALID-BODY', 'times is a number beyond the range');
    expect((await app.inject({ method: 'GET', url: '/spine/v1/faults' })).json().armed).toEqual([]);
  });

  it('takes the largest number a double holds, and stores it as sent', async () => {
    const app = await build();
    const response = await app.inject({ method: 'POST', url: '/tmf-api/resourceInventoryManagement/v4/resource', ...json({ name: 'big', resourceCharacteristic: [{ name: 'n', value: Number.MAX_VALUE }] }) });
    expect([response.statusCode, response.json().resourceCharacteristic[0].value]).toEqual([201, Number.MAX_VALUE]);
  });
});

describe('a body that is not UTF-8', () => {
  // `text` with BAD replaced by the bytes FF FE, which no UTF-8 text holds: they were decoded as two
  // U+FFFD and stored.
  const notUtf8 = (text: string) => {
    const [head, tail] = text.split('BAD') as [string, string];
    return Buffer.concat([Buffer.from(head), Buffer.from([0xff, 0xfe]), Buffer.from(tail)]);
  };

  it('is refused on a POST as malformed, and nothing is stored', async () => {
    const app = await build();
    const response = await app.inject({ method: 'POST', url: ORDERS, ...sent(notUtf8(JSON.stringify({ ...validOrder, description: 'BAD bytes' }))) });
    expectRefusal(response, 'SPN-400-MALFORMED-JSON', 'UTF-8');
    expect(await stored(app)).toEqual({ orders: [], events: 0 });
  });

  it('is refused in a merge patch, and the order is unchanged', async () => {
    const { app, order, before } = await withOrder();
    for (const type of ['application/merge-patch+json', 'application/json']) {
      expectRefusal(await app.inject({ method: 'PATCH', url: `${ORDERS}/${order.id}`, ...sent(notUtf8('{"description":"BAD bytes"}'), type) }), 'SPN-400-MALFORMED-JSON', 'UTF-8');
    }
    expect(await stored(app)).toEqual(before);
  });

  it('is refused on a Spine endpoint too', async () => {
    const app = await build();
    expectRefusal(await app.inject({ method: 'POST', url: '/spine/v1/faults', ...sent(notUtf8('{"fault":"bng-timeout","correlationId":"BAD"}')) }), 'SPN-400-MALFORMED-JSON', 'UTF-8');
    expect((await app.inject({ method: 'GET', url: '/spine/v1/faults' })).json().armed).toEqual([]);
  });

  it('leaves UTF-8 beyond ASCII as it is', async () => {
    const app = await build();
    const response = await app.inject({ method: 'POST', url: ORDERS, ...sent(Buffer.from(JSON.stringify({ ...validOrder, description: 'Café ☕ 𝄞' }), 'utf8')) });
    expect([response.statusCode, response.json().description]).toEqual([201, 'Café ☕ 𝄞']);
  });
});

describe('an empty body with a JSON Content-Type', () => {
  // Many clients send Content-Type: application/json on every request; a DELETE carrying it was
  // refused with "Body cannot be empty when content-type is set to 'application/json'".
  it('is no body on a DELETE, which is served', async () => {
    const { app, order } = await withOrder();
    const response = await app.inject({ method: 'DELETE', url: `${ORDERS}/${order.id}`, ...sent('') });
    expect(response.statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: `${ORDERS}/${order.id}` })).statusCode).toBe(404);
  });

  it('is no body on GET, HEAD and OPTIONS', async () => {
    const { app, order } = await withOrder();
    const answers = [];
    for (const method of ['GET', 'HEAD', 'OPTIONS'] as const) answers.push((await app.inject({ method, url: `${ORDERS}/${order.id}`, ...sent('') })).statusCode);
    expect(answers).toEqual([200, 200, 204]);
  });

  it('is still refused as malformed on a POST and a PATCH, and nothing changes', async () => {
    const { app, order, before } = await withOrder();
    expectRefusal(await app.inject({ method: 'POST', url: ORDERS, ...sent('') }), 'SPN-400-MALFORMED-JSON', 'empty');
    for (const type of ['application/merge-patch+json', 'application/json']) {
      expectRefusal(await app.inject({ method: 'PATCH', url: `${ORDERS}/${order.id}`, ...sent('', type) }), 'SPN-400-MALFORMED-JSON', 'empty');
    }
    expect(await stored(app)).toEqual(before);
  });
});

describe('a body that is not JSON', () => {
  // Spine's own routes read a text/plain body and answered 400 about its shape; the TMF routes answered 415.
  it.each([
    ['/spine/v1/faults'],
    ['/spine/v1/scenarios/gpon-ftth/runs'],
    ['/tmf-api/productOrderingManagement/v4/hub'],
    [ORDERS],
  ])('gets 415 on POST %s, whatever the route', async (url) => {
    const app = await build();
    const response = await app.inject({ method: 'POST', url, ...sent('{"fault":"bng-timeout"}', 'text/plain') });
    expect([response.statusCode, response.json().code]).toEqual([415, 'SPN-415-MEDIA-TYPE']);
    expect(await stored(app)).toEqual({ orders: [], events: 0 });
  });
});
