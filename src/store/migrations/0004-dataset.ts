import type { Kysely } from 'kysely';

// Which datasets (e.g. the demo dataset) a database has already received, so they load once.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('dataset')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('loaded_at', 'text', (c) => c.notNull())
    .execute();
}
