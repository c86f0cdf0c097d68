import type { Kysely } from 'kysely';

// Exchanges are read by run and by sequence number, never by correlationId alone (a journey's
// correlationId and its run are one to one): that index only cost a write per call.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('exchange_by_correlation').execute();
}
