import type { Kysely } from 'kysely';

// The request an Idempotency-Key was first used with, as a SHA-256 of its body: a retry must send the
// same body, and a different one under the same key is refused. Keys stored before have none.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('idempotency').addColumn('request_hash', 'text').execute();
}
