import type { Kysely } from 'kysely';

// Where a delivery goes is its hub's callback with the listener path of its event type: derived, so not
// stored. The stored copy could only go stale, and rows written before the listener path went on the
// callback's path (not after its query string) held a wrong one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('delivery').dropColumn('url').execute();
}
