// How TMF673 addresses compare: case, spacing, punctuation and the usual abbreviations (Avenue = Ave,
// Street East = St E, Ontario = ON) do not count. Address validation compares fields this way, and
// the store indexes the stored addresses' streets the same way (the SQL functions below), so a
// validation reads only the addresses on the submitted street.

/** Words written more than one way in addresses, by their canonical short form. */
const Abbreviations: Readonly<Record<string, string>> = {
  avenue: 'ave', av: 'ave', street: 'st', str: 'st', lane: 'ln', road: 'rd', boulevard: 'blvd', drive: 'dr',
  crescent: 'cres', court: 'ct', place: 'pl', terrace: 'terr', highway: 'hwy', parkway: 'pkwy', square: 'sq',
  east: 'e', west: 'w', north: 'n', south: 's',
  ontario: 'on', quebec: 'qc', 'british columbia': 'bc', alberta: 'ab', canada: 'ca',
};

/** An address field as compared: lower case, punctuation dropped, one space between words, abbreviations folded. */
export function words(value: unknown): string {
  const plain = text(value).toLowerCase().replace(/[.,#]/g, ' ').replace(/\s+/g, ' ').trim();
  const folded = Abbreviations[plain] ?? plain;
  return folded.split(' ').filter(Boolean).map((word) => Abbreviations[word] ?? word).join(' ');
}

/** The street as compared: name and type together, so "Maple Avenue" with no type matches "Maple" + "Ave". */
export const streetWords = (name: unknown, type: unknown): string => words(`${text(name)} ${text(type)}`);

/** A postcode as compared: no spaces, upper case. */
export const postcodeText = (value: unknown): string => text(value).replace(/\s+/g, '').toUpperCase();

function text(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

/**
 * The comparisons as deterministic SQL functions, for the indexes on TMF673 addresses (migration 0018):
 * every connection that writes resources registers them, and SQLite refuses such a write on one that did not.
 */
export const addressSqlFunctions = {
  spine_address_words: (value: unknown) => words(value),
  spine_address_street: (name: unknown, type: unknown) => streetWords(name, type),
} as const;
