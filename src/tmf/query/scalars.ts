// The scalar values a dotted path reaches inside a TMF document, and the one ordering that
// filters and sorts share: numbers numerically, ISO dates by instant, other strings by code point.

/** A leaf value that filters and sort keys can compare. */
export type Scalar = string | number | boolean;

/** How a scalar compares; the number is the order of the kinds when a sort meets mixed kinds. */
export const ScalarKinds = { number: 0, boolean: 1, date: 2, string: 3 } as const;
/** One kind of scalar. */
export type ScalarKind = keyof typeof ScalarKinds;

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** Every scalar at `path`, descending into arrays wherever they occur (nested arrays included). */
export function scalarsAt(value: unknown, path: readonly string[]): Scalar[] {
  if (Array.isArray(value)) return value.flatMap((item) => scalarsAt(item, path));
  if (path.length === 0) return isScalar(value) ? [value] : [];
  const [name, ...rest] = path;
  if (typeof value !== 'object' || value === null || !Object.hasOwn(value, name)) return [];
  return scalarsAt((value as Record<string, unknown>)[name], rest);
}

/** True for an ISO calendar date without a time (`2026-05-01`), which filters treat as a whole day. */
export function isIsoDate(text: string): boolean {
  return DATE_ONLY.test(text) && !Number.isNaN(Date.parse(text));
}

/** The instant (epoch ms) of an ISO date or date-time, zone-less times read as UTC; undefined for other text. */
export function isoInstant(text: string): number | undefined {
  const dateTime = DATE_TIME.exec(text);
  if (!dateTime && !DATE_ONLY.test(text)) return undefined;
  const instant = Date.parse(dateTime && !dateTime[1] ? `${text}Z` : text);
  return Number.isNaN(instant) ? undefined : instant;
}

/** Orders two scalars of the same kind (negative, 0, positive); undefined when their kinds differ. */
export function compareScalars(a: Scalar, b: Scalar): number | undefined {
  const [kindA, keyA] = sortKeyOf(a);
  const [kindB, keyB] = sortKeyOf(b);
  if (kindA !== kindB) return undefined;
  return keyA < keyB ? -1 : keyA > keyB ? 1 : 0;
}

/** A total order for sorting: `compareScalars`, and across kinds numbers < booleans < dates < strings. */
export function orderScalars(a: Scalar, b: Scalar): number {
  return compareScalars(a, b) ?? ScalarKinds[sortKeyOf(a)[0]] - ScalarKinds[sortKeyOf(b)[0]];
}

function isScalar(value: unknown): value is Scalar {
  return typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}

function sortKeyOf(value: Scalar): [ScalarKind, number] | ['string', string] {
  if (typeof value === 'number') return ['number', value];
  if (typeof value === 'boolean') return ['boolean', Number(value)];
  const instant = isoInstant(value);
  return instant === undefined ? ['string', value] : ['date', instant];
}
