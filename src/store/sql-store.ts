import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { DeliveryRecord, DeliveryStatus, EventRecord, ExchangeRecord, FalloutRecord, HubRecord, ResourceRecord, RunRecord, RunStepRecord, Store } from './port.js';
import type { DeliveryTable, EventTable, ExchangeTable, FalloutTable, HubTable, ResourceTable, RunStepTable, RunTable, Schema } from './schema.js';

/** The SQL adapter of the store port, on any Kysely dialect (SQLite today). */
export function createSqlStore(db: Kysely<Schema>): Store {
  return bind(db, db, { listeners: [] });
}

interface Shared {
  listeners: Array<() => void>;
}

// `wroteDeliveries` is per transaction: set by insertDelivery, read after the commit.
function bind(root: Kysely<Schema>, q: Kysely<Schema> | Transaction<Schema>, shared: Shared, unit = { wroteDeliveries: false }): Store {
  const inTransaction = q !== root;
  const notify = () => shared.listeners.forEach((listener) => listener());
  const store: Store = {
    async transaction(work) {
      if (inTransaction) return work(store);
      const txUnit = { wroteDeliveries: false };
      const result = await root.transaction().execute((trx) => work(bind(root, trx, shared, txUnit)));
      if (txUnit.wroteDeliveries) notify();
      return result;
    },
    onDeliveriesCommitted(listener) {
      shared.listeners.push(listener);
    },

    async getResource(api, resource, id) {
      const row = await q.selectFrom('resource').selectAll().where('api', '=', api).where('resource', '=', resource).where('id', '=', id).executeTakeFirst();
      return row && toResource(row);
    },
    async listResources({ api, resource, states }) {
      let query = q.selectFrom('resource').selectAll().where('api', '=', api).where('resource', '=', resource);
      if (states) query = query.where('state', 'in', states.length ? states : ['']);
      const rows = await query.orderBy('seq').execute();
      return rows.map(toResource);
    },
    async insertResource(record) {
      const result = await q
        .insertInto('resource')
        .values(fromResource(record))
        .onConflict((c) => c.columns(['api', 'resource', 'id']).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
    },
    async replaceResource(record) {
      const { doc, state, last_update } = fromResource(record);
      await q
        .updateTable('resource')
        .set({ doc, state, last_update })
        .where('api', '=', record.api)
        .where('resource', '=', record.resource)
        .where('id', '=', record.id)
        .execute();
    },
    async deleteResource(api, resource, id) {
      const result = await q.deleteFrom('resource').where('api', '=', api).where('resource', '=', resource).where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) === 1;
    },

    async appendEvent(event) {
      const row = await q
        .insertInto('event')
        .values({
          event_id: event.eventId,
          event_type: event.eventType,
          api: event.api,
          resource: event.resource,
          resource_id: event.resourceId,
          correlation_id: event.correlationId,
          event_time: event.eventTime,
          envelope: JSON.stringify(event.envelope),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toEvent(row);
    },
    async listEvents({ api, correlationId, resourceId, afterSeq, limit }) {
      let query = q.selectFrom('event').selectAll();
      if (api) query = query.where('api', '=', api);
      if (correlationId) query = query.where('correlation_id', '=', correlationId);
      if (resourceId) query = query.where('resource_id', '=', resourceId);
      if (afterSeq !== undefined) query = query.where('seq', '>', afterSeq);
      if (limit !== undefined) query = query.limit(limit);
      return (await query.orderBy('seq').execute()).map(toEvent);
    },
    async getEvent(eventId) {
      const row = await q.selectFrom('event').selectAll().where('event_id', '=', eventId).executeTakeFirst();
      return row && toEvent(row);
    },

    async getEventBySeq(seq) {
      const row = await q.selectFrom('event').selectAll().where('seq', '=', seq).executeTakeFirst();
      return row && toEvent(row);
    },

    async insertHub(hub) {
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
      await q.updateTable('delivery').set({ status: 'cancelled' }).where('hub_id', '=', id).where('status', '=', 'pending').execute();
      const result = await q.deleteFrom('hub').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) === 1;
    },
    async listHubs(api) {
      return (await q.selectFrom('hub').selectAll().where('api', '=', api).orderBy('created_at').execute()).map(toHub);
    },

    async insertDelivery(delivery) {
      await q
        .insertInto('delivery')
        .values({
          event_seq: delivery.eventSeq,
          hub_id: delivery.hubId,
          url: delivery.url,
          status: delivery.status,
          attempts: 0,
          next_attempt_at: delivery.nextAttemptAt,
        })
        .execute();
      if (inTransaction) unit.wroteDeliveries = true;
      else notify();
    },
    async dueDeliveries(now, limit) {
      const rows = await q
        .selectFrom('delivery')
        .selectAll()
        .where('status', '=', 'pending')
        .where('next_attempt_at', '<=', now)
        .orderBy('seq')
        .limit(limit)
        .execute();
      return rows.map(toDelivery);
    },
    async nextDeliveryTime() {
      const row = await q
        .selectFrom('delivery')
        .select('next_attempt_at')
        .where('status', '=', 'pending')
        .orderBy('next_attempt_at')
        .limit(1)
        .executeTakeFirst();
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
        .execute();
    },
    async listDeliveries(hubId) {
      let query = q.selectFrom('delivery').selectAll();
      if (hubId) query = query.where('hub_id', '=', hubId);
      return (await query.orderBy('seq').execute()).map(toDelivery);
    },

    async nextInSequence(name) {
      const row = await q
        .insertInto('id_sequence')
        .values({ name, next: 2 })
        .onConflict((c) => c.column('name').doUpdateSet((eb) => ({ next: eb('id_sequence.next', '+', 1) })))
        .returning('next')
        .executeTakeFirstOrThrow();
      return row.next - 1;
    },
    async seedSequence(name, next) {
      const result = await q.insertInto('id_sequence').values({ name, next }).onConflict((c) => c.column('name').doNothing()).executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
    },

    async insertRun(run) {
      await q
        .insertInto('run')
        .values({
          id: run.id,
          scenario: run.scenario,
          status: run.status,
          correlation_id: run.correlationId,
          input: JSON.stringify(run.input),
          context: JSON.stringify(run.context),
          error: run.error,
          created_at: run.createdAt,
          updated_at: run.updatedAt,
        })
        .execute();
    },
    async getRun(id) {
      const row = await q.selectFrom('run').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toRun(row);
    },
    async updateRun(id, change) {
      await q
        .updateTable('run')
        .set({
          ...(change.status !== undefined && { status: change.status }),
          ...(change.context !== undefined && { context: JSON.stringify(change.context) }),
          ...(change.error !== undefined && { error: change.error }),
          ...(change.updatedAt !== undefined && { updated_at: change.updatedAt }),
        })
        .where('id', '=', id)
        .execute();
    },
    async listRuns({ scenario, correlationId, mentioning, limit }) {
      let query = q.selectFrom('run').selectAll();
      // The run's context holds every id its journey produced, as JSON strings.
      if (mentioning) query = query.where(sql<boolean>`instr(context, ${JSON.stringify(mentioning)}) > 0`);
      if (scenario) query = query.where('scenario', '=', scenario);
      if (correlationId) query = query.where('correlation_id', '=', correlationId);
      if (limit !== undefined) query = query.limit(limit);
      return (await query.orderBy('created_at', 'desc').orderBy('id', 'desc').execute()).map(toRun);
    },

    async insertRunStep(step) {
      await q
        .insertInto('run_step')
        .values({ run_id: step.runId, position: step.position, step: step.step, status: step.status, next_run_at: step.nextRunAt })
        .execute();
    },
    async updateRunStep(runId, position, change) {
      await q
        .updateTable('run_step')
        .set({
          ...(change.status !== undefined && { status: change.status }),
          ...(change.attempts !== undefined && { attempts: change.attempts }),
          ...(change.nextRunAt !== undefined && { next_run_at: change.nextRunAt }),
          ...(change.output !== undefined && { output: change.output === null ? null : JSON.stringify(change.output) }),
          ...(change.error !== undefined && { error: change.error }),
          ...(change.startedAt !== undefined && { started_at: change.startedAt }),
          ...(change.endedAt !== undefined && { ended_at: change.endedAt }),
        })
        .where('run_id', '=', runId)
        .where('position', '=', position)
        .execute();
    },
    async dueRunSteps(now, limit, scenarios) {
      if (!scenarios.length) return [];
      const rows = await q
        .selectFrom('run_step')
        .innerJoin('run', 'run.id', 'run_step.run_id')
        .selectAll('run_step')
        .where('run_step.status', '=', 'pending')
        .where('run_step.next_run_at', '<=', now)
        .where('run.scenario', 'in', scenarios)
        .orderBy('run_step.next_run_at')
        .limit(limit)
        .execute();
      return rows.map(toRunStep);
    },
    async nextRunStepTime(scenarios) {
      if (!scenarios.length) return undefined;
      const row = await q
        .selectFrom('run_step')
        .innerJoin('run', 'run.id', 'run_step.run_id')
        .select('run_step.next_run_at')
        .where('run_step.status', '=', 'pending')
        .where('run.scenario', 'in', scenarios)
        .orderBy('run_step.next_run_at')
        .limit(1)
        .executeTakeFirst();
      return row?.next_run_at;
    },
    async listRunSteps(runId) {
      return (await q.selectFrom('run_step').selectAll().where('run_id', '=', runId).orderBy('position').execute()).map(toRunStep);
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
      return (await query.orderBy('created_at', 'desc').orderBy('id', 'desc').execute()).map(toFallout);
    },

    async appendExchange(exchange) {
      const row = await q
        .insertInto('exchange')
        .values({
          run_id: exchange.runId,
          step: exchange.step,
          correlation_id: exchange.correlationId,
          from_actor: exchange.from,
          to_actor: exchange.to,
          api: exchange.api,
          method: exchange.method,
          path: exchange.path,
          request: exchange.request === undefined ? null : JSON.stringify(exchange.request),
          response: exchange.response === undefined ? null : JSON.stringify(exchange.response),
          status: exchange.status,
          started_at: exchange.startedAt,
          ended_at: exchange.endedAt,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toExchange(row);
    },
    async listExchanges({ runId, correlationId, afterSeq }) {
      let query = q.selectFrom('exchange').selectAll();
      if (runId) query = query.where('run_id', '=', runId);
      if (correlationId) query = query.where('correlation_id', '=', correlationId);
      if (afterSeq !== undefined) query = query.where('seq', '>', afterSeq);
      return (await query.orderBy('seq').execute()).map(toExchange);
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
        })
        .execute();
    },

    async markDatasetLoaded(name, at) {
      const result = await q.insertInto('dataset').values({ name, loaded_at: at }).onConflict((c) => c.column('name').doNothing()).executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
    },

    async close() {
      await root.destroy();
    },
  };
  return store;
}

function fromResource(record: ResourceRecord) {
  return {
    api: record.api,
    resource: record.resource,
    id: record.id,
    doc: JSON.stringify(record.doc),
    state: record.state,
    created_at: record.createdAt,
    last_update: record.lastUpdate,
  };
}

function toResource(row: Selectable<ResourceTable>): ResourceRecord {
  return {
    api: row.api,
    resource: row.resource,
    id: row.id,
    doc: JSON.parse(row.doc),
    state: row.state,
    createdAt: row.created_at,
    lastUpdate: row.last_update,
  };
}

function toEvent(row: Selectable<EventTable>): EventRecord {
  return {
    seq: row.seq,
    eventId: row.event_id,
    eventType: row.event_type,
    api: row.api,
    resource: row.resource,
    resourceId: row.resource_id,
    correlationId: row.correlation_id,
    eventTime: row.event_time,
    envelope: JSON.parse(row.envelope),
  };
}

function toHub(row: Selectable<HubTable>): HubRecord {
  return { id: row.id, api: row.api, topicId: row.topic_id, callback: row.callback, query: row.query, createdAt: row.created_at };
}

function toFallout(row: Selectable<FalloutTable>): FalloutRecord {
  return { id: row.id, runId: row.run_id, status: row.status, entry: JSON.parse(row.entry), createdAt: row.created_at, updatedAt: row.updated_at };
}

function toRun(row: Selectable<RunTable>): RunRecord {
  return {
    id: row.id,
    scenario: row.scenario,
    status: row.status,
    correlationId: row.correlation_id,
    input: JSON.parse(row.input),
    context: JSON.parse(row.context),
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

function toExchange(row: Selectable<ExchangeTable>): ExchangeRecord {
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
    response: row.response === null ? undefined : JSON.parse(row.response),
    status: row.status,
    startedAt: row.started_at,
    endedAt: row.ended_at,
  };
}

function toDelivery(row: Selectable<DeliveryTable>): DeliveryRecord {
  return {
    seq: row.seq,
    eventSeq: row.event_seq,
    hubId: row.hub_id,
    url: row.url,
    status: row.status as DeliveryStatus,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    deliveredAt: row.delivered_at,
  };
}
