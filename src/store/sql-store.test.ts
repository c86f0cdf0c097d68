import { statSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { buildEnvelope } from '../events/envelope.js';
import { migrations } from './migrations/index.js';
import { openStore } from './open-store.js';
import { createSqlStore, resourcePageQuery, resourceQuery } from './sql-store.js';
import { openSqlite, type SqliteHandle } from './sqlite.js';
import type { ResourceRecord, ResourceSelector, Store } from './port.js';
import { tempDir } from '../../test/support/temp-dir.js';

const stores: Store[] = [];
afterEach(async () => Promise.all(stores.splice(0).map((s) => s.close())));

async function fresh(): Promise<Store> {
  const store = await openStore(':memory:');
  stores.push(store);
  return store;
}

// A store with its SQLite handle at hand, for the query plans.
async function inMemory(): Promise<{ handle: SqliteHandle; store: Store }> {
  const handle = await openSqlite(':memory:');
  const store = createSqlStore(handle);
  stores.push(store);
  return { handle, store };
}

// What SQLite does to answer a selector's list, step by step.
const queryPlan = (handle: SqliteHandle, selector: ResourceSelector): string[] => {
  const { text, params } = resourceQuery(selector);
  return (handle.prepare(`EXPLAIN QUERY PLAN ${text}`).all(...params) as { detail: string }[]).map((step) => step.detail);
};

const record = (id: string, state = 'acknowledged'): ResourceRecord => ({
  api: 'TMF622',
  resource: 'productOrder',
  id,
  doc: { id, state },
  state,
  createdAt: '2026-11-26T10:00:00.000Z',
  lastUpdate: '2026-11-26T10:00:00.000Z',
});

const event = (eventId: string) => ({
  eventId,
  eventType: 'ProductOrderCreateEvent',
  api: 'TMF622',
  resource: 'productOrder',
  resourceId: 'po-1',
  correlationId: 'c-1',
  eventTime: '2026-11-26T10:00:00.000Z',
  envelope: { eventId },
});

describe('the SQL store', () => {
  it('refuses a second resource with the same id without overwriting the first', async () => {
    const store = await fresh();
    expect(await store.insertResource(record('po-1'))).toBe(true);
    expect(await store.insertResource({ ...record('po-1'), doc: { id: 'po-1', state: 'other' } })).toBe(false);
    expect((await store.getResource('TMF622', 'productOrder', 'po-1'))?.doc).toEqual({ id: 'po-1', state: 'acknowledged' });
  });

  it('hands over the resources a selector names one at a time, as the listing gives them', async () => {
    const store = await fresh();
    for (const [id, state] of [['po-3', 'completed'], ['po-1', 'acknowledged'], ['po-2', 'completed']] as const) await store.insertResource(record(id, state));
    const selector = { api: 'TMF622', resource: 'productOrder', states: ['completed'] };
    const visited: string[] = [];
    await store.eachResource(selector, (found) => visited.push(found.id));
    expect(visited).toEqual(['po-3', 'po-2']);
    expect((await store.listResources(selector)).map((found) => found.id)).toEqual(visited);
  });

  it('commits a change and its event together, or neither', async () => {
    const store = await fresh();
    await expect(
      store.transaction(async (tx) => {
        await tx.insertResource(record('po-1'));
        await tx.appendEvent(event('e-1'));
        throw new Error('crash between write and commit');
      }),
    ).rejects.toThrow('crash');
    expect(await store.getResource('TMF622', 'productOrder', 'po-1')).toBeUndefined();
    expect(await store.listEvents({})).toEqual([]);

    await store.transaction(async (tx) => {
      await tx.insertResource(record('po-1'));
      await tx.appendEvent(event('e-1'));
    });
    expect(await store.listEvents({ correlationId: 'c-1' })).toHaveLength(1);
  });

  it('undoes a failed inner transaction and keeps the outer one going', async () => {
    const store = await fresh();
    await store.transaction(async (tx) => {
      await tx.insertResource(record('po-outer'));
      await expect(
        tx.transaction(async (inner) => {
          await inner.insertResource(record('po-inner'));
          await inner.appendEvent(event('e-inner'));
          throw new Error('inner work failed');
        }),
      ).rejects.toThrow('inner work failed');
      await tx.appendEvent(event('e-outer'));
    });
    expect(await store.getResource('TMF622', 'productOrder', 'po-outer')).toBeDefined();
    expect(await store.getResource('TMF622', 'productOrder', 'po-inner')).toBeUndefined();
    expect((await store.listEvents({})).map((e) => e.eventId)).toEqual(['e-outer']);
  });

  it('lets nothing outside a transaction see or join its uncommitted work', async () => {
    const store = await fresh();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const writing = store.transaction(async (tx) => {
      await tx.insertResource(record('po-1'));
      await gate;
      throw new Error('changed my mind');
    });
    const reading = store.getResource('TMF622', 'productOrder', 'po-1');
    const outsideWrite = store.insertResource(record('po-2'));
    release();
    await expect(writing).rejects.toThrow('changed my mind');
    expect(await reading).toBeUndefined();
    expect(await outsideWrite).toBe(true);
    expect(await store.getResource('TMF622', 'productOrder', 'po-2')).toBeDefined();
  });

  it("reads a resource's events oldest first, or newest first from the end of the log", async () => {
    const store = await fresh();
    for (const id of ['e-1', 'e-2', 'e-3']) await store.appendEvent(event(id));
    await store.appendEvent({ ...event('e-other'), resourceId: 'po-2' });
    expect((await store.listEvents({ resourceId: 'po-1', limit: 1 })).map((e) => e.eventId)).toEqual(['e-1']);
    expect((await store.listEvents({ resourceId: 'po-1', newestFirst: true, limit: 2 })).map((e) => e.eventId)).toEqual(['e-3', 'e-2']);
  });

  it('narrows lists by lifecycle state in SQL and keeps insertion order', async () => {
    const store = await fresh();
    await store.insertResource(record('a', 'acknowledged'));
    await store.insertResource(record('b', 'completed'));
    await store.insertResource(record('c', 'acknowledged'));
    const acknowledged = await store.listResources({ api: 'TMF622', resource: 'productOrder', states: ['acknowledged'] });
    expect(acknowledged.map((r) => r.id)).toEqual(['a', 'c']);
  });

  it('leaves out of a list only the documents dated certainly before a time', async () => {
    const store = await fresh();
    const dated = (id: string, end: unknown) => ({ ...record(id), doc: { id, validFor: { endDateTime: end } } });
    await store.insertResource(dated('past', '2026-11-20T10:00:00.000Z'));
    await store.insertResource(dated('yesterday', '2026-11-25T12:00:00-05:00'));
    await store.insertResource(dated('future', '2026-12-01T10:00:00Z'));
    await store.insertResource(dated('unreadable', 'Tue, 24 Nov 2026 10:00:00 GMT'));
    await store.insertResource(dated('undated', undefined));
    const listed = await store.listResources({ api: 'TMF622', resource: 'productOrder', notBefore: { path: ['validFor', 'endDateTime'], at: '2026-11-26T10:00:00.000Z' } });
    expect(listed.map((r) => r.id)).toEqual(['yesterday', 'future', 'unreadable', 'undated']);
  });

  it('reads the appointments dated from a time through their index, keeping the same documents', async () => {
    const { handle, store } = await inMemory();
    const appointment = (id: string, end: unknown, state = 'confirmed'): ResourceRecord => ({ ...record(id, state), api: 'TMF646', resource: 'appointment', doc: { id, validFor: { endDateTime: end } } });
    await store.insertResource(appointment('past', '2026-11-20T10:00:00.000Z'));
    await store.insertResource(appointment('yesterday', '2026-11-25T12:00:00-05:00'));
    await store.insertResource(appointment('future', '2026-12-01T10:00:00Z'));
    await store.insertResource(appointment('cancelled', '2026-12-01T10:00:00Z', 'cancelled'));
    await store.insertResource(appointment('unreadable', 'Tue, 24 Nov 2026 10:00:00 GMT'));
    await store.insertResource(appointment('undated', undefined));
    const selector = { api: 'TMF646', resource: 'appointment', states: ['confirmed'], notBefore: { path: ['validFor', 'endDateTime'], at: '2026-11-26T10:00:00.000Z' } };
    expect((await store.listResources(selector)).map((r) => r.id)).toEqual(['yesterday', 'future', 'unreadable', 'undated']);
    const plan = queryPlan(handle, selector);
    expect(plan.filter((detail) => detail.startsWith('SEARCH resource USING INDEX appointment_by_end'))).toHaveLength(2);
    expect(plan.filter((detail) => detail.startsWith('SCAN'))).toEqual([]);
  });

  it('reads the network inventory by category through its index, keeping the same documents', async () => {
    const { handle, store } = await inMemory();
    const inventory = (id: string, category: string, bng?: string, state = 'available'): ResourceRecord => ({ ...record(id, state), api: 'TMF639', resource: 'resource', doc: { id, category, ...(bng && { bng }) } });
    await store.insertResource(inventory('port-1', 'PON port'));
    await store.insertResource(inventory('session-1', 'BNG session', 'bng-a'));
    await store.insertResource(inventory('drop-1', 'Fibre drop'));
    await store.insertResource(inventory('session-2', 'BNG session', 'bng-b', 'reserved'));
    await store.insertResource(inventory('session-3', 'BNG session', 'bng-a'));
    // Another collection's document of the same category is not inventory.
    await store.insertResource({ ...record('elsewhere'), doc: { id: 'elsewhere', category: 'BNG session' } });
    const list = async (selector: ResourceSelector) => (await store.listResources(selector)).map((r) => r.id);
    const sessions: ResourceSelector = { api: 'TMF639', resource: 'resource', attributes: { category: 'BNG session' } };
    expect(await list(sessions)).toEqual(['session-1', 'session-2', 'session-3']);
    expect(await list({ ...sessions, states: ['available'] })).toEqual(['session-1', 'session-3']);
    expect(await list({ ...sessions, attributes: { category: 'BNG session', bng: 'bng-b' } })).toEqual(['session-2']);
    expect(await list({ ...sessions, attributes: { category: 'PON port' } })).toEqual(['port-1']);
    for (const selector of [sessions, { ...sessions, states: ['available'] }, { ...sessions, attributes: { category: 'BNG session', bng: 'bng-b' } }]) {
      const plan = queryPlan(handle, selector);
      expect(plan.filter((detail) => detail.startsWith('SEARCH resource USING INDEX resource_by_category'))).toHaveLength(1);
      expect(plan.filter((detail) => detail.startsWith('SCAN'))).toEqual([]);
    }
  });

  it('reads addresses by street through the street indexes, however the street is written', async () => {
    const { handle, store } = await inMemory();
    const address = (id: string, streetName: string, streetType?: string): ResourceRecord => ({ ...record(id), api: 'TMF673', resource: 'geographicAddress', doc: { id, streetName, ...(streetType && { streetType }) } });
    await store.insertResource(address('maple', 'Maple', 'Avenue'));
    await store.insertResource(address('maple-in-one', 'MAPLE AVE.'));
    await store.insertResource(address('birch', 'Birch', 'St'));
    await store.insertResource(address('maple-st', 'Maple', 'Street'));
    await store.insertResource({ ...record('not-an-address'), doc: { id: 'not-an-address', streetName: 'Maple', streetType: 'Ave' } });
    const selector = (keys: Record<string, string[]>): ResourceSelector => ({ api: 'TMF673', resource: 'geographicAddress', keys });
    const list = async (keys: Record<string, string[]>) => (await store.listResources(selector(keys))).map((r) => r.id);
    expect(await list({ street: ['maple ave'] })).toEqual(['maple', 'maple-in-one']);
    expect(await list({ streetName: ['maple'] })).toEqual(['maple', 'maple-st']);
    expect(await list({ street: ['maple ave', 'maple'], streetName: ['maple'] })).toEqual(['maple', 'maple-in-one', 'maple-st']);
    expect(await list({ street: [] })).toEqual([]);
    // An attribute is its stored value, not the street as compared: the street indexes do not serve it.
    const byAttribute = await store.listResources({ api: 'TMF673', resource: 'geographicAddress', attributes: { streetName: 'Maple' } });
    expect(byAttribute.map((r) => r.id)).toEqual(['maple', 'maple-st']);
    await store.replaceResource(address('birch', 'Maple', 'Ave'));
    expect(await list({ street: ['maple ave'] })).toEqual(['maple', 'maple-in-one', 'birch']);
    const plan = queryPlan(handle, selector({ street: ['maple ave'], streetName: ['maple'] }));
    expect(plan.filter((detail) => /^SEARCH resource USING INDEX address_by_street(_name)? /.test(detail))).toHaveLength(2);
    expect(plan.filter((detail) => detail.startsWith('SCAN resource'))).toEqual([]);
    await expect(store.listResources({ api: 'TMF673', resource: 'geographicAddress', keys: { postcode: ['M4M 2K1'] } })).rejects.toThrow('TMF673/geographicAddress has no key postcode');
  });

  it('refuses a write to the resource table from a connection without the functions its indexes need', async () => {
    const path = join(tempDir('spine-functions-'), 'spine.db');
    const store = await openStore(path);
    stores.push(store);
    const other = new SQLite(path);
    try {
      expect(() => other.prepare("INSERT INTO resource (api, resource, id, doc, created_at, last_update) VALUES ('TMF673', 'geographicAddress', 'x', '{}', 't', 't')").run()).toThrow(/spine_address/);
      expect(other.prepare('SELECT count(*) AS n FROM resource').get()).toEqual({ n: 0 });
    } finally {
      other.close();
    }
  });

  it.each([
    ['a transaction', (store: Store, doc: ResourceRecord) => store.transaction((tx) => tx.insertResource(doc))],
    ['a write outside a transaction', (store: Store, doc: ResourceRecord) => store.insertResource(doc)],
  ])('%s waits for a write lock another connection holds without freezing the event loop', async (_, write) => {
    const path = join(tempDir('spine-lock-'), 'spine.db');
    const store = await openStore(path);
    stores.push(store);
    const other = new SQLite(path);
    other.prepare('BEGIN IMMEDIATE').run();
    setTimeout(() => other.prepare('COMMIT').run(), 300);
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 5);
    try {
      await write(store, record('after-the-lock'));
    } finally {
      clearInterval(ticker);
      other.close();
    }
    // A busy handler sleeping in SQLite would have let no timer run until the lock was released.
    expect(ticks).toBeGreaterThan(20);
    expect((await store.getResource('TMF622', 'productOrder', 'after-the-lock'))?.id).toBe('after-the-lock');
  });

  it('lists runs and fallout started within one clock tick newest first, as they were stored', async () => {
    const store = await fresh();
    const ids = ['run-b', 'run-a', 'run-c'];
    for (const id of ids) {
      await store.insertRun({ id, scenario: 's', status: 'held', correlationId: `c-${id}`, input: {}, context: {}, error: null, createdAt: 't0', updatedAt: 't0' });
      await store.putFallout({ id: `fo-${id}`, runId: id, status: 'open', entry: {}, createdAt: 't0', updatedAt: 't0' });
    }
    expect((await store.listRuns({})).map((r) => r.id)).toEqual(['run-c', 'run-a', 'run-b']);
    expect((await store.listFallout({})).map((f) => f.id)).toEqual(['fo-run-c', 'fo-run-a', 'fo-run-b']);
  });

  it('pages and counts what a selector names from the index, reading only the documents of the page', async () => {
    const { handle, store } = await inMemory();
    for (let n = 0; n < 9; n++) await store.insertResource(record(`po-${n}`, n % 2 ? 'completed' : 'acknowledged'));
    for (const states of [undefined, ['acknowledged'], ['completed', 'acknowledged'], []]) {
      const selector = { api: 'TMF622', resource: 'productOrder', states };
      const everything = (await store.listResources(selector)).map((r) => r.id);
      for (const [offset, limit] of [[0, 3], [2, 4], [8, 5], [12, 1]] as const) {
        const { records, total } = await store.pageResources(selector, offset, limit);
        expect([records.map((r) => r.id), total]).toEqual([everything.slice(offset, offset + limit), everything.length]);
      }
      const { count, page, params } = resourcePageQuery(selector);
      const plan = (text: string, ...extra: unknown[]) => (handle.prepare(`EXPLAIN QUERY PLAN ${text}`).all(...params, ...extra) as { detail: string }[]).map((step) => step.detail);
      for (const steps of [plan(count), plan(page, 5, 0)]) {
        expect(steps.filter((detail) => detail.startsWith('SCAN resource') || (detail.startsWith('SEARCH resource USING INDEX')))).toEqual([]);
      }
      expect(plan(page, 5, 0)).toContain('SEARCH resource USING INTEGER PRIMARY KEY (rowid=?)');
    }
  });

  it('narrows a list to the documents whose attributes have the given values', async () => {
    const store = await fresh();
    const typed = (id: string, category: unknown) => ({ ...record(id), doc: { id, category, 'odd "key"': category } });
    await store.insertResource(typed('a', 'bngSession'));
    await store.insertResource(typed('b', 'ponPort'));
    await store.insertResource(typed('c', 1));
    await store.insertResource(typed('d', 'bngSession'));
    const listed = await store.listResources({ api: 'TMF622', resource: 'productOrder', attributes: { category: 'bngSession', 'odd "key"': 'bngSession' } });
    expect(listed.map((r) => r.id)).toEqual(['a', 'd']);
  });

  it('keeps a delivery pending until it is recorded as delivered, and cancels it when its hub goes', async () => {
    const store = await fresh();
    const stored = await store.appendEvent(event('e-1'));
    await store.insertHub({ id: 'h1', api: 'TMF622', topicId: null, callback: 'http://127.0.0.1:9', query: null, createdAt: 'now' });
    await store.insertDelivery({ eventSeq: stored.seq, hubId: 'h1', status: 'pending', nextAttemptAt: '2026-11-26T10:00:00.000Z' });
    const lease = (now: string) => store.leaseDeliveries({ now, until: '2026-11-26T10:00:06.000Z', hubs: 10, perHub: 10, busyHubs: [] });
    expect(await lease('2026-11-26T09:59:59.000Z')).toEqual([]);
    const [due] = await lease('2026-11-26T10:00:00.000Z');
    await store.recordDeliveryAttempt(due!.seq, { delivered: false, at: '2026-11-26T10:00:00.000Z', nextAttemptAt: '2026-11-26T10:00:01.000Z', error: 'refused' });
    expect(await lease('2026-11-26T10:00:00.500Z')).toEqual([]);
    expect(await store.nextDeliveryTime()).toBe('2026-11-26T10:00:01.000Z');
    await store.deleteHub('h1');
    expect((await store.listDeliveries())[0]).toMatchObject({ status: 'cancelled', attempts: 1, lastError: 'refused' });
    // An answer that comes after the hub went does not bring the delivery back.
    await store.recordDeliveryAttempt(due!.seq, { delivered: false, at: '2026-11-26T10:00:01.000Z', nextAttemptAt: '2026-11-26T10:00:02.000Z', error: 'refused' });
    expect((await store.listDeliveries())[0]).toMatchObject({ status: 'cancelled', attempts: 1 });
    expect(await store.nextDeliveryTime()).toBeUndefined();
  });

  it("claims the oldest due deliveries of the hubs due first, none of a busy hub, and not again until the lease ends", async () => {
    const store = await fresh();
    const events = [await store.appendEvent(event('e-1')), await store.appendEvent(event('e-2')), await store.appendEvent(event('e-3'))];
    const at = '2026-11-26T10:00:00.000Z';
    const until = '2026-11-26T10:00:06.000Z';
    for (const hubId of ['h1', 'h2', 'h3']) for (const { seq } of events) await store.insertDelivery({ eventSeq: seq, hubId, status: 'pending', nextAttemptAt: at });
    const claim = (selector: { hubs: number; perHub: number; busyHubs?: string[]; hubId?: string }) => store.leaseDeliveries({ now: at, until, busyHubs: [], ...selector });
    const shown = (claimed: { hubId: string; eventSeq: number }[]) => claimed.map((d) => `${d.hubId}:${events.findIndex((e) => e.seq === d.eventSeq) + 1}`);

    const first = await claim({ hubs: 2, perHub: 2, busyHubs: ['h2'] });
    expect(shown(first)).toEqual(['h1:1', 'h1:2', 'h3:1', 'h3:2']);
    expect(first.every((d) => d.nextAttemptAt === until && d.event?.seq === d.eventSeq)).toBe(true);
    // Claimed ones are not due; the rest are, a hub's own when asked for.
    expect(shown(await claim({ hubs: 5, perHub: 5, hubId: 'h3' }))).toEqual(['h3:3']);
    expect(await store.nextDeliveryTime(['h1', 'h2'])).toBe(until);
    expect(await store.nextDeliveryTime(['h2'])).toBe(at);
    expect(shown(await claim({ hubs: 5, perHub: 5 }))).toEqual(['h1:3', 'h2:1', 'h2:2', 'h2:3']);
    // A claimed one whose sender died before recording it is due again when its lease ends.
    const later = await store.leaseDeliveries({ now: until, until: '2026-11-26T10:00:12.000Z', hubs: 5, perHub: 1, busyHubs: [] });
    expect(shown(later)).toEqual(['h1:1', 'h2:1', 'h3:1']);
    expect((await store.listDeliveries()).every((d) => d.attempts === 0 && d.status === 'pending')).toBe(true);
  });

  it("counts each hub's deliveries by status, of one journey's events when asked", async () => {
    const store = await fresh();
    const first = await store.appendEvent(event('e-1'));
    const second = await store.appendEvent({ ...event('e-2'), correlationId: 'c-2' });
    const deliver = (eventSeq: number, hubId: string) => store.insertDelivery({ eventSeq, hubId, status: 'pending', nextAttemptAt: '2026-11-26T10:00:00.000Z' });
    await deliver(first.seq, 'h1');
    await deliver(second.seq, 'h1');
    await deliver(second.seq, 'h2');
    const [due] = await store.leaseDeliveries({ now: '2026-11-26T10:00:00.000Z', until: '2026-11-26T10:00:06.000Z', hubs: 1, perHub: 1, busyHubs: [] });
    await store.recordDeliveryAttempt(due!.seq, { delivered: true, at: '2026-11-26T10:00:00.000Z' });
    const sorted = (counts: { hubId: string; status: string }[]) => [...counts].sort((a, b) => `${a.hubId}${a.status}`.localeCompare(`${b.hubId}${b.status}`));
    expect(sorted(await store.countDeliveries({}))).toEqual([
      { hubId: 'h1', status: 'delivered', count: 1 },
      { hubId: 'h1', status: 'pending', count: 1 },
      { hubId: 'h2', status: 'pending', count: 1 },
    ]);
    expect(sorted(await store.countDeliveries({ correlationId: 'c-2' }))).toEqual([
      { hubId: 'h1', status: 'pending', count: 1 },
      { hubId: 'h2', status: 'pending', count: 1 },
    ]);
    expect(await store.countDeliveries({ correlationId: 'c-none' })).toEqual([]);
  });

  it("lists a hub's deliveries in the order they were written, of one journey's events when asked", async () => {
    const store = await fresh();
    const [e1, e2, e3] = [await store.appendEvent(event('e-1')), await store.appendEvent({ ...event('e-2'), correlationId: 'c-2' }), await store.appendEvent(event('e-3'))];
    const deliver = (eventSeq: number, hubId: string) => store.insertDelivery({ eventSeq, hubId, status: 'pending', nextAttemptAt: '2026-11-26T10:00:00.000Z' });
    for (const [{ seq }, hubId] of [[e3, 'h1'], [e1, 'h2'], [e1, 'h1'], [e2, 'h1'], [e3, 'h2']] as const) await deliver(seq, hubId);
    const listed = async (selector: Parameters<Store['listDeliveries']>[0]) => (await store.listDeliveries(selector)).map((d) => `${d.hubId}:${d.eventId}`);
    expect(await listed({ hubId: 'h1' })).toEqual(['h1:e-3', 'h1:e-1', 'h1:e-2']);
    expect(await listed({ hubId: 'h1', correlationId: 'c-1' })).toEqual(['h1:e-3', 'h1:e-1']);
    expect(await listed({ hubId: 'h1', correlationId: 'c-1', limit: 1 })).toEqual(['h1:e-3']);
    expect(await listed({ hubId: 'h2', correlationId: 'c-2' })).toEqual([]);
  });
});

