import type { Kysely } from 'kysely';

// A resource document is stored once per change: an event keeps its payload beside a bare envelope
// (or no envelope at all when it is the standard one), a second event of the same change and the
// exchange that answered with the same document point at the event that holds it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('event').addColumn('payload_key', 'text').execute();
  await db.schema.alterTable('event').addColumn('payload', 'text').execute();
  await db.schema.alterTable('event').addColumn('payload_seq', 'integer').execute();
  await db.schema.alterTable('event').addColumn('domain', 'text').execute();
  await db.schema.alterTable('exchange').addColumn('response_event', 'integer').execute();
}
