import type { Kysely } from 'kysely';

// Faults armed for injection, with how many times each has yet to fire: a restart keeps what was
// armed, so a failure scenario interrupted by a crash still fails as it was set up to.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('armed_fault')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('fault', 'text', (c) => c.notNull())
    .addColumn('times', 'integer', (c) => c.notNull())
    .addColumn('remaining', 'integer', (c) => c.notNull())
    .addColumn('correlation_id', 'text')
    .addColumn('armed_at', 'text', (c) => c.notNull())
    .execute();
}
