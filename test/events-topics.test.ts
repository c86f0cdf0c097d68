import { describe, expect, it } from 'vitest';
import { build, BASE_URL, json } from './support/build.js';
import { startListener } from './support/listener.js';

// TMF688 topics: filtered views over the outbox, with the events producers post to them and their own hubs.

const EVENT_API = '/tmf-api/event/v4';
const ORDERS = '/tmf-api/productOrderingManagement/v4/productOrder';
const order = { productOrderItem: [{ id: '1', action: 'add' }] };
const unreachable = 'http://127.0.0.1:9/unreachable';

async function topicOf(app: Awaited<ReturnType<typeof build>>, body: object): Promise<string> {
  const created = await app.inject({ method: 'POST', url: `${EVENT_API}/topic`, ...json(body) });
  expect(created.statusCode, created.body).toBe(201);
  return created.json().id;
}

describe('the hubs of a topic (GET /topic/{id}/hub)', () => {
  it('lists them as a TMF630 list: counts, paging with 206, fields and filters', async () => {
    const app = await build();
    const topic = await topicOf(app, { name: 'orders' });
    const other = await topicOf(app, { name: 'others' });
    const ids: string[] = [];
    for (const n of [1, 2, 3]) {
      ids.push((await app.inject({ method: 'POST', url: `${EVENT_API}/topic/${topic}/hub`, ...json({ callback: `${unreachable}/${n}` }) })).json().id);
    }
    await app.inject({ method: 'POST', url: `${EVENT_API}/topic/${other}/hub`, ...json({ callback: unreachable }) });
    const list = (query = '') => app.inject({ method: 'GET', url: `${EVENT_API}/topic/${topic}/hub${query}` });
    const counts = (response: { headers: Record<string, unknown> }) => [response.headers['x-total-count'], response.headers['x-result-count']];

    const all = await list();
    expect([all.statusCode, ...counts(all)]).toEqual([200, '3', '3']);
    expect(all.json().map((h: { id: string }) => h.id)).toEqual(ids);

    const page = await list('?offset=1&limit=1&fields=callback');
    expect([page.statusCode, ...counts(page)]).toEqual([206, '3', '1']);
    expect(page.json()).toEqual([{ id: ids[1], callback: `${unreachable}/2` }]);

    const filtered = await list(`?callback=${encodeURIComponent(`${unreachable}/3`)}`);
    expect(counts(filtered)).toEqual(['1', '1']);
    expect(filtered.json().map((h: { id: string }) => h.id)).toEqual([ids[2]]);
  });

  it('refuses a bad list parameter (400) and an unknown topic (404)', async () => {
    const app = await build();
    const topic = await topicOf(app, { name: 'orders' });
    for (const [url, status] of [
      [`${EVENT_API}/topic/${topic}/hub?limit=abc`, 400],
      [`${EVENT_API}/topic/${topic}/hub?offset=-1`, 400],
      [`${EVENT_API}/topic/${topic}/hub?limit=1&limit=2`, 400],
      [`${EVENT_API}/topic/${topic}/hub?fields=a..b`, 400],
      [`${EVENT_API}/topic/no-such-topic/hub`, 404],
    ] as const) {
      const refused = await app.inject({ method: 'GET', url });
      expect([url, refused.statusCode, refused.json()['@type']]).toEqual([url, status, 'Error']);
    }
  });
});

describe('the queries of a topic and of its hubs', () => {
  it('refuses paging, sorting or fields in a headerQuery, contentQuery or topic hub query (400)', async () => {
    const app = await build();
    for (const body of [{ headerQuery: 'limit=5' }, { headerQuery: 'offset=3' }, { contentQuery: 'sort=productOrder.id' }, { headerQuery: 'fields=eventType' }]) {
      const refused = await app.inject({ method: 'POST', url: `${EVENT_API}/topic`, ...json(body) });
      expect([body, refused.statusCode, refused.json().message]).toEqual([body, 400, expect.stringContaining('paging, sorting and fields do not apply to an event filter')]);
    }
    const topic = await topicOf(app, { name: 'orders' });
    const refused = await app.inject({ method: 'POST', url: `${EVENT_API}/topic/${topic}/hub`, ...json({ callback: unreachable, query: 'limit=5' }) });
    expect([refused.statusCode, refused.json().message]).toEqual([400, expect.stringContaining('paging, sorting and fields do not apply to an event filter')]);
  });
});

describe('deleting a topic', () => {
  it('removes its hubs and cancels their pending deliveries, leaving the other hubs', async () => {
    const app = await build();
    const topic = await topicOf(app, { name: 'orders' });
    const kept = await topicOf(app, { name: 'kept' });
    const gone = (await app.inject({ method: 'POST', url: `${EVENT_API}/topic/${topic}/hub`, ...json({ callback: unreachable }) })).json().id;
    const stays = (await app.inject({ method: 'POST', url: `${EVENT_API}/topic/${kept}/hub`, ...json({ callback: unreachable }) })).json().id;
    await app.inject({ method: 'POST', url: `${EVENT_API}/topic/${topic}/event`, ...json({ eventType: 'FieldVisitDoneEvent', event: {} }) });
    expect((await app.spine.ctx.store.listDeliveries({ hubId: gone })).map((d) => d.status)).toEqual(['pending']);

    expect((await app.inject({ method: 'DELETE', url: `${EVENT_API}/topic/${topic}` })).statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: '/spine/v1/hubs' })).json().map((h: { id: string }) => h.id)).toEqual([stays]);
    expect((await app.inject({ method: 'GET', url: `${EVENT_API}/topic/${topic}/hub/${gone}` })).statusCode).toBe(404);
    expect((await app.spine.ctx.store.listDeliveries({ hubId: gone })).map((d) => d.status)).toEqual(['cancelled']);
  });
});