describe('documents shared by events and exchanges', () => {
  const order = { id: 'po-1', state: 'inProgress', note: 'x'.repeat(200) };
  const envelope = (eventId: string, eventType: string, extra: Record<string, unknown> = {}) => ({
    ...buildEnvelope({ eventId, eventType, payloadKey: 'productOrder', payload: order, correlationId: 'c-1', domain: 'productOrderingManagement', at: '2026-11-26T10:00:00.000Z' }),
    ...extra,
  });
  const appended = (eventId: string, env: Record<string, unknown>) => ({ ...event(eventId), eventType: String(env.eventType), envelope: env });
  const exchange = { runId: 'run-1', step: 's', correlationId: 'c-1', from: 'som', to: 'com', api: 'TMF622', method: 'PATCH', path: '/p', request: { state: 'inProgress' }, response: order, status: 200, startedAt: 'a', endedAt: 'b', events: ['e-1', 'e-2'] };

  it('serves every event and exchange whole, in the same JSON, whatever they share', async () => {
    const store = await fresh();
    const envelopes = [envelope('e-1', 'ProductOrderStateChangeEvent'), envelope('e-2', 'ProductOrderAttributeValueChangeEvent', { priority: 'high' }), { eventId: 'e-3', eventType: 'Custom', event: { a: 1, b: 2 } }];
    await store.transaction(async (tx) => {
      for (const [i, env] of envelopes.entries()) await tx.appendEvent(appended(`e-${i + 1}`, env));
      await tx.appendExchange(exchange);
      await tx.appendExchange({ ...exchange, response: { other: true }, events: [] });
    });
    const events = await store.listEvents({});
    expect(events.map((e) => JSON.stringify(e.envelope))).toEqual(envelopes.map((e) => JSON.stringify(e)));
    expect(JSON.stringify(await store.getEvent('e-2'))).toBe(JSON.stringify(events[1]));
    expect((await store.listExchanges({ runId: 'run-1' })).map((x) => [x.response, x.events])).toEqual([[order, ['e-1', 'e-2']], [{ other: true }, []]]);
  });

  it('points nothing at a document whose event was undone with its savepoint', async () => {
    const store = await fresh();
    await store.transaction(async (tx) => {
      await expect(
        tx.transaction(async (inner) => {
          await inner.appendEvent(appended('e-1', envelope('e-1', 'ProductOrderStateChangeEvent')));
          throw new Error('step failed');
        }),
      ).rejects.toThrow('step failed');
      await tx.appendExchange(exchange);
    });
    expect(await store.listEvents({})).toEqual([]);
    expect((await store.listExchanges({}))[0]?.response).toEqual(order);
  });
});

