import type { Kysely } from 'kysely';

// Responses of requests sent with an Idempotency-Key, stored with the change they made, so a
// retried request (a client's, or the orchestrator's after a crash) replays instead of re-executing.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('idempotency')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('status', 'integer', (c) => c.notNull())
    .addColumn('response', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}