describe('an event posted to a topic (POST /topic/{id}/event)', () => {
  it('answers 201 with a Location that is the event href, and carries href, @type and @baseType like the stack’s own events', async () => {
    const app = await build();
    const topic = await topicOf(app, { name: 'visits' });
    const posted = await app.inject({ method: 'POST', url: `${EVENT_API}/topic/${topic}/event`, ...json({ eventId: 'visit-1', eventType: 'FieldVisitDoneEvent', event: {} }) });
    const href = `${BASE_URL}${EVENT_API}/topic/${topic}/event/visit-1`;
    expect(posted.statusCode).toBe(201);
    expect(posted.headers.location).toBe(href);
    expect(posted.json()).toMatchObject({ eventId: 'visit-1', href, '@type': 'FieldVisitDoneEvent', '@baseType': 'Event' });
    expect((await app.inject({ method: 'GET', url: href.slice(BASE_URL.length) })).json()).toEqual(posted.json());
  });

  // The stack's own events listed under a topic had no href (only posted ones had), so fields= gave no way to address them.
  it('lists every event with its @type and its href in the topic under fields=, posted or the stack’s own, and the href retrieves it', async () => {
    const app = await build();
    const topic = await topicOf(app, { headerQuery: 'eventType=ProductOrderCreateEvent,FieldVisitDoneEvent' });
    await app.inject({ method: 'POST', url: ORDERS, ...json(order) });
    await app.inject({ method: 'POST', url: `${EVENT_API}/topic/${topic}/event`, ...json({ eventType: 'FieldVisitDoneEvent', event: {} }) });
    const listed = await app.inject({ method: 'GET', url: `${EVENT_API}/topic/${topic}/event?fields=eventType` });
    const href = expect.stringMatching(new RegExp(`^${BASE_URL}${EVENT_API}/topic/${topic}/event/[\\w-]+$`));
    expect(listed.json()).toEqual([
      { eventType: 'ProductOrderCreateEvent', '@type': 'ProductOrderCreateEvent', href },
      { eventType: 'FieldVisitDoneEvent', '@type': 'FieldVisitDoneEvent', href },
    ]);
    const own = await app.inject({ method: 'GET', url: listed.json()[0].href.slice(BASE_URL.length) });
    expect([own.statusCode, own.json().eventType, own.json().href]).toEqual([200, 'ProductOrderCreateEvent', listed.json()[0].href]);
  });

  it('refuses an id or href (the server sets them) and an eventId that is not an id (400), publishing nothing', async () => {
    const app = await build();
    const topic = await topicOf(app, { name: 'visits' });
    const published = async () => (await app.inject({ method: 'GET', url: `${EVENT_API}/topic/${topic}/event` })).json();
    const before = await published();
    for (const [body, mentions] of [
      [{ id: 'x/y', eventType: 'FieldVisitDoneEvent' }, 'id is set by the server'],
      [{ id: 'visit-1', eventType: 'FieldVisitDoneEvent' }, 'id is set by the server'],
      [{ href: 'http://elsewhere/x', eventType: 'FieldVisitDoneEvent' }, 'href is set by the server'],
      [{ eventId: 'x/y', eventType: 'FieldVisitDoneEvent' }, 'eventId must be'],
    ] as const) {
      const refused = await app.inject({ method: 'POST', url: `${EVENT_API}/topic/${topic}/event`, ...json(body) });
      expect([body, refused.statusCode, refused.json().message]).toEqual([body, 400, expect.stringContaining(mentions)]);
    }
    expect(await published()).toEqual(before);
  });

  it("refuses an event the topic's headerQuery or contentQuery does not select (400 naming it), so the topic lists and delivers only what passes", async () => {
    const listener = await startListener();
    const app = await build();
    const topic = await topicOf(app, { headerQuery: 'eventType=ProductOrderCreateEvent', contentQuery: 'productOrder.state=acknowledged' });
    await app.inject({ method: 'POST', url: `${EVENT_API}/topic/${topic}/hub`, ...json({ callback: listener.url }) });
    const post = (body: object) => app.inject({ method: 'POST', url: `${EVENT_API}/topic/${topic}/event`, ...json(body) });

    const wrongType = await post({ eventType: 'MyEvent', event: { productOrder: { state: 'acknowledged' } } });
    expect([wrongType.statusCode, wrongType.json().message]).toEqual([400, expect.stringContaining('headerQuery eventType=ProductOrderCreateEvent')]);
    const wrongContent = await post({ eventType: 'ProductOrderCreateEvent', event: { productOrder: { state: 'completed' } } });
    expect([wrongContent.statusCode, wrongContent.json().message]).toEqual([400, expect.stringContaining('contentQuery productOrder.state=acknowledged')]);
    const passing = await post({ eventType: 'ProductOrderCreateEvent', event: { productOrder: { state: 'acknowledged' } } });
    expect(passing.statusCode).toBe(201);

    const listed = (await app.inject({ method: 'GET', url: `${EVENT_API}/topic/${topic}/event` })).json();
    expect(listed.map((e: { eventId: string }) => e.eventId)).toEqual([passing.json().eventId]);
    await app.spine.relay.drain();
    expect(listener.received.map((r) => r.body.eventId)).toEqual([passing.json().eventId]);
  });
});
