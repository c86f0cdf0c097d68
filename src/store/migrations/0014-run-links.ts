import { sql, type Kysely } from 'kysely';

// A journey is found from any id of its golden thread (the run context's `thread`): a trace, and a
// cancellation looking for its order's journey, read these rows instead of every run's context.
// One row per id of a thread; the runs already stored get theirs here.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE run_link (id TEXT NOT NULL, run_id TEXT NOT NULL, PRIMARY KEY (id, run_id)) WITHOUT ROWID`.execute(db);
  await sql`INSERT OR IGNORE INTO run_link (id, run_id)
    SELECT json_extract(link.value, '$.id'), run.id FROM run, json_each(run.context, '$.thread') AS link
    WHERE json_type(link.value, '$.id') = 'text'`.execute(db);
}
