import type { Kysely } from 'kysely';

// Resources of every API as JSON documents, with the attributes that list queries narrow on extracted.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('resource')
    .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('api', 'text', (c) => c.notNull())
    .addColumn('resource', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('doc', 'text', (c) => c.notNull())
    .addColumn('state', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_update', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('resource_identity').unique().on('resource').columns(['api', 'resource', 'id']).execute();
  await db.schema.createIndex('resource_by_state').on('resource').columns(['api', 'resource', 'state']).execute();
  await db.schema.createIndex('resource_by_last_update').on('resource').columns(['api', 'resource', 'last_update']).execute();
}
