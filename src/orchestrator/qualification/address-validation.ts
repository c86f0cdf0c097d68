// TMF673 geographicAddressValidation: matches a submitted address against the TMF673 geographicAddress
// records, ignoring case, spacing, punctuation and the usual abbreviations (Avenue = Ave, Street East
// = St E, Ontario = ON). success: exactly one record agrees on every field submitted and the submission
// names a premises; partial: records on the same street in the same city or postcode come close (they
// are the alternates); fails: nothing does.

import type { Doc, Store } from '../../store/port.js';
import { isPlainObject } from '../../tmf/merge-patch.js';
import { postcodeText, streetWords, words } from '../../tmf/address-words.js';
import { Sources } from './tmf-reads.js';

/** TMF673 `validationResult` values (the spec gives them in its description only). */
export const ValidationResults = { success: 'success', partial: 'partial', fails: 'fails' } as const;
export type ValidationResult = (typeof ValidationResults)[keyof typeof ValidationResults];

/** The result attributes of a GeographicAddressValidation. */
export type AddressValidation = {
  validationResult: ValidationResult;
  validGeographicAddress?: Doc;
  alternateGeographicAddress?: Doc[];
};

// The fields compared, each read through its normaliser; the street is name and type together, so
// "Maple Avenue" with no type matches "Maple" + "Ave".
const FIELDS = {
  streetNr: (a: Doc) => words(a.streetNr),
  street: (a: Doc) => streetWords(a.streetName, a.streetType),
  city: (a: Doc) => words(a.city),
  stateOrProvince: (a: Doc) => words(a.stateOrProvince),
  postcode: (a: Doc) => postcodeText(a.postcode),
  country: (a: Doc) => words(a.country),
} as const;
type Field = keyof typeof FIELDS;

/** Validates `submitted` ({id} or the address fields) against the stored addresses; reads only. */
export async function validateAddress(tx: Store, submitted: unknown, provideAlternative: boolean): Promise<AddressValidation> {
  const { api, resource } = Sources.address;
  const address = isPlainObject(submitted) ? submitted : {};
  if (typeof address.id === 'string') {
    const known = await tx.getResource(api.id, resource.name, address.id);
    return known ? { validationResult: ValidationResults.success, validGeographicAddress: known.doc } : { validationResult: ValidationResults.fails };
  }
  // Only an address on the submitted street can agree on it (exact) or share its name (close): the
  // store reads those through its street indexes, however many addresses there are.
  const street = FIELDS.street(address);
  const name = words(address.streetName);
  const records = (await tx.listResources({ api: api.id, resource: resource.name, keys: { street: [street, name], streetName: [name] } })).map((r) => r.doc);
  const given = (Object.keys(FIELDS) as Field[]).filter((field) => FIELDS[field](address) !== '');
  const agreeing = (record: Doc) => given.filter((field) => FIELDS[field](record) === FIELDS[field](address));
  const exact = records.filter((record) => agreeing(record).length === given.length);
  const has = (field: Field) => given.includes(field);
  const namesPremises = has('streetNr') && has('street') && (has('city') || has('postcode'));
  if (namesPremises && exact.length === 1) return { validationResult: ValidationResults.success, validGeographicAddress: exact[0] };
  const close = records
    .filter((record) => sameStreetName(record, address) && agreeing(record).some((f) => f === 'city' || f === 'postcode'))
    .sort((a, b) => agreeing(b).length - agreeing(a).length);
  if (!close.length) return { validationResult: ValidationResults.fails };
  return { validationResult: ValidationResults.partial, ...(provideAlternative && { alternateGeographicAddress: close }) };
}

function sameStreetName(record: Doc, address: Doc): boolean {
  const name = words(address.streetName);
  return name !== '' && (words(record.streetName) === name || FIELDS.street(record) === name);
}
