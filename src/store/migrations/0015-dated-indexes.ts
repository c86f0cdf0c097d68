import { sql, type Kysely } from 'kysely';

// The installation calendar counts the appointments that hold each slot from now on; every appointment
// ever booked stays in the table (a completed one keeps its slot), so without an index on the date
// that read grows with the calendar's whole past: 5 ms per booking after 4,000 journeys. The index
// holds appointments only, by the instant their period ends (the expression sql-store's reads name).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX appointment_by_end ON resource (julianday(json_extract(doc, '$."validFor"."endDateTime"')))
    WHERE api = 'TMF646' AND resource = 'appointment'`.execute(db);
}
