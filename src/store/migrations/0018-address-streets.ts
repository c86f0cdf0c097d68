import { sql, type Kysely } from 'kysely';

// Address validation (TMF673) compares a submission with the stored addresses on its street: without
// an index it read and compared every address on every validation, 12 ms per 1,000 addresses in a
// journey. The two indexes hold TMF673 addresses only, by their street as address-words compares
// streets (name and type together, and the name alone), computed by the SQL functions every Spine
// connection registers (sqlite.ts). The expressions are the ones sql-store's reads name.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX address_by_street ON resource (spine_address_street(json_extract(doc, '$."streetName"'), json_extract(doc, '$."streetType"')))
    WHERE api = 'TMF673' AND resource = 'geographicAddress'`.execute(db);
  await sql`CREATE INDEX address_by_street_name ON resource (spine_address_words(json_extract(doc, '$."streetName"')))
    WHERE api = 'TMF673' AND resource = 'geographicAddress'`.execute(db);
}
