import type { Kysely } from 'kysely';

// The fallout queue: a journey held for manual intervention, with its structured error, the step it
// stopped at and the orders it holds, until an operator resumes, retries or aborts it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('fallout')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('run_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('entry', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('fallout_by_status').on('fallout').columns(['status', 'created_at']).execute();
  await db.schema.createIndex('fallout_by_run').on('fallout').column('run_id').execute();
}
