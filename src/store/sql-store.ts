import { setTimeout as sleep } from 'node:timers/promises';
import { sql, type Selectable } from 'kysely';
import type { DeliveryRecord, DeliveryStatus, Doc, EventRecord, ExchangeRecord, FalloutRecord, HubRecord, ResourceRecord, ResourceSelector, RunRecord, RunStepRecord, Store } from './port.js';
import type { ArmedFaultTable, DeliveryTable, EventTable, ExchangeTable, FalloutTable, HubTable, ResourceTable, RunStepTable, RunTable } from './schema.js';
import { BUSY_TIMEOUT_MS, type SqliteHandle } from './sqlite.js';
import { joinEnvelope, splitEnvelope } from './event-payload.js';
import { documentJson, isFrozenDocument, parseDocument } from './document-json.js';
import { createReadCache, resourceKey, runLinkKey, runStepKey, type ReadCache } from './read-cache.js';

type Operations = Omit<Store, 'transaction' | 'onDeliveriesCommitted' | 'close'>;

/**
 * The SQL adapter of the store port on SQLite. Composed queries go through Kysely; the statements
 * every journey step runs are prepared once and run directly. Spine manages the transactions itself:
 * one at a time on the one connection, and anything outside a transaction waits for it to end, so no
 * caller ever sees (or joins) another's uncommitted work.
 */
export function createSqlStore(handle: SqliteHandle): Store {
  const listeners: Array<() => void> = [];
  const notify = () => listeners.forEach((listener) => listener());
  const exclusive = createLock();
  const cache = createReadCache(handle);

  function transactionStore(unit: { wroteDeliveries: boolean }): Store {
    const payloads = new Map<string, number>();
    const store: Store = {
      ...operations(handle, () => (unit.wroteDeliveries = true), payloads, cache),
      // Nested: a savepoint, so work that fails inside a transaction leaves nothing of itself behind.
      async transaction(work) {
        handle.prepare('SAVEPOINT nested').run();
        try {
          const result = await work(store);
          handle.prepare('RELEASE nested').run();
          return result;
        } catch (error) {
          handle.prepare('ROLLBACK TO nested').run();
          // Rows written since the savepoint are gone: nothing may point at their payloads or be read from the cache.
          payloads.clear();
          cache.clear();
          handle.prepare('RELEASE nested').run();
          throw error;
        }
      },
      onDeliveriesCommitted: (listener) => listeners.push(listener),
      close: async () => undefined,
    };
    return store;
  }

  const transaction: Store['transaction'] = (work) =>
    exclusive(async () => {
      const unit = { wroteDeliveries: false };
      await beginWrite(handle);
      let result;
      try {
        cache.revalidate();
        result = await work(transactionStore(unit));
        handle.prepare('COMMIT').run();
      } catch (error) {
        if (handle.inTransaction()) handle.prepare('ROLLBACK').run();
        cache.clear();
        throw error;
      }
      if (unit.wroteDeliveries) notify();
      return result;
    });

  // Outside a transaction a write is a transaction of its own, so it waits for the lock as one does.
  const outside = operations(handle, notify, new Map(), cache);
  const locked = Object.fromEntries(
    Object.entries(outside).map(([name, operation]) => [
      name,
      writes[name as keyof Operations]
        ? (...args: unknown[]) => transaction((tx) => (tx[name as keyof Operations] as (...a: unknown[]) => Promise<unknown>)(...args))
        : (...args: unknown[]) =>
            exclusive(() => {
              cache.revalidate();
              return (operation as (...a: unknown[]) => Promise<unknown>)(...args);
            }),
    ]),
  ) as Operations;

  return {
    ...locked,
    transaction,
    onDeliveriesCommitted: (listener) => listeners.push(listener),
    close: () => exclusive(() => handle.close()),
  };
}

/** Which operations write. */
const writes: Record<keyof Operations, boolean> = {
  getResource: false,
  listResources: false,
  eachResource: false,
  pageResources: false,
  insertResource: true,
  replaceResource: true,
  deleteResource: true,
  appendEvent: true,
  listEvents: false,
  getEvent: false,
  insertHub: true,
  getHub: false,
  deleteHub: true,
  listHubs: false,
  insertDelivery: true,
  leaseDeliveries: true,
  nextDeliveryTime: false,
  recordDeliveryAttempt: true,
  releaseDeliveries: true,
  listDeliveries: false,
  countDeliveries: false,
  nextInSequence: true,
  seedSequence: true,
  insertRun: true,
  getRun: false,
  updateRun: true,
  listRuns: false,
  insertRunStep: true,
  updateRunStep: true,
  dueRunSteps: false,
  listRunSteps: false,
  getRunStep: false,
  nextRunStepTime: false,
  appendExchange: true,
  listExchanges: false,
  latestActivity: false,
  getIdempotentResponse: false,
  putIdempotentResponse: true,
  putFallout: true,
  getFallout: false,
  listFallout: false,
  putArmedFault: true,
  deleteArmedFault: true,
  listArmedFaults: false,
  markDatasetLoaded: true,
};

