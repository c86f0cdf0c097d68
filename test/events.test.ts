import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { publishEnvelope } from '../src/events/publish.js';
import { TOPIC_SCAN_PAGE } from '../src/events/topics.js';
import { openStore } from '../src/store/open-store.js';
import type { EventSelector } from '../src/store/port.js';
import { BASE_URL, build, json } from './support/build.js';
import { startListener } from './support/listener.js';
import { tempDir } from './support/temp-dir.js';

// Hubs, the transactional outbox and delivery to real HTTP listeners.

const API = '/tmf-api/productOrderingManagement/v4';
const ORDERS = `${API}/productOrder`;
const EVENT_API = '/tmf-api/event/v4';
const order = { productOrderItem: [{ id: '1', action: 'add' }] };
const fastRetries = { baseDelayMs: 20, maxDelayMs: 100 };

describe('hub subscriptions', () => {
  it('registers a listener (201 with id, callback, query) and unregisters it (204)', async () => {
    const app = await build();
    const created = await app.inject({ method: 'POST', url: `${API}/hub`, ...json({ callback: 'http://127.0.0.1:9/cb' }) });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toEqual({ id: expect.any(String), callback: 'http://127.0.0.1:9/cb', query: null });
    expect(created.headers.location).toBe(`${BASE_URL}${API}/hub/${created.json().id}`);
    expect((await app.inject({ method: 'DELETE', url: `${API}/hub/${created.json().id}` })).statusCode).toBe(204);
    expect((await app.inject({ method: 'DELETE', url: `${API}/hub/${created.json().id}` })).statusCode).toBe(404);
  });

  it('delivers to a callback with credentials as Basic authorization, and shows the callback without them wherever it lists it', async () => {
    const listener = await startListener();
    const app = await build();
    const callback = listener.url.replace('http://', 'http://ops%40example:s3cr%3At@');
    const created = await app.inject({ method: 'POST', url: `${EVENT_API}/topic`, ...json({ name: 'all' }) });
    const topic = created.json().id;
    const hub = await app.inject({ method: 'POST', url: `${EVENT_API}/topic/${topic}/hub`, ...json({ callback }) });
    expect(hub.json().callback).toBe(callback);

    await app.inject({ method: 'POST', url: `${EVENT_API}/topic/${topic}/event`, ...json({ eventType: 'FieldVisitDoneEvent', event: {} }) });
    const [received] = await listener.waitFor(1);
    expect(received!.headers.authorization).toBe(`Basic ${Buffer.from('ops@example:s3cr:t').toString('base64')}`);
    expect(received!.path).toBe('/callback/listener/fieldVisitDoneEvent');

    const masked = listener.url.replace('http://', 'http://***@');
    const reads = [`${EVENT_API}/topic/${topic}/hub`, `${EVENT_API}/topic/${topic}/hub/${hub.json().id}`, '/spine/v1/hubs', `/spine/v1/hubs/${hub.json().id}/deliveries`];
    for (const url of reads) {
      const body = (await app.inject({ method: 'GET', url })).body;
      expect(body, url).not.toContain('s3cr');
      expect(body, url).toContain(masked);
    }
  });

  it('delivers to a callback with a query string at its path plus /listener/<eventType>, keeping the query', async () => {
    const listener = await startListener();
    const app = await build();
    await app.inject({ method: 'POST', url: `${API}/hub`, ...json({ callback: `${listener.url}/?token=abc` }) });
    await app.inject({ method: 'POST', url: ORDERS, ...json(order) });
    const [received] = await listener.waitFor(1);
    expect(received!.path).toBe('/callback/listener/productOrderCreateEvent?token=abc');
  });

  it('refuses a callback with a fragment (400), which is never sent to a listener', async () => {
    const app = await build();
    for (const callback of ['http://127.0.0.1:9/cb#frag', 'http://127.0.0.1:9/cb#']) {
      const refused = await app.inject({ method: 'POST', url: `${API}/hub`, ...json({ callback }) });
      expect([refused.statusCode, refused.json().message]).toEqual([400, expect.stringContaining('fragment')]);
    }
    expect((await app.inject({ method: 'GET', url: '/spine/v1/hubs' })).json()).toEqual([]);
  });

  // Deliveries were stored with the listener path appended to the callback as text, after its query string.
  it('refuses a hub query with paging, sorting or fields (400): they select from a list, and a hub gets events one at a time', async () => {
    const app = await build();
    for (const query of ['limit=5', 'offset=3', 'sort=eventTime', 'fields=eventId', 'eventType=ProductOrderCreateEvent&limit=5']) {
      const refused = await app.inject({ method: 'POST', url: `${API}/hub`, ...json({ callback: 'http://127.0.0.1:9/cb', query }) });
      expect([query, refused.statusCode, refused.json().message]).toEqual([query, 400, expect.stringContaining('paging, sorting and fields do not apply to an event filter')]);
    }
  });

  it('delivers create, state change, attribute change and delete events to /listener/<eventType>', async () => {
    const listener = await startListener();
    const app = await build();
    await app.inject({ method: 'POST', url: `${API}/hub`, ...json({ callback: listener.url }) });

    const created = (await app.inject({ method: 'POST', url: ORDERS, ...json(order), headers: { 'content-type': 'application/json', 'x-correlation-id': 'journey-1' } })).json();
    await app.inject({ method: 'PATCH', url: `${ORDERS}/${created.id}`, ...json({ state: 'inProgress', description: 'now running' }) });
    await app.inject({ method: 'DELETE', url: `${ORDERS}/${created.id}` });

    const received = await listener.waitFor(4);
    expect(received.map((r) => r.path)).toEqual([
      '/callback/listener/productOrderCreateEvent',
      '/callback/listener/productOrderStateChangeEvent',
      '/callback/listener/productOrderAttributeValueChangeEvent',
      '/callback/listener/productOrderDeleteEvent',
    ]);
    const [create, stateChange] = received.map((r) => r.body);
    expect(create).toMatchObject({
      eventId: expect.any(String),
      eventTime: expect.any(String),
      eventType: 'ProductOrderCreateEvent',
      correlationId: 'journey-1',
      domain: 'productOrderingManagement',
      title: expect.any(String),
      description: expect.any(String),
      priority: expect.any(String),
      timeOcurred: expect.any(String),
      event: { productOrder: { id: created.id, state: 'acknowledged' } },
    });
    expect(stateChange.event.productOrder.state).toBe('inProgress');
    expect(received[0]!.headers['x-correlation-id']).toBe('journey-1');
  });

  it('delivers only what the hub query selects', async () => {
    const listener = await startListener();
    const app = await build();
    await app.inject({
      method: 'POST',
      url: `${API}/hub`,
      ...json({ callback: listener.url, query: 'eventType=ProductOrderStateChangeEvent&event.productOrder.state=completed' }),
    });
    const created = (await app.inject({ method: 'POST', url: ORDERS, ...json(order) })).json();
    await app.inject({ method: 'PATCH', url: `${ORDERS}/${created.id}`, ...json({ state: 'inProgress' }) });
    await app.inject({ method: 'PATCH', url: `${ORDERS}/${created.id}`, ...json({ state: 'completed' }) });
    await app.spine.relay.drain();
    const received = await listener.waitFor(1);
    expect(received).toHaveLength(1);
    expect(received[0]!.body.event.productOrder.state).toBe('completed');
  });

  it('retries a listener that fails twice, and the event then arrives exactly once', async () => {
    const listener = await startListener({ failFirst: 2 });
    const app = await build({ relay: fastRetries });
    await app.inject({ method: 'POST', url: `${API}/hub`, ...json({ callback: listener.url }) });
    await app.inject({ method: 'POST', url: ORDERS, ...json(order) });

    const [only] = await listener.waitFor(1);
    expect(listener.failures).toBe(2);
    expect(only!.body.eventType).toBe('ProductOrderCreateEvent');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(listener.received).toHaveLength(1);
    const [delivery] = await app.spine.ctx.store.listDeliveries();
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 3 });
  });

  // The events sent to a listener together were POSTed all at once, so they could arrive in any order.
  // An order created, started and completed (five events) for a listener that takes `answerAfterMs` to answer each.
  async function orderLifeFor(answerAfterMs: number) {
    const listener = await startListener({ answerAfterMs });
    const app = await build();
    await app.inject({ method: 'POST', url: `${API}/hub`, ...json({ callback: listener.url }) });
    const created = (await app.inject({ method: 'POST', url: ORDERS, ...json(order) })).json();
    for (const [state, description] of [['inProgress', 'started'], ['completed', 'done']]) {
      await app.inject({ method: 'PATCH', url: `${ORDERS}/${created.id}`, ...json({ state, description }) });
    }
    const events = (await app.spine.ctx.store.listEvents({ api: 'TMF622' })).map((e) => e.eventId);
    expect(events).toHaveLength(5);
    return { app, listener, events };
  }

  it('sends a listener its events one at a time, in the order they happened', async () => {
    const { listener, events } = await orderLifeFor(15);
    expect((await listener.waitFor(5)).map((r) => r.body.eventId)).toEqual(events);
    expect(listener.maxConcurrent).toBe(1);
  });

  it('sends a slow listener the rest of a batch after its lease is renewed, in order, counting one attempt each', async () => {
    const { app, listener, events } = await orderLifeFor(400);
    expect((await listener.waitFor(5)).map((r) => r.body.eventId)).toEqual(events);
    await app.spine.relay.drain();
    expect((await app.spine.ctx.store.listDeliveries()).map((d) => [d.status, d.attempts])).toEqual(events.map(() => ['delivered', 1]));
  });

  // One listener that stopped answering once held up every other listener's events for its timeout,
  // pass after pass.
  it('delivers to a listener while another one hangs without answering, which holds up only its own deliveries', async () => {
    const hanging = await startListener({ hang: true });
    const healthy = await startListener();
    const app = await build({ relay: { timeoutMs: 60_000 } });
    const hangingHub = (await app.inject({ method: 'POST', url: `${API}/hub`, ...json({ callback: hanging.url }) })).json().id;
    await app.inject({ method: 'POST', url: `${API}/hub`, ...json({ callback: healthy.url }) });
    const created = (await app.inject({ method: 'POST', url: ORDERS, ...json(order) })).json();
    for (const state of ['inProgress', 'completed']) await app.inject({ method: 'PATCH', url: `${ORDERS}/${created.id}`, ...json({ state }) });
    const events = (await app.spine.ctx.store.listEvents({ api: 'TMF622' })).map((e) => e.eventId);
    expect(events).toHaveLength(3);
    expect((await healthy.waitFor(3)).map((r) => r.body.eventId).sort()).toEqual([...events].sort());
    await hanging.waitFor(1);
    const held = await app.spine.ctx.store.listDeliveries({ hubId: hangingHub });
    expect(held.map((d) => [d.status, d.attempts])).toEqual([['pending', 0], ['pending', 0], ['pending', 0]]);
    // The hub's list says which are being sent, the ones the listener holds (their nextAttemptAt is the end of the wait, not a retry).
    const sentToHanging = new Set((await hanging.waitFor(1)).map((r) => r.body.eventId));
    const listed = (await app.inject({ method: 'GET', url: `/spine/v1/hubs/${hangingHub}/deliveries` })).json() as Array<{ eventId: string; sending?: true }>;
    expect(listed.map((d) => d.sending ?? false)).toEqual(listed.map((d) => sentToHanging.has(d.eventId)));
    expect(sentToHanging.size).toBeGreaterThan(0);
    await hanging.close();
  });

  // Shutdown waited for every send in flight: a listener that never answered held it up for the whole timeout.
  it('stops without waiting for a listener that does not answer, counting no attempt, and sends the event again after a restart', { timeout: 20_000 }, async () => {
    const dbPath = join(tempDir('spine-'), 'spine.db');
    const hanging = await startListener({ hang: true });
    const port = Number(new URL(hanging.url).port);
    const first = await build({ dbPath, relay: { timeoutMs: 600_000 } });
    await first.inject({ method: 'POST', url: `${API}/hub`, ...json({ callback: hanging.url }) });
    const created = (await first.inject({ method: 'POST', url: ORDERS, ...json(order) })).json();
    await hanging.waitFor(1);
    await first.close();
    await hanging.close();

    const revived = await startListener({ port });
    const second = await build({ dbPath, relay: { baseDelayMs: 1 } });
    expect((await second.spine.ctx.store.listDeliveries()).map((d) => [d.status, d.attempts])).toEqual([['pending', 0]]);
    const [event] = await revived.waitFor(1, 15_000);
    expect(event!.body.event.productOrder.id).toBe(created.id);
    await second.close();
    await revived.close();
  });

  it('still delivers events that were undelivered when the server stopped', async () => {
    const dbPath = join(tempDir('spine-'), 'spine.db');
    const listener = await startListener();
    const port = Number(new URL(listener.url).port);
    await listener.close();

    const first = await build({ dbPath, relay: fastRetries });
    await first.inject({ method: 'POST', url: `${API}/hub`, ...json({ callback: `http://127.0.0.1:${port}/callback` }) });
    const created = (await first.inject({ method: 'POST', url: ORDERS, ...json(order) })).json();
    await first.spine.relay.drain();
    expect((await first.spine.ctx.store.listDeliveries())[0]).toMatchObject({ status: 'pending' });
    await first.close();

    const revived = await startListener({ port });
    const second = await build({ dbPath, relay: { ...fastRetries, baseDelayMs: 1 } });
    const [event] = await revived.waitFor(1, 10_000);
    expect(event!.body.event.productOrder.id).toBe(created.id);
    await second.close();
  });
});

