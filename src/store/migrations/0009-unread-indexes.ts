import type { Kysely } from 'kysely';

// Indexes no query reads, each a write at a random place in the file on every change: resources by
// last update, and events by (api, resource, resource id) (the event log is read by correlation,
// by sequence number and by event id).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('resource_by_last_update').execute();
  await db.schema.dropIndex('event_by_resource').execute();
}
