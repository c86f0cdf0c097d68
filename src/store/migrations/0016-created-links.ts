import { sql, type Kysely } from 'kysely';

// A journey is also found from the id of anything its calls created (a successful POST's answer):
// the runs already stored get those links from their exchanges here.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`INSERT OR IGNORE INTO run_link (id, run_id)
    SELECT json_extract(answer.body, '$.id'), answer.run_id FROM (
      SELECT x.run_id, COALESCE(x.response, p.payload) AS body FROM exchange x LEFT JOIN event p ON p.seq = x.response_event
      WHERE x.run_id IS NOT NULL AND x.method = 'POST' AND x.status BETWEEN 200 AND 299
    ) AS answer
    WHERE json_valid(answer.body) AND json_type(answer.body, '$.id') = 'text'`.execute(db);
}
