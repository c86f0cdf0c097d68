// TMF673 geographicAddressValidation: matches a submitted address against the TMF673 geographicAddress
// records, ignoring case, spacing, punctuation and the usual abbreviations (Avenue = Ave, Street East
// = St E, Ontario = ON). success: exactly one record agrees on every field submitted and the submission
// names a premises; partial: records on the same street in the same city or postcode come close (they
// are the alternates); fails: nothing does.

import type { Doc, Store } from '../../store/port.js';
import { isPlainObject } from '../../tmf/merge-patch.js';
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

/** Words written more than one way in addresses, by their canonical short form. */
export const Abbreviations: Readonly<Record<string, string>> = {
  avenue: 'ave', av: 'ave', street: 'st', str: 'st', lane: 'ln', road: 'rd', boulevard: 'blvd', drive: 'dr',
  crescent: 'cres', court: 'ct', place: 'pl', terrace: 'terr', highway: 'hwy', parkway: 'pkwy', square: 'sq',
  east: 'e', west: 'w', north: 'n', south: 's',
  ontario: 'on', quebec: 'qc', 'british columbia': 'bc', alberta: 'ab', canada: 'ca',
};

// The fields compared, each read through its normaliser; the street is name and type together, so
// "Maple Avenue" with no type matches "Maple" + "Ave".
const FIELDS = {
  streetNr: (a: Doc) => words(a.streetNr),
  street: (a: Doc) => words(`${text(a.streetName)} ${text(a.streetType)}`),
  city: (a: Doc) => words(a.city),
  stateOrProvince: (a: Doc) => words(a.stateOrProvince),
  postcode: (a: Doc) => text(a.postcode).replace(/\s+/g, '').toUpperCase(),
  country: (a: Doc) => words(a.country),
} as const;
type Field = keyof typeof FIELDS;

/** Validates `submitted` ({id} or the address fields) against the stored addresses; reads only. */
export async function validateAddress(tx: Store, submitted: unknown, provideAlternative: boolean): Promise<AddressValidation> {
  const { api, resource } = Sources.address;
  const records = (await tx.listResources({ api: api.id, resource: resource.name })).map((r) => r.doc);
  const address = isPlainObject(submitted) ? submitted : {};
  if (typeof address.id === 'string') {
    const known = records.find((r) => r.id === address.id);
    return known ? { validationResult: ValidationResults.success, validGeographicAddress: known } : { validationResult: ValidationResults.fails };
  }
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

/** An address as compared: lower case, punctuation dropped, one space between words, abbreviations folded. */
export function words(value: unknown): string {
  const plain = text(value).toLowerCase().replace(/[.,#]/g, ' ').replace(/\s+/g, ' ').trim();
  const folded = Abbreviations[plain] ?? plain;
  return folded.split(' ').filter(Boolean).map((word) => Abbreviations[word] ?? word).join(' ');
}

function sameStreetName(record: Doc, address: Doc): boolean {
  const name = words(address.streetName);
  return name !== '' && (words(record.streetName) === name || FIELDS.street(record) === name);
}

function text(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}
