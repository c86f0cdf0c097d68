import type { Kysely } from 'kysely';

// A hub's deliveries are listed by hub, and a journey's deliveries are found from its events (by
// correlationId) through event_seq: without these, each such read scans every delivery ever written.
// Neither index holds the status, so recording an attempt rewrites no index entry.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('delivery_by_hub').on('delivery').column('hub_id').execute();
  await db.schema.createIndex('delivery_by_event').on('delivery').column('event_seq').execute();
}
