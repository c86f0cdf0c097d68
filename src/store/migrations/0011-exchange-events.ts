import type { Kysely } from 'kysely';

// The events each call caused (its own change and whatever its behaviours changed in the same
// transaction), as a JSON array of event ids: the explorer's causal chain reads it instead of guessing
// from timestamps.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('exchange').addColumn('event_ids', 'text').execute();
}