describe('TMF688 event management', () => {

  it('forwards the events of every API to a TMF688 hub', async () => {
    const listener = await startListener();
    const app = await build();
    await app.inject({ method: 'POST', url: `${EVENT_API}/hub`, ...json({ callback: listener.url }) });
    await app.inject({ method: 'POST', url: ORDERS, ...json(order) });
    await app.inject({ method: 'POST', url: '/tmf-api/customerManagement/v4/customer', ...json({ name: 'Jane', engagedParty: { id: 'p1', '@referredType': 'Individual' } }) });
    const received = await listener.waitFor(2);
    expect(received.map((r) => r.body.eventType).sort()).toEqual(['CustomerCreateEvent', 'ProductOrderCreateEvent']);
  });

  it('keeps a topic as a filtered view over the outbox, with its own hubs and posted events', async () => {
    const listener = await startListener();
    const app = await build();
    const topic = (
      await app.inject({ method: 'POST', url: `${EVENT_API}/topic`, ...json({ name: 'orders', headerQuery: 'eventType=ProductOrderCreateEvent,FieldVisitDoneEvent' }) })
    ).json();
    await app.inject({ method: 'POST', url: `${EVENT_API}/topic/${topic.id}/hub`, ...json({ callback: listener.url }) });
    await app.inject({ method: 'POST', url: ORDERS, ...json(order) });
    await app.inject({ method: 'POST', url: '/tmf-api/customerManagement/v4/customer', ...json({ name: 'Jane', engagedParty: { id: 'p1', '@referredType': 'Individual' } }) });
    const posted = await app.inject({ method: 'POST', url: `${EVENT_API}/topic/${topic.id}/event`, ...json({ eventType: 'FieldVisitDoneEvent', event: { workOrder: { id: 'wo-1' } } }) });
    expect(posted.statusCode).toBe(201);

    const events = await app.inject({ method: 'GET', url: `${EVENT_API}/topic/${topic.id}/event` });
    expect(events.json().map((e: any) => e.eventType)).toEqual(['ProductOrderCreateEvent', 'FieldVisitDoneEvent']);
    const one = await app.inject({ method: 'GET', url: `${EVENT_API}/topic/${topic.id}/event/${posted.json().eventId}` });
    expect(one.json().event).toEqual({ workOrder: { id: 'wo-1' } });
    const received = await listener.waitFor(2);
    expect(received.map((r) => r.path)).toEqual(['/callback/listener/productOrderCreateEvent', '/callback/listener/fieldVisitDoneEvent']);
  });

  it('refuses an event posted to a topic that does not match TMF688 Event_Create (400), publishing nothing', async () => {
    const app = await build();
    const topic = (await app.inject({ method: 'POST', url: `${EVENT_API}/topic`, ...json({ name: 'posted' }) })).json();
    const published = async () => (await app.inject({ method: 'GET', url: `${EVENT_API}/topic/${topic.id}/event` })).json();
    const before = await published();
    for (const [body, field] of [[{ eventType: 'X', eventTime: 'yesterday' }, 'eventTime'], [{ eventType: 'X', correlationId: 5 }, 'correlationId'], [{ eventType: 'X', relatedParty: 'p1' }, 'relatedParty']] as const) {
      const refused = await app.inject({ method: 'POST', url: `${EVENT_API}/topic/${topic.id}/event`, ...json(body) });
      expect([refused.statusCode, refused.json().message]).toEqual([400, expect.stringContaining(field)]);
    }
    expect(await published()).toEqual(before);
  });

  it('refuses a topic whose header or content query is not a TMF630 filter (400), creating nothing, so the writes of the other APIs go on', async () => {
    const app = await build();
    for (const query of [{ headerQuery: 'event..x=1' }, { contentQuery: 'productOrder..state=completed' }]) {
      const refused = await app.inject({ method: 'POST', url: `${EVENT_API}/topic`, ...json({ name: 'broken', ...query }) });
      expect(refused.statusCode, refused.body).toBe(400);
      expect(refused.json()).toMatchObject({ '@type': 'Error', message: expect.stringContaining(`${Object.keys(query)[0]} is not a TMF630 filter query`) });
    }
    expect((await app.inject({ method: 'GET', url: `${EVENT_API}/topic` })).json()).toEqual([]);
    expect((await app.inject({ method: 'POST', url: ORDERS, ...json(order) })).statusCode).toBe(201);
  });

  it('refuses a topic with a blank name (400) or a name another topic has (409), creating nothing; an unnamed topic is taken', async () => {
    const app = await build();
    const create = (body: object) => app.inject({ method: 'POST', url: `${EVENT_API}/topic`, ...json(body) });
    const orders = await create({ name: 'orders' });
    expect(orders.statusCode).toBe(201);
    for (const [body, status, mentions] of [
      [{ name: '' }, 400, 'blank'],
      [{ name: '  ' }, 400, 'blank'],
      [{ name: 'orders', headerQuery: 'eventType=ProductOrderCreateEvent' }, 409, orders.json().id],
    ] as const) {
      const refused = await create(body);
      expect(refused.statusCode, refused.body).toBe(status);
      expect(refused.json()).toMatchObject({ '@type': 'Error', message: expect.stringContaining(mentions) });
    }
    expect((await create({ headerQuery: 'eventType=ProductOrderCreateEvent' })).statusCode).toBe(201);
    expect((await create({ name: 'Orders' })).statusCode).toBe(201);
    const names = (await app.inject({ method: 'GET', url: `${EVENT_API}/topic` })).json().map((topic: { name?: string }) => topic.name);
    expect(names.sort()).toEqual(['Orders', 'orders', undefined]);
  });

  it("lists a topic's few events among many, reading the outbox a page at a time: order, counts and paging across its pages", async () => {
    const store = await openStore(':memory:');
    const reads: EventSelector[] = [];
    const app = await build({ store: { ...store, listEvents: (selector) => (reads.push(selector), store.listEvents(selector)) } });
    const topicOf = async (name: string) =>
      (await app.inject({ method: 'POST', url: `${EVENT_API}/topic`, ...json({ name, headerQuery: 'eventType=ProductOrderCreateEvent,FieldVisitDoneEvent' }) })).json().id;
    const [topic, other] = [await topicOf('orders'), await topicOf('other orders')];
    // Two and a half scan pages of events, the rest customers': one in seven is an order creation,
    // as are the last and first of two pages.
    const edges = [TOPIC_SCAN_PAGE, TOPIC_SCAN_PAGE + 1, 2 * TOPIC_SCAN_PAGE, 2 * TOPIC_SCAN_PAGE + 1];
    const orders = await store.transaction(async (tx) => {
      const created: { eventId: string; seq: number }[] = [];
      const firstSeq = (await tx.latestActivity()).eventSeq + 1;
      for (let i = 0; i < TOPIC_SCAN_PAGE * 2.5; i++) {
        const eventType = i % 7 === 3 || edges.includes(firstSeq + i) ? 'ProductOrderCreateEvent' : 'CustomerCreateEvent';
        const envelope = { eventId: `ev-${i}`, eventType, eventTime: new Date(Date.UTC(2025, 0, 1, 0, 0, i)).toISOString(), event: {} };
        const event = await publishEnvelope(tx, { api: 'TMF622', resource: 'productOrder', resourceId: `po-${i}` }, envelope);
        if (eventType === 'ProductOrderCreateEvent') created.push(event);
      }
      return created;
    });
    const post = (topicId: string) =>
      app.inject({ method: 'POST', url: `${EVENT_API}/topic/${topicId}/event`, ...json({ eventType: 'FieldVisitDoneEvent', event: {} }) });
    await post(other);
    const posted = (await post(topic)).json().eventId;
    const mine = [...orders.map((e) => e.eventId), posted];
    const list = (query: string) => app.inject({ method: 'GET', url: `${EVENT_API}/topic/${topic}/event?${query}` });
    const counts = (response: { headers: Record<string, unknown> }) => [response.headers['x-total-count'], response.headers['x-result-count']];

    const all = await list(`limit=${mine.length}`);
    expect(all.statusCode).toBe(200);
    expect(counts(all)).toEqual([String(mine.length), String(mine.length)]);
    expect(all.json().map((e: any) => e.eventId)).toEqual(mine);

    const firstOfPageTwo = orders.findIndex((e) => e.seq > TOPIC_SCAN_PAGE);
    expect(orders.slice(firstOfPageTwo - 1, firstOfPageTwo + 1).map((e) => e.seq)).toEqual(edges.slice(0, 2));
    const across = await list(`offset=${firstOfPageTwo - 2}&limit=4&fields=eventId`);
    expect(across.statusCode).toBe(206);
    expect(counts(across)).toEqual([String(mine.length), '4']);
    expect(across.json()).toEqual(mine.slice(firstOfPageTwo - 2, firstOfPageTwo + 2).map((eventId) => ({ eventId, href: expect.stringContaining(`/event/${eventId}`) })));

    const tail = await list(`offset=${mine.length - 2}&limit=5`);
    expect(tail.statusCode).toBe(206);
    expect(counts(tail)).toEqual([String(mine.length), '2']);
    expect(tail.json().map((e: any) => e.eventId)).toEqual(mine.slice(-2));

    const filtered = await list('eventType=FieldVisitDoneEvent');
    expect(counts(filtered)).toEqual(['1', '1']);
    expect(filtered.json().map((e: any) => e.eventId)).toEqual([posted]);

    expect(reads.length).toBeGreaterThanOrEqual(4 * 3);
    expect(reads.every((read) => read.limit === TOPIC_SCAN_PAGE)).toBe(true);
  });
});

