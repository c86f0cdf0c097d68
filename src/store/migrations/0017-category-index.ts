import { sql, type Kysely } from 'kysely';

// Qualification reads the PON ports and activation the BNG sessions of the TMF639 inventory by
// category; the inventory gains rows with every subscriber (a drop, a VLAN pair, a session), so without
// an index each of those reads is a scan of the whole inventory that grows with the customer base.
// The index holds TMF639 resources only, by category (the expression sql-store's reads name).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX resource_by_category ON resource (json_extract(doc, '$."category"'))
    WHERE api = 'TMF639' AND resource = 'resource'`.execute(db);
}
