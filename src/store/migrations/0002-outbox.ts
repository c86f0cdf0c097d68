import type { Kysely } from 'kysely';

// The transactional outbox: every event ever emitted (the TMF688 log), hub subscriptions,
// and one delivery row per (event, subscriber) so each listener is retried on its own.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('event')
    .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('event_id', 'text', (c) => c.notNull().unique())
    .addColumn('event_type', 'text', (c) => c.notNull())
    .addColumn('api', 'text', (c) => c.notNull())
    .addColumn('resource', 'text', (c) => c.notNull())
    .addColumn('resource_id', 'text', (c) => c.notNull())
    .addColumn('correlation_id', 'text')
    .addColumn('event_time', 'text', (c) => c.notNull())
    .addColumn('envelope', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('event_by_correlation').on('event').column('correlation_id').execute();
  await db.schema.createIndex('event_by_resource').on('event').columns(['api', 'resource', 'resource_id']).execute();

  await db.schema
    .createTable('hub')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('api', 'text', (c) => c.notNull())
    .addColumn('topic_id', 'text')
    .addColumn('callback', 'text', (c) => c.notNull())
    .addColumn('query', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('hub_by_api').on('hub').column('api').execute();

  await db.schema
    .createTable('delivery')
    .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('event_seq', 'integer', (c) => c.notNull())
    .addColumn('hub_id', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('delivered_at', 'text')
    .execute();
  await db.schema.createIndex('delivery_due').on('delivery').columns(['status', 'next_attempt_at']).execute();
}