describe("a run's context", () => {
  it('reads back as last set, whether a step changed it, handed it back as read, or changed one attribute in place', async () => {
    const store = await fresh();
    await store.insertRun({ id: 'run-1', scenario: 's', status: 'running', correlationId: 'c-1', input: {}, context: { a: 1 }, error: null, createdAt: 't0', updatedAt: 't0' });
    const contexts: Record<string, unknown>[] = [];
    await store.transaction(async (tx) => {
      const run = (await tx.getRun('run-1'))!;
      await tx.updateRun('run-1', { context: { ...run.context }, status: 'held', updatedAt: 't1' });
      contexts.push((await tx.getRun('run-1'))!.context);
      const again = (await tx.getRun('run-1'))!;
      await tx.updateRun('run-1', { context: { ...again.context, a: 2, b: 3 } });
      contexts.push((await tx.getRun('run-1'))!.context);
    });
    expect(contexts).toEqual([{ a: 1 }, { a: 2, b: 3 }]);
    expect(await store.getRun('run-1')).toMatchObject({ status: 'held', updatedAt: 't1', context: { a: 2, b: 3 } });
  });
});

/** A database file with the migrations up to `name` applied, to store rows as an older Spine did. */
async function databaseMigratedTo(name: string) {
  const path = join(tempDir('spine-links-'), 'spine.db');
  const database = new SQLite(path);
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database }) });
  const { error } = await new Migrator({ db, provider: { getMigrations: async () => migrations } }).migrateTo(name);
  expect(error).toBeUndefined();
  return { path, database, db };
}