/**
 * Begins a write transaction, waiting for a write lock another connection holds (the checkpointer
 * starting the WAL over, a CLI on the same file) by polling it every millisecond. SQLite's own busy
 * handler would sleep instead, freezing the event loop, and in steps that grow to 100 ms: each WAL
 * restart cost a journey 18 to 34 ms where the lock was held for a few.
 */
async function beginWrite(handle: SqliteHandle): Promise<void> {
  const giveUpAt = Date.now() + BUSY_TIMEOUT_MS;
  for (let busy = handle.tryBeginWrite(); busy; busy = handle.tryBeginWrite()) {
    if (Date.now() > giveUpAt) throw busy;
    await sleep(1);
  }
}

/** Runs async work one at a time, in call order. */
function createLock() {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>): Promise<T> => {
    const result = tail.then(work);
    tail = result.catch(() => undefined);
    return result;
  };
}

// How many recent payloads a unit of work remembers for later events and exchanges to point at.
const SHARED_PAYLOADS = 32;

/**
 * Every store operation on the connection; `wroteDeliveries` is told when a delivery row is written.
 * `payloads` maps the JSON of the resources a unit of work's recent events stored to their event's
 * seq, so an event or an exchange carrying the same document points at it instead of storing it again.
 */
function operations(handle: SqliteHandle, wroteDeliveries: () => void, payloads: Map<string, number>, cache: ReadCache): Operations {
  const { runs, hubs, resources, runSteps, links } = cache;
  const q = handle.db;
  const run = (text: string, ...params: unknown[]) => handle.prepare(text).run(...params);
  const one = <T>(text: string, ...params: unknown[]) => handle.prepare(text).get(...params) as T | undefined;
  const all = <T>(text: string, ...params: unknown[]) => handle.prepare(text).all(...params) as T[];
  // Sets the columns given a value (undefined: left alone); the SQL text, and so the prepared statement, is one per column set.
  const updateRow = (table: string, columns: Record<string, unknown>, where: string, keys: unknown[]) => {
    const set = Object.entries(definedOnly(columns));
    if (!set.length) return;
    run(`UPDATE ${table} SET ${set.map(([column]) => `${column} = ?`).join(', ')} WHERE ${where}`, ...set.map(([, value]) => value), ...keys);
  };
  const eventBySeq = (seq: number) => {
    const row = one<EventRow>(`${SELECT_EVENT} WHERE e.seq = ?`, seq);
    return row && toEvent(row);
  };
  // Threads grow by appending: only links the stored context did not have are written.
  const linkThread = (runId: string, context: Doc, stored?: Doc) => {
    const known = new Set(stored && threadIds(stored));
    for (const id of threadIds(context)) if (!known.has(id)) link(id, runId);
  };
  // An id a POST created usually joins the thread too: it is written once.
  const link = (id: string, runId: string) => {
    const key = runLinkKey(id, runId);
    if (links.has(key)) return;
    run('INSERT INTO run_link (id, run_id) VALUES (?, ?) ON CONFLICT DO NOTHING', id, runId);
    links.add(key);
  };
  return {
    async getResource(api, resource, id) {
      const key = resourceKey(api, resource, id);
      let row = resources.get(key);
      if (row === undefined) {
        row = one<Selectable<ResourceTable>>('SELECT * FROM resource WHERE api = ? AND resource = ? AND id = ?', api, resource, id) ?? null;
        resources.set(key, row);
      }
      return row ? toResource(row, cachedDocument(row)) : undefined;
    },
    async listResources(selector) {
      const { text, params } = resourceQuery(selector);
      return all<Selectable<ResourceTable>>(text, ...params).map((row) => toResource(row));
    },
    async pageResources(selector, offset, limit) {
      const { count, page, params } = resourcePageQuery(selector);
      // One snapshot for both reads, inside a transaction or not.
      handle.prepare('SAVEPOINT page').run();
      try {
        const { total } = one<{ total: number }>(count, ...params)!;
        const rows = all<Selectable<ResourceTable>>(page, ...params, limit, offset);
        return { records: rows.map((row) => toResource(row)), total };
      } finally {
        handle.prepare('RELEASE page').run();
      }
    },
    async eachResource(selector, visit) {
      const { text, params } = resourceQuery(selector);
      for (const row of handle.prepare(text).iterate(...params) as Iterable<Selectable<ResourceTable>>) visit(toResource(row));
    },
    async insertResource(record) {
      const key = resourceKey(record.api, record.resource, record.id);
      const r = fromResource(record);
      const { changes, lastInsertRowid } = run(
        'INSERT INTO resource (api, resource, id, doc, state, created_at, last_update) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (api, resource, id) DO NOTHING',
        r.api, r.resource, r.id, r.doc, r.state, r.created_at, r.last_update,
      );
      if (changes === 1) resources.set(key, withDocument({ ...r, seq: Number(lastInsertRowid) }, record.doc));
      else resources.delete(key);
      return changes === 1;
    },
    async replaceResource(record) {
      const key = resourceKey(record.api, record.resource, record.id);
      const r = fromResource(record);
      const { changes } = run('UPDATE resource SET doc = ?, state = ?, last_update = ? WHERE api = ? AND resource = ? AND id = ?', r.doc, r.state, r.last_update, r.api, r.resource, r.id);
      const known = resources.get(key);
      // The row keeps its creation date whatever the record says: the cache holds only what the table does.
      if (changes === 1 && known) resources.set(key, withDocument({ ...known, doc: r.doc, state: r.state, last_update: r.last_update }, record.doc));
      else resources.delete(key);
    },
    async deleteResource(api, resource, id) {
      const result = await q.deleteFrom('resource').where('api', '=', api).where('resource', '=', resource).where('id', '=', id).executeTakeFirst();
      resources.set(resourceKey(api, resource, id), null);
      return Number(result.numDeletedRows) === 1;
    },

    async appendEvent(event) {
      const split = splitEnvelope(event);
      const shared = split.payload === null ? undefined : payloads.get(split.payload);
      const { lastInsertRowid } = run(
        'INSERT INTO event (event_id, event_type, api, resource, resource_id, correlation_id, event_time, envelope, payload_key, payload, payload_seq, domain) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        event.eventId, event.eventType, event.api, event.resource, event.resourceId, event.correlationId, event.eventTime, split.envelope,
        split.payloadKey, shared === undefined ? split.payload : null, shared ?? null, split.domain,
      );
      const seq = Number(lastInsertRowid);
      if (split.payload !== null && shared === undefined) {
        if (payloads.size >= SHARED_PAYLOADS) payloads.clear();
        payloads.set(split.payload, seq);
      }
      return { ...event, seq };
    },
    async listEvents({ api, correlationId, resourceId, afterSeq, limit, newestFirst }) {
      const { filter, params } = whereOf({ 'e.api = ?': api, 'e.correlation_id = ?': correlationId, 'e.resource_id = ?': resourceId, 'e.seq > ?': afterSeq });
      if (limit !== undefined) params.push(limit);
      return all<EventRow>(`${SELECT_EVENT}${filter} ORDER BY e.seq${newestFirst ? ' DESC' : ''}${limit !== undefined ? ' LIMIT ?' : ''}`, ...params).map(toEvent);
    },
    async getEvent(eventId) {
      const row = one<EventRow>(`${SELECT_EVENT} WHERE e.event_id = ?`, eventId);
      return row && toEvent(row);
    },

    async insertHub(hub) {
      hubs.delete(hub.api);
      await q
        .insertInto('hub')
        .values({ id: hub.id, api: hub.api, topic_id: hub.topicId, callback: hub.callback, query: hub.query, created_at: hub.createdAt })
        .execute();
    },
    async getHub(id) {
      const row = await q.selectFrom('hub').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toHub(row);
    },
    async deleteHub(id) {
      hubs.clear();
      await q.updateTable('delivery').set({ status: 'cancelled' }).where('hub_id', '=', id).where('status', '=', 'pending').execute();
      const result = await q.deleteFrom('hub').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) === 1;
    },
    async listHubs(api) {
      // Hubs created within one clock tick keep the order they were stored in (rowid).
      if (api === undefined) return all<Selectable<HubTable>>('SELECT * FROM hub ORDER BY created_at, rowid').map(toHub);
      const known = hubs.get(api);
      if (known) return known.map((hub) => ({ ...hub }));
      const listed = all<Selectable<HubTable>>('SELECT * FROM hub WHERE api = ? ORDER BY created_at, rowid', api).map(toHub);
      hubs.set(api, listed);
      return listed.map((hub) => ({ ...hub }));
    },

    async insertDelivery(delivery) {
      run(
        'INSERT INTO delivery (event_seq, hub_id, status, attempts, next_attempt_at) VALUES (?, ?, ?, 0, ?)',
        delivery.eventSeq, delivery.hubId, delivery.status, delivery.nextAttemptAt,
      );
      wroteDeliveries();
    },
    async leaseDeliveries({ now, until, hubs, perHub, busyHubs, hubId }) {
      const ofHub = hubId === undefined ? [] : [hubId];
      const rows = all<Selectable<DeliveryTable>>(
        `WITH due AS (
           SELECT seq, hub_id, row_number() OVER (PARTITION BY hub_id ORDER BY seq) AS place FROM delivery
           WHERE status = 'pending' AND next_attempt_at <= ?${ofHub.length ? ' AND hub_id = ?' : ''}${notOfHubs(busyHubs)}
         ), first AS (SELECT hub_id FROM due WHERE place = 1 ORDER BY seq LIMIT ?)
         SELECT delivery.* FROM delivery JOIN due ON due.seq = delivery.seq
         WHERE due.place <= ? AND due.hub_id IN (SELECT hub_id FROM first) ORDER BY delivery.seq`,
        now, ...ofHub, ...busyHubs, hubs, perHub,
      );
      if (rows.length) run(`UPDATE delivery SET next_attempt_at = ? WHERE seq IN (${placeholders(rows)})`, until, ...rows.map((row) => row.seq));
      return rows.map((row) => {
        return { ...toDelivery({ ...row, next_attempt_at: until }), event: eventBySeq(row.event_seq) };
      });
    },
    async nextDeliveryTime(busyHubs = []) {
      const row = one<{ next_attempt_at: string }>(
        `SELECT next_attempt_at FROM delivery WHERE status = 'pending'${notOfHubs(busyHubs)}
         ORDER BY next_attempt_at LIMIT 1`,
        ...busyHubs,
      );
      return row?.next_attempt_at;
    },
    async recordDeliveryAttempt(seq, { delivered, at, nextAttemptAt, error, giveUp }) {
      await q
        .updateTable('delivery')
        .set((eb) => ({
          attempts: eb('attempts', '+', 1),
          status: delivered ? 'delivered' : giveUp ? 'failed' : 'pending',
          delivered_at: delivered ? at : null,
          next_attempt_at: nextAttemptAt ?? at,
          last_error: error ?? null,
        }))
        .where('seq', '=', seq)
        // A delivery cancelled while it was being sent (its hub went) stays cancelled.
        .where('status', '=', 'pending')
        .execute();
    },
    async releaseDeliveries(seqs, at) {
      if (!seqs.length) return;
      await q.updateTable('delivery').set({ next_attempt_at: at }).where('seq', 'in', [...seqs]).where('status', '=', 'pending').execute();
    },
    async listDeliveries({ hubId, correlationId, limit } = {}) {
      let query = q
        .selectFrom('delivery')
        .innerJoin('event', 'event.seq', 'delivery.event_seq')
        .selectAll('delivery')
        .select(['event.event_id', 'event.event_type', 'event.resource_id']);
      // A journey's deliveries are reached from its events (by correlationId), not from the hub's,
      // which grow with every event the hub ever got: `+` keeps SQLite off the hub index then.
      const byHub = correlationId === undefined ? sql.ref('delivery.hub_id') : sql`+${sql.ref('delivery.hub_id')}`;
      if (hubId) query = query.where(byHub, '=', hubId);
      if (correlationId !== undefined) query = query.where('event.correlation_id', '=', correlationId);
      if (limit !== undefined) query = query.limit(limit);
      return (await query.orderBy('delivery.seq').execute()).map((row) => ({ ...toDelivery(row), eventId: row.event_id, eventType: row.event_type, resourceId: row.resource_id }));
    },
    async countDeliveries({ correlationId }) {
      let query = q
        .selectFrom('delivery')
        .innerJoin('event', 'event.seq', 'delivery.event_seq')
        .select((eb) => ['delivery.hub_id', 'delivery.status', eb.fn.countAll<number>().as('count')])
        .groupBy(['delivery.hub_id', 'delivery.status']);
      if (correlationId !== undefined) query = query.where('event.correlation_id', '=', correlationId);
      return (await query.execute()).map((row) => ({ hubId: row.hub_id, status: row.status as DeliveryStatus, count: Number(row.count) }));
    },

    async nextInSequence(name) {
      const row = one<{ next: number }>('INSERT INTO id_sequence (name, next) VALUES (?, 2) ON CONFLICT (name) DO UPDATE SET next = next + 1 RETURNING next', name)!;
      return row.next - 1;
    },
    async seedSequence(name, next) {
      const result = await q.insertInto('id_sequence').values({ name, next }).onConflict((c) => c.column('name').doNothing()).executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
    },

    async insertRun(record) {
      const row: Selectable<RunTable> = {
        id: record.id, scenario: record.scenario, status: record.status, correlation_id: record.correlationId, input: JSON.stringify(record.input),
        context: JSON.stringify(record.context), error: record.error, created_at: record.createdAt, updated_at: record.updatedAt,
      };
      run(
        'INSERT INTO run (id, scenario, status, correlation_id, input, context, error, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
        row.id, row.scenario, row.status, row.correlation_id, row.input, row.context, row.error, row.created_at, row.updated_at,
      );
      runs.set(row.id, { row, record: toRun(row) });
      linkThread(row.id, record.context);
    },
    async getRun(id) {
      const known = runs.get(id);
      if (known) return known.record;
      const row = one<Selectable<RunTable>>('SELECT * FROM run WHERE id = ?', id);
      if (!row) return undefined;
      const record = toRun(row);
      runs.set(id, { row, record });
      return record;
    },
    async updateRun(id, change) {
      // A step that added nothing hands back the context it read: the stored one stays as it is.
      const known = runs.get(id);
      const unchanged = change.context !== undefined && known !== undefined && sameAttributes(known.record.context, change.context);
      const columns = {
        status: change.status,
        context: change.context === undefined || unchanged ? undefined : documentJson(change.context),
        error: change.error,
        updated_at: change.updatedAt,
      };
      updateRow('run', columns, 'id = ?', [id]);
      if (columns.context !== undefined) linkThread(id, change.context!, known?.record.context);
      if (!known) return;
      const row = { ...known.row, ...definedOnly(columns) };
      // The context written is the context read back from now on: frozen as it was serialized, it cannot drift from the row.
      runs.set(id, { row, record: toRun(row, columns.context === undefined ? known.record : { context: change.context! }) });
    },
    async listRuns({ scenario, correlationId, statuses, mentioning, limit }) {
      let query = q.selectFrom('run').selectAll();
      // Through run_link: the ids of each run's golden thread, written as the thread grows.
      if (mentioning) query = query.where('run.id', 'in', q.selectFrom('run_link').select('run_link.run_id').where('run_link.id', '=', mentioning));
      if (scenario) query = query.where('scenario', '=', scenario);
      if (correlationId) query = query.where('correlation_id', '=', correlationId);
      if (statuses) query = query.where('status', 'in', statuses.length ? [...statuses] : ['']);
      if (limit !== undefined) query = query.limit(limit);
      // Runs started within one clock tick: the one stored last first.
      return (await query.orderBy('created_at', 'desc').orderBy(sql`rowid`, 'desc').execute()).map((row) => toRun(row));
    },

    async insertRunStep(step) {
      run('INSERT INTO run_step (run_id, position, step, status, next_run_at) VALUES (?, ?, ?, ?, ?)', step.runId, step.position, step.step, step.status, step.nextRunAt);
      runSteps.set(runStepKey(step.runId, step.position), {
        run_id: step.runId, position: step.position, step: step.step, status: step.status, attempts: 0, next_run_at: step.nextRunAt, output: null, error: null, started_at: null, ended_at: null,
      });
    },
    async updateRunStep(runId, position, change) {
      const columns = {
        status: change.status,
        attempts: change.attempts,
        next_run_at: change.nextRunAt,
        output: change.output === undefined ? undefined : change.output === null ? null : JSON.stringify(change.output),
        error: change.error,
        started_at: change.startedAt,
        ended_at: change.endedAt,
      };
      updateRow('run_step', columns, 'run_id = ? AND position = ?', [runId, position]);
      const key = runStepKey(runId, position);
      const known = runSteps.get(key);
      if (known) runSteps.set(key, { ...known, ...definedOnly(columns) });
    },
    async dueRunSteps(now, limit, scenarios) {
      if (!scenarios.length) return [];
      return all<Selectable<RunStepTable>>(
        `SELECT run_step.* FROM run_step JOIN run ON run.id = run_step.run_id
         WHERE run_step.status = 'pending' AND run_step.next_run_at <= ? AND run.scenario IN (${placeholders(scenarios)})
         ORDER BY run_step.next_run_at LIMIT ?`,
        now, ...scenarios, limit,
      ).map((row) => {
        runSteps.set(runStepKey(row.run_id, row.position), row);
        return toRunStep(row);
      });
    },
    async nextRunStepTime(scenarios) {
      if (!scenarios.length) return undefined;
      const row = one<{ next_run_at: string }>(
        `SELECT run_step.next_run_at FROM run_step JOIN run ON run.id = run_step.run_id
         WHERE run_step.status = 'pending' AND run.scenario IN (${placeholders(scenarios)})
         ORDER BY run_step.next_run_at LIMIT 1`,
        ...scenarios,
      );
      return row?.next_run_at;
    },
    async listRunSteps(runId) {
      return all<Selectable<RunStepTable>>('SELECT * FROM run_step WHERE run_id = ? ORDER BY position', runId).map(toRunStep);
    },
    async getRunStep(runId, position) {
      const key = runStepKey(runId, position);
      let row = runSteps.get(key);
      if (!row) {
        row = one<Selectable<RunStepTable>>('SELECT * FROM run_step WHERE run_id = ? AND position = ?', runId, position);
        if (!row) return undefined;
        runSteps.set(key, row);
      }
      return toRunStep(row);
    },

    async putFallout(record) {
      const row = { id: record.id, run_id: record.runId, status: record.status, entry: JSON.stringify(record.entry), created_at: record.createdAt, updated_at: record.updatedAt };
      await q
        .insertInto('fallout')
        .values(row)
        .onConflict((oc) => oc.column('id').doUpdateSet({ status: row.status, entry: row.entry, updated_at: row.updated_at }))
        .execute();
    },
    async getFallout(id) {
      const row = await q.selectFrom('fallout').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toFallout(row);
    },
    async listFallout({ status, limit }) {
      let query = q.selectFrom('fallout').selectAll();
      if (status) query = query.where('status', '=', status);
      if (limit !== undefined) query = query.limit(limit);
      return (await query.orderBy('created_at', 'desc').orderBy(sql`rowid`, 'desc').execute()).map(toFallout);
    },

    async putArmedFault(record) {
      run(
        `INSERT INTO armed_fault (id, fault, times, remaining, correlation_id, armed_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET remaining = excluded.remaining`,
        record.id, record.fault, record.times, record.remaining, record.correlationId, record.armedAt,
      );
    },
    async deleteArmedFault(id) {
      return run('DELETE FROM armed_fault WHERE id = ?', id).changes === 1;
    },
    async listArmedFaults() {
      return all<Selectable<ArmedFaultTable>>('SELECT * FROM armed_fault ORDER BY rowid').map((row) => ({
        id: row.id, fault: row.fault, times: row.times, remaining: row.remaining, correlationId: row.correlation_id, armedAt: row.armed_at,
      }));
    },

    async appendExchange(exchange) {
      const response = exchange.response === undefined ? null : documentJson(exchange.response);
      const shared = response === null ? undefined : payloads.get(response);
      const { lastInsertRowid } = run(
        `INSERT INTO exchange (run_id, step, correlation_id, from_actor, to_actor, api, method, path, request, response, response_event, status, started_at, ended_at, event_ids)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        exchange.runId, exchange.step, exchange.correlationId, exchange.from, exchange.to, exchange.api, exchange.method, exchange.path,
        exchange.request === undefined ? null : JSON.stringify(exchange.request),
        shared === undefined ? response : null, shared ?? null,
        exchange.status, exchange.startedAt, exchange.endedAt, exchange.events.length ? JSON.stringify(exchange.events) : null,
      );
      const created = createdId(exchange);
      if (created !== undefined) link(created, exchange.runId!);
      return { ...exchange, seq: Number(lastInsertRowid) };
    },
    async listExchanges({ runId, correlationId, afterSeq, limit }) {
      const { filter, params } = whereOf({ 'x.run_id = ?': runId, 'x.correlation_id = ?': correlationId, 'x.seq > ?': afterSeq });
      if (limit !== undefined) params.push(limit);
      return all<ExchangeRow>(
        `SELECT x.*, p.payload AS shared_response FROM exchange x LEFT JOIN event p ON p.seq = x.response_event${filter} ORDER BY x.seq${limit !== undefined ? ' LIMIT ?' : ''}`,
        ...params,
      ).map(toExchange);
    },

    async latestActivity() {
      const event = await q.selectFrom('event').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirst();
      const exchange = await q.selectFrom('exchange').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirst();
      return { eventSeq: Number(event?.seq ?? 0), exchangeSeq: Number(exchange?.seq ?? 0) };
    },

    async getIdempotentResponse(key) {
      const row = await q.selectFrom('idempotency').selectAll().where('key', '=', key).executeTakeFirst();
      return (
        row && {
          key: row.key,
          method: row.method,
          path: row.path,
          status: row.status,
          response: row.response === null ? null : JSON.parse(row.response),
          createdAt: row.created_at,
          requestHash: row.request_hash,
        }
      );
    },
    async putIdempotentResponse(response) {
      await q
        .insertInto('idempotency')
        .values({
          key: response.key,
          method: response.method,
          path: response.path,
          status: response.status,
          response: response.response === null ? null : JSON.stringify(response.response),
          created_at: response.createdAt,
          request_hash: response.requestHash,
        })
        .execute();
    },

    async markDatasetLoaded(name, at) {
      const result = await q.insertInto('dataset').values({ name, loaded_at: at }).onConflict((c) => c.column('name').doNothing()).executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
    },
  };
}

// A run is also found by the id of anything its calls created: a validation, an availability check, an activation.
function createdId({ runId, method, status, response }: Omit<ExchangeRecord, 'seq'>): string | undefined {
  const id = runId && method === 'POST' && status >= 200 && status < 300 && response && typeof response === 'object' ? (response as Doc).id : undefined;
  return typeof id === 'string' ? id : undefined;
}

const threadIds = (context: Doc): string[] =>
  Array.isArray(context.thread) ? context.thread.map((link: Doc | null) => link?.id).filter((id): id is string => typeof id === 'string') : [];

// The resources a selector names (the `columns` of their rows), in storage order.
export function resourceQuery(selector: ResourceSelector, columns = '*'): { text: string; params: unknown[] } {
  const { api, resource, states, notBefore, attributes = {}, keys } = selector;
  if (keys) return keyedQuery(selector, keys, columns);
  // An attribute a collection is indexed by is read through its index, the other attributes after.
  const indexedAttribute = keyedIndexes.find((k) => k.isAttribute && k.api === api && k.resource === resource && attributes[k.key] !== undefined);
  if (indexedAttribute && !notBefore) {
    const { [indexedAttribute.key]: value, ...others } = attributes;
    return keyedQuery({ ...selector, attributes: others }, { [indexedAttribute.key]: [value!] }, columns);
  }
  const byState = states ? ` AND state IN (${states.length ? placeholders(states) : "''"})` : '';
  const matched = Object.entries(attributes);
  const byAttributes = matched.map(() => ' AND json_extract(doc, ?) = ?').join('');
  const attributeParams = matched.flatMap(([name, value]) => [jsonPath([name]), value]);
  const narrowing = [...(states ?? []), ...attributeParams];
  const indexed = notBefore && datedIndexes.find((d) => d.api === api && d.resource === resource && jsonPath(d.path) === jsonPath(notBefore.path));
  if (indexed) {
    // Both halves through the index: the dates from the bound on, then the documents without a readable one.
    const end = `julianday(json_extract(doc, '${jsonPath(indexed.path)}'))`;
    // The literals come from datedIndexes, not from the caller: the planner uses a partial index only for the constants it was made for.
    const from = `SELECT ${columns} FROM resource INDEXED BY ${indexed.index} WHERE api = '${indexed.api}' AND resource = '${indexed.resource}'${byState}${byAttributes}`;
    return {
      text: `${from} AND ${end} >= julianday(?) - ${OFFSET_DAYS} UNION ALL ${from} AND ${end} IS NULL ORDER BY seq`,
      params: [...narrowing, notBefore.at, ...narrowing],
    };
  }
  const byDate = notBefore ? ` AND NOT coalesce(julianday(json_extract(doc, ?)) < julianday(?) - ${OFFSET_DAYS}, 0)` : '';
  const dated = notBefore ? [jsonPath(notBefore.path), notBefore.at] : [];
  return {
    text: `SELECT ${columns} FROM resource WHERE api = ? AND resource = ?${byState}${byDate}${byAttributes} ORDER BY seq`,
    params: [api, resource, ...(states ?? []), ...dated, ...attributeParams],
  };
}

// The documents with any of the keys' values, each key through its index; states and attributes
// narrow further (a date has no use with keys: asking for both is a mistake in the code).
function keyedQuery(selector: ResourceSelector, keys: Readonly<Record<string, readonly string[]>>, columns: string): { text: string; params: unknown[] } {
  const { api, resource, states, notBefore, attributes = {} } = selector;
  if (notBefore) throw new Error('a resource selector cannot narrow by keys and by date together');
  const asked = Object.entries(keys).map(([key, values]) => {
    const keyed = keyedIndexes.find((k) => k.api === api && k.resource === resource && k.key === key);
    if (!keyed) throw new Error(`${api}/${resource} has no key ${key}`);
    return { keyed, values };
  });
  // The literals come from keyedIndexes, so the planner can use each partial index.
  const lookups = asked.map(({ keyed, values }) => `SELECT seq FROM resource INDEXED BY ${keyed.index} WHERE api = '${keyed.api}' AND resource = '${keyed.resource}' AND ${keyed.expression} IN (${values.length ? placeholders(values) : "''"})`);
  const byState = states ? ` AND state IN (${states.length ? placeholders(states) : "''"})` : '';
  const matched = Object.entries(attributes);
  return {
    text: `SELECT ${columns} FROM resource WHERE seq IN (${lookups.join(' UNION ')})${byState}${matched.map(() => ' AND json_extract(doc, ?) = ?').join('')} ORDER BY seq`,
    params: [...asked.flatMap(({ values }) => values), ...(states ?? []), ...matched.flatMap(([name, value]) => [jsonPath([name]), value])],
  };
}

// How many resources a selector names, and a page of them (its LIMIT and OFFSET follow `params`): both
// counted and paged on the sequence numbers the index holds, so only the page's documents are read.
export function resourcePageQuery(selector: ResourceSelector): { count: string; page: string; params: unknown[] } {
  const { text, params } = resourceQuery(selector, 'seq');
  return { count: `SELECT count(*) AS total FROM (${text})`, page: `SELECT * FROM resource WHERE seq IN (${text} LIMIT ? OFFSET ?) ORDER BY seq`, params };
}

// Two days: more than the widest gap between a local date-time and UTC, however either side reads it.
const OFFSET_DAYS = 2;

// The dated reads an index serves (migration 0015 creates it on the same expression); any other is a scan of its collection's states.
const datedIndexes = [{ api: 'TMF646', resource: 'appointment', path: ['validFor', 'endDateTime'], index: 'appointment_by_end' }] as const;

// The keys documents are indexed by, each on the same expression as its index: the network inventory
// by category (migration 0017: a few PON ports or BNG sessions among a row or more per subscriber),
// TMF673 addresses by street as address-words compares streets (migration 0018, with the functions
// sqlite.ts registers). A key that is an attribute's own value (`isAttribute`) also serves
// `attributes` selectors.
const keyedIndexes = [
  { api: 'TMF639', resource: 'resource', key: 'category', isAttribute: true, index: 'resource_by_category', expression: `json_extract(doc, '$."category"')` },
  { api: 'TMF673', resource: 'geographicAddress', key: 'street', isAttribute: false, index: 'address_by_street', expression: `spine_address_street(json_extract(doc, '$."streetName"'), json_extract(doc, '$."streetType"'))` },
  { api: 'TMF673', resource: 'geographicAddress', key: 'streetName', isAttribute: false, index: 'address_by_street_name', expression: `spine_address_words(json_extract(doc, '$."streetName"'))` },
] as const;

const placeholders = (values: readonly unknown[]) => values.map(() => '?').join(', ');
// A delivery condition leaving these hubs out (their ids bound after the ones before it).
const notOfHubs = (hubIds: readonly string[]) => (hubIds.length ? ` AND hub_id NOT IN (${placeholders(hubIds)})` : '');

// The columns given a value, as `updateRow` sets them.
function definedOnly<T extends Record<string, unknown>>(columns: T): Partial<T> {
  return Object.fromEntries(Object.entries(columns).filter(([, value]) => value !== undefined)) as Partial<T>;
}

// A WHERE clause of the conditions whose value is given (empty strings count as not given), and its parameters.
function whereOf(conditions: Record<string, string | number | undefined>): { filter: string; params: unknown[] } {
  const given = Object.entries(conditions).filter(([, value]) => value !== undefined && value !== '');
  return { filter: given.length ? ` WHERE ${given.map(([condition]) => condition).join(' AND ')}` : '', params: given.map(([, value]) => value) };
}

// The same attributes in the same order, each the very same value.
function sameAttributes(a: Doc, b: Doc): boolean {
  const keys = Object.keys(a);
  const others = Object.keys(b);
  return keys.length === others.length && keys.every((key, i) => others[i] === key && a[key] === b[key]);
}
const jsonPath = (keys: readonly string[]) => `$.${keys.map((key) => JSON.stringify(key)).join('.')}`;

// An event with the payload it holds or points at.
type EventRow = Selectable<EventTable> & { shared_payload: string | null };
const SELECT_EVENT = 'SELECT e.*, coalesce(e.payload, p.payload) AS shared_payload FROM event e LEFT JOIN event p ON p.seq = e.payload_seq';

// An exchange with the payload of the event its response points at.
type ExchangeRow = Selectable<ExchangeTable> & { shared_response: string | null };

function fromResource(record: ResourceRecord) {
  return {
    api: record.api,
    resource: record.resource,
    id: record.id,
    doc: documentJson(record.doc),
    state: record.state,
    created_at: record.createdAt,
    last_update: record.lastUpdate,
  };
}

// The documents of the rows the read cache holds, parsed once each: they are frozen, so every reader can share one.
const cachedDocuments = new WeakMap<Selectable<ResourceTable>, Doc>();
function cachedDocument(row: Selectable<ResourceTable>): Doc {
  let doc = cachedDocuments.get(row);
  if (doc === undefined) {
    doc = parseDocument(row.doc) as Doc;
    cachedDocuments.set(row, doc);
  }
  return doc;
}

// A row about to be cached with the document it was written from, when that document is frozen.
function withDocument(row: Selectable<ResourceTable>, doc: Doc): Selectable<ResourceTable> {
  if (isFrozenDocument(doc)) cachedDocuments.set(row, doc);
  return row;
}

function toResource(row: Selectable<ResourceTable>, doc: Doc = JSON.parse(row.doc)): ResourceRecord {
  return {
    api: row.api,
    resource: row.resource,
    id: row.id,
    doc,
    state: row.state,
    createdAt: row.created_at,
    lastUpdate: row.last_update,
  };
}

function toEvent(row: EventRow): EventRecord {
  return {
    seq: row.seq,
    eventId: row.event_id,
    eventType: row.event_type,
    api: row.api,
    resource: row.resource,
    resourceId: row.resource_id,
    correlationId: row.correlation_id,
    eventTime: row.event_time,
    envelope: joinEnvelope(row, row.shared_payload),
  };
}

function toHub(row: Selectable<HubTable>): HubRecord {
  return { id: row.id, api: row.api, topicId: row.topic_id, callback: row.callback, query: row.query, createdAt: row.created_at };
}

function toFallout(row: Selectable<FalloutTable>): FalloutRecord {
  return { id: row.id, runId: row.run_id, status: row.status, entry: JSON.parse(row.entry), createdAt: row.created_at, updatedAt: row.updated_at };
}

// The context (kilobytes by a journey's end) is parsed when first read: a status check never reads it.
// `sameContext` holds what this row's context column says: an earlier record of the row, or the context just written.
function toRun(row: Selectable<RunTable>, sameContext?: Pick<RunRecord, 'context'>): RunRecord {
  let context: Doc | undefined;
  return {
    id: row.id,
    scenario: row.scenario,
    status: row.status,
    correlationId: row.correlation_id,
    input: JSON.parse(row.input),
    get context() {
      return (context ??= sameContext ? sameContext.context : (JSON.parse(row.context) as Doc));
    },
    error: row.error,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toRunStep(row: Selectable<RunStepTable>): RunStepRecord {
  return {
    runId: row.run_id,
    position: row.position,
    step: row.step,
    status: row.status,
    attempts: row.attempts,
    nextRunAt: row.next_run_at,
    output: row.output === null ? null : JSON.parse(row.output),
    error: row.error,
    startedAt: row.started_at,
    endedAt: row.ended_at,
  };
}

function toExchange(row: ExchangeRow): ExchangeRecord {
  return {
    seq: row.seq,
    runId: row.run_id,
    step: row.step,
    correlationId: row.correlation_id,
    from: row.from_actor,
    to: row.to_actor,
    api: row.api,
    method: row.method,
    path: row.path,
    request: row.request === null ? undefined : JSON.parse(row.request),
    response: row.response_event !== null ? JSON.parse(row.shared_response!) : row.response === null ? undefined : JSON.parse(row.response),
    status: row.status,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    events: row.event_ids === null ? [] : JSON.parse(row.event_ids),
  };
}

function toDelivery(row: Selectable<DeliveryTable>): DeliveryRecord {
  return {
    seq: row.seq,
    eventSeq: row.event_seq,
    hubId: row.hub_id,
    status: row.status as DeliveryStatus,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    deliveredAt: row.delivered_at,
  };
}
