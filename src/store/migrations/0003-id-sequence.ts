import type { Kysely } from 'kysely';

// Persisted counters behind readable ids such as po-ord-2026-00789.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('id_sequence')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('next', 'integer', (c) => c.notNull())
    .execute();
}
