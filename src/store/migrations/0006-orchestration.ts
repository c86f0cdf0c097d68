import type { Kysely } from 'kysely';

// Durable journeys: a run, its steps as persisted jobs with their checkpoints, and every call one
// actor made to another's TMF API (the exchanges the swimlane is drawn from).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('run')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('scenario', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('correlation_id', 'text', (c) => c.notNull())
    .addColumn('input', 'text', (c) => c.notNull())
    .addColumn('context', 'text', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('run_by_correlation').on('run').column('correlation_id').execute();

  await db.schema
    .createTable('run_step')
    .addColumn('run_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('step', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_run_at', 'text', (c) => c.notNull())
    .addColumn('output', 'text')
    .addColumn('error', 'text')
    .addColumn('started_at', 'text')
    .addColumn('ended_at', 'text')
    .addPrimaryKeyConstraint('run_step_pk', ['run_id', 'position'])
    .execute();
  await db.schema.createIndex('run_step_due').on('run_step').columns(['status', 'next_run_at']).execute();

  await db.schema
    .createTable('exchange')
    .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('run_id', 'text')
    .addColumn('step', 'text')
    .addColumn('correlation_id', 'text')
    .addColumn('from_actor', 'text', (c) => c.notNull())
    .addColumn('to_actor', 'text', (c) => c.notNull())
    .addColumn('api', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('request', 'text')
    .addColumn('response', 'text')
    .addColumn('status', 'integer', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('exchange_by_run').on('exchange').column('run_id').execute();
  await db.schema.createIndex('exchange_by_correlation').on('exchange').column('correlation_id').execute();
}