describe('the hubs of the whole stack (GET /spine/v1/hubs)', () => {
  const unreachable = 'http://127.0.0.1:9/unreachable';
  const withCorrelation = (id: string, payload: unknown) => ({ payload: JSON.stringify(payload), headers: { 'content-type': 'application/json', 'x-correlation-id': id } });

  it('answers an empty list when no listener is registered', async () => {
    const app = await build();
    const listed = await app.inject({ method: 'GET', url: '/spine/v1/hubs' });
    expect(listed.statusCode).toBe(200);
    expect(listed.json()).toEqual([]);
  });

  it('lists listeners created within one clock tick in the order they were created', async () => {
    const app = await build({ now: () => new Date('2026-11-26T10:00:00.000Z') });
    const created: string[] = [];
    for (const api of ['/tmf-api/productOrderingManagement/v4', EVENT_API, '/tmf-api/serviceOrdering/v4', '/tmf-api/productOrderingManagement/v4', EVENT_API, '/tmf-api/resourceOrderingManagement/v4']) {
      const hub = await app.inject({ method: 'POST', url: `${api}/hub`, ...json({ callback: unreachable }) });
      expect(hub.statusCode).toBe(201);
      created.push(hub.json().id);
    }
    const listed = (await app.inject({ method: 'GET', url: '/spine/v1/hubs' })).json();
    expect(listed.map((h: { createdAt: string }) => h.createdAt)).toEqual(created.map(() => '2026-11-26T10:00:00.000Z'));
    expect(listed.map((h: { id: string }) => h.id)).toEqual(created);
  });

  it("lists the listeners of every API and topic, oldest first, with one journey's deliveries by status", async () => {
    const listener = await startListener();
    const app = await build();
    const register = async (url: string, body: unknown) => (await app.inject({ method: 'POST', url, ...json(body) })).json().id as string;
    const orders = await register(`${API}/hub`, { callback: listener.url, query: 'eventType=ProductOrderCreateEvent' });
    const everything = await register(`${EVENT_API}/hub`, { callback: unreachable });
    const topic = (await app.inject({ method: 'POST', url: `${EVENT_API}/topic`, ...json({ name: 'orders', headerQuery: 'eventType=ProductOrderCreateEvent' }) })).json();
    const onTopic = await register(`${EVENT_API}/topic/${topic.id}/hub`, { callback: unreachable });

    const first = (await app.inject({ method: 'POST', url: ORDERS, ...withCorrelation('journey-1', order) })).json();
    await app.inject({ method: 'PATCH', url: `${ORDERS}/${first.id}`, ...withCorrelation('journey-1', { state: 'inProgress' }) });
    await app.inject({ method: 'POST', url: ORDERS, ...withCorrelation('journey-2', order) });
    await listener.waitFor(2);
    const journeyEvents = (await app.spine.ctx.store.listEvents({ correlationId: 'journey-1' })).length;
    const hubs = async (query = '') => (await app.inject({ method: 'GET', url: `/spine/v1/hubs${query}` })).json();

    // The listener has both events; each delivery is recorded once the relay has its answer (a busy machine takes a while).
    await expect.poll(async () => (await hubs('?correlationId=journey-1'))[0].deliveries.delivered, { timeout: 10_000 }).toBe(1);
    expect(await hubs('?correlationId=journey-1')).toEqual([
      { id: orders, api: 'TMF622', topicId: null, callback: listener.url, query: 'eventType=ProductOrderCreateEvent', createdAt: expect.any(String), path: `${API}/hub/${orders}`, deliveries: { pending: 0, delivered: 1, failed: 0, cancelled: 0 } },
      { id: everything, api: 'TMF688', topicId: null, callback: unreachable, query: null, createdAt: expect.any(String), path: `${EVENT_API}/hub/${everything}`, deliveries: { pending: journeyEvents, delivered: 0, failed: 0, cancelled: 0 } },
      { id: onTopic, api: 'TMF688', topicId: topic.id, callback: unreachable, query: null, createdAt: expect.any(String), path: `${EVENT_API}/topic/${topic.id}/hub/${onTopic}`, deliveries: { pending: 1, delivered: 0, failed: 0, cancelled: 0 } },
    ]);
    await expect.poll(async () => (await hubs())[0].deliveries.delivered, { timeout: 10_000 }).toBe(2);

    await app.inject({ method: 'DELETE', url: `${EVENT_API}/hub/${everything}` });
    expect((await hubs()).map((h: { id: string }) => h.id)).toEqual([orders, onTopic]);
  });

  it("lists one listener's deliveries of a journey's events, each with its event, outcome and attempts", async () => {
    const listener = await startListener({ failFirst: 1 });
    const app = await build();
    const hub = (await app.inject({ method: 'POST', url: `${API}/hub`, ...json({ callback: listener.url }) })).json().id as string;
    const dead = (await app.inject({ method: 'POST', url: `${API}/hub`, ...json({ callback: unreachable }) })).json().id as string;
    const created = (await app.inject({ method: 'POST', url: ORDERS, ...withCorrelation('journey-1', order) })).json();
    await app.inject({ method: 'PATCH', url: `${ORDERS}/${created.id}`, ...withCorrelation('journey-1', { state: 'inProgress' }) });
    await app.inject({ method: 'POST', url: ORDERS, ...withCorrelation('journey-2', order) });
    const events = await app.spine.ctx.store.listEvents({ correlationId: 'journey-1' });
    const deliveries = async (id: string, query = '') => (await app.inject({ method: 'GET', url: `/spine/v1/hubs/${id}/deliveries${query}` })).json();

    // The listener refused the first POST (503): that delivery was retried and got through on a later attempt.
    await expect.poll(async () => (await deliveries(hub, '?correlationId=journey-1')).every((d: { status: string }) => d.status === 'delivered'), { timeout: 10_000 }).toBe(true);
    const mine = await deliveries(hub, '?correlationId=journey-1');
    expect(mine.map((d: { eventId: string }) => d.eventId)).toEqual(events.map((e) => e.eventId));
    expect(mine[0]).toMatchObject({ eventType: 'ProductOrderCreateEvent', resourceId: created.id, url: `${listener.url}/listener/productOrderCreateEvent`, status: 'delivered', attempts: 2, deliveredAt: expect.any(String) });
    expect(mine.slice(1).map((d: { attempts: number }) => d.attempts)).toEqual(events.slice(1).map(() => 1));
    expect(await deliveries(hub, '?limit=1')).toHaveLength(1);
    expect(await deliveries(hub)).toHaveLength(events.length + 1);
    // Nobody answers at the dead callback: its deliveries wait for their next attempt, with the error of the last.
    await expect.poll(async () => (await deliveries(dead, '?correlationId=journey-1'))[0]?.attempts ?? 0, { timeout: 10_000 }).toBeGreaterThan(0);
    expect((await deliveries(dead, '?correlationId=journey-1'))[0]).toMatchObject({ status: 'pending', lastError: expect.any(String), deliveredAt: null });

    for (const [url, status] of [['/spine/v1/hubs/no-such-hub/deliveries', 404], [`/spine/v1/hubs/${hub}/deliveries?limit=0`, 400], [`/spine/v1/hubs/${hub}/deliveries?limit=x`, 400], [`/spine/v1/hubs/${hub}/deliveries?correlationId=a&correlationId=b`, 400]] as const) {
      const refused = await app.inject({ method: 'GET', url });
      expect([url, refused.statusCode, refused.json()['@type']]).toEqual([url, status, 'Error']);
    }
  });

  it('refuses a correlationId given twice with a 400', async () => {
    const app = await build();
    const refused = await app.inject({ method: 'GET', url: '/spine/v1/hubs?correlationId=a&correlationId=b' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'SPN-400-INVALID-QUERY', '@type': 'Error' });
  });
});