describe('runs found by an id of their golden thread', () => {
  const runOf = (id: string, thread: string[], createdAt: string, extra: Record<string, unknown> = {}) => ({
    id, scenario: 's', status: 'running', correlationId: `c-${id}`, input: {}, error: null, createdAt, updatedAt: createdAt,
    context: { ...extra, thread: thread.map((linked) => ({ role: 'r', api: 'TMF639', resource: 'resource', id: linked })) },
  });

  it('as the thread grows, newest first, and not by any other text of the context', async () => {
    const store = await fresh();
    await store.insertRun(runOf('run-1', ['cust-1', 'port-1'], 't1', { reservationId: 'po-2', note: 'not part of the thread' }));
    await store.insertRun(runOf('run-2', ['cust-2'], 't2'));
    await store.transaction(async (tx) => {
      const run = (await tx.getRun('run-2'))!;
      await tx.updateRun('run-2', { context: { ...run.context, thread: [...(run.context.thread as object[]), { id: 'po-2' }, { id: 'port-1' }] } });
    });
    await store.updateRun('run-1', { context: runOf('run-1', ['cust-1', 'port-1', 'so-1'], 't1', { reservationId: 'po-2' }).context });
    const found = async (id: string) => (await store.listRuns({ mentioning: id })).map((run) => run.id);
    expect(await found('po-2')).toEqual(['run-2']);
    expect(await found('port-1')).toEqual(['run-2', 'run-1']);
    expect(await found('so-1')).toEqual(['run-1']);
    expect(await found('not part of the thread')).toEqual([]);
  });

  it('and by the id of anything its calls created, not of what they read or were refused', async () => {
    const store = await fresh();
    await store.insertRun(runOf('run-1', ['cust-1'], 't1'));
    const call = (method: string, status: number, response: unknown, runId: string | null = 'run-1') => ({
      runId, step: 'a-step', correlationId: 'c-run-1', from: 'channel', to: 'com', api: 'TMF673', method, path: '/x', request: {}, response, status, startedAt: 't1', endedAt: 't1', events: [],
    });
    await store.transaction(async (tx) => {
      await tx.appendExchange(call('POST', 201, { id: 'validation-1' }));
      await tx.appendExchange(call('GET', 200, { id: 'read-1' }));
      await tx.appendExchange(call('POST', 409, { id: 'refused-1' }));
      await tx.appendExchange(call('POST', 201, { id: 'unthreaded-1' }, null));
    });
    const found = async (id: string) => (await store.listRuns({ mentioning: id })).map((run) => run.id);
    expect(await found('validation-1')).toEqual(['run-1']);
    expect([await found('read-1'), await found('refused-1'), await found('unthreaded-1')]).toEqual([[], [], []]);
  });

  it('including runs stored before the thread was indexed', async () => {
    const { path, database, db } = await databaseMigratedTo('0013-delivery-indexes');
    const old = runOf('run-old', ['po-old', 'port-1'], 't0');
    database
      .prepare('INSERT INTO run (id, scenario, status, correlation_id, input, context, error, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(old.id, old.scenario, old.status, old.correlationId, '{}', JSON.stringify(old.context), null, old.createdAt, old.updatedAt);
    await db.destroy();
    const store = await openStore(path);
    stores.push(store);
    expect((await store.listRuns({ mentioning: 'po-old' })).map((run) => run.id)).toEqual(['run-old']);
  });

  it("including runs whose exchanges were stored before created ids were indexed, whether or not the answer was shared with an event", async () => {
    const { path, database, db } = await databaseMigratedTo('0015-dated-indexes');
    const exchange = database.prepare(
      `INSERT INTO exchange (run_id, step, correlation_id, from_actor, to_actor, api, method, path, request, response, response_event, status, started_at, ended_at)
       VALUES (?, 's', 'c', 'channel', 'com', 'TMF673', ?, '/x', NULL, ?, ?, ?, 't0', 't0')`,
    );
    const { lastInsertRowid } = database
      .prepare(`INSERT INTO event (event_id, event_type, api, resource, resource_id, event_time, envelope, payload) VALUES ('e-1', 'T', 'TMF702', 'resource', 'act-1', 't0', '{}', ?)`)
      .run(JSON.stringify({ id: 'act-1', state: 'completed' }));
    exchange.run('run-old', 'POST', JSON.stringify({ id: 'validation-old' }), null, 201);
    exchange.run('run-old', 'POST', null, lastInsertRowid, 201);
    exchange.run('run-old', 'GET', JSON.stringify({ id: 'read-old' }), null, 200);
    exchange.run('run-old', 'POST', 'not json', null, 201);
    await db.destroy();
    const store = await openStore(path);
    stores.push(store);
    const found = async (id: string) => (await store.listRuns({ mentioning: id })).map((run) => run.id);
    await store.insertRun(runOf('run-old', [], 't0'));
    expect([await found('validation-old'), await found('act-1'), await found('read-old')]).toEqual([['run-old'], ['run-old'], []]);
  });
});

describe('reads remembered across transactions', () => {
  it('see what another connection to the same file committed since', async () => {
    const path = join(tempDir('spine-cache-'), 'spine.db');
    const mine = await openStore(path);
    const other = await openStore(path);
    stores.push(mine, other);
    await mine.insertResource(record('po-1'));
    await mine.insertRun({ id: 'run-1', scenario: 's', status: 'running', correlationId: 'c-1', input: {}, context: {}, error: null, createdAt: 't0', updatedAt: 't0' });
    await mine.transaction(async (tx) => {
      expect((await tx.getResource('TMF622', 'productOrder', 'po-1'))?.state).toBe('acknowledged');
      expect((await tx.getRun('run-1'))?.status).toBe('running');
    });
    await other.replaceResource(record('po-1', 'inProgress'));
    await other.updateRun('run-1', { status: 'held', updatedAt: 't1' });
    await mine.transaction(async (tx) => {
      expect((await tx.getResource('TMF622', 'productOrder', 'po-1'))?.state).toBe('inProgress');
      expect((await tx.getRun('run-1'))?.status).toBe('held');
    });
    expect((await mine.getResource('TMF622', 'productOrder', 'po-1'))?.doc).toEqual({ id: 'po-1', state: 'inProgress' });
  });

  it('forget what a rolled back transaction or savepoint wrote, and hand out documents no reader can change', async () => {
    const store = await fresh();
    await store.insertResource(record('po-1'));
    await store.insertRunStep({ runId: 'run-1', position: 0, step: 'first', status: 'pending', nextRunAt: 't0' });
    await expect(
      store.transaction(async (tx) => {
        await tx.replaceResource(record('po-1', 'inProgress'));
        await tx.updateRunStep('run-1', 0, { status: 'done', attempts: 1 });
        throw new Error('crash before commit');
      }),
    ).rejects.toThrow('crash');
    expect((await store.getResource('TMF622', 'productOrder', 'po-1'))?.state).toBe('acknowledged');
    expect(await store.getRunStep('run-1', 0)).toMatchObject({ status: 'pending', attempts: 0 });
    await store.transaction(async (tx) => {
      await expect(
        tx.transaction(async (inner) => {
          await inner.replaceResource(record('po-1', 'held'));
          throw new Error('step failed');
        }),
      ).rejects.toThrow('step failed');
      expect((await tx.getResource('TMF622', 'productOrder', 'po-1'))?.state).toBe('acknowledged');
    });
    const read = (await store.getResource('TMF622', 'productOrder', 'po-1'))!;
    expect(() => {
      read.doc.state = 'scribbled on';
    }).toThrow(TypeError);
    expect((await store.getResource('TMF622', 'productOrder', 'po-1'))?.doc.state).toBe('acknowledged');
  });
});

describe('id sequences', () => {
  it('counts from 1, or from a seeded start, and a seed never rewinds a used sequence', async () => {
    const store = await fresh();
    expect(await store.nextInSequence('a')).toBe(1);
    expect(await store.nextInSequence('a')).toBe(2);
    expect(await store.seedSequence('b', 789)).toBe(true);
    expect(await store.nextInSequence('b')).toBe(789);
    expect(await store.seedSequence('b', 1)).toBe(false);
    expect(await store.nextInSequence('b')).toBe(790);
  });
});

describe('the SQLite file', () => {
  it('gets the WAL copied back by the checkpoint worker while the store keeps writing', async () => {
    const path = join(tempDir('spine-wal-'), 'spine.db');
    const store = await openStore(path);
    stores.push(store);
    const before = statSync(path).size;
    for (let batch = 0; batch < 20; batch++) {
      await store.transaction(async (tx) => {
        for (let i = 0; i < 50; i++) await tx.insertResource({ ...record(`po-${batch}-${i}`), doc: { id: `po-${batch}-${i}`, note: 'x'.repeat(1000) } });
      });
    }
    await expect.poll(() => statSync(path).size, { timeout: 5000, interval: 50 }).toBeGreaterThan(before + 1_000_000);
    expect((await store.listResources({ api: 'TMF622', resource: 'productOrder' })).length).toBe(1000);
  });
});
