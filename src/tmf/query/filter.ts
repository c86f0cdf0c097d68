// Evaluates parsed TMF630 attribute filters against a document.

import type { Filter, FilterOp } from './parse-list-query.js';
import { compareScalars, isIsoDate, isoInstant, scalarsAt, type Scalar } from './scalars.js';

// What each ordering operator requires of compare(document value, filter value).
const ORDER_TESTS = {
  eq: (order) => order === 0,
  gt: (order) => order > 0,
  gte: (order) => order >= 0,
  lt: (order) => order < 0,
  lte: (order) => order <= 0,
} satisfies Record<Exclude<FilterOp, 'ne' | 'regex'>, (order: number) => boolean>;

/**
 * Whether a document passes every filter (filters AND-ed, one filter's values OR-ed). A path passes
 * through arrays anywhere: it matches when any element does. A missing attribute matches nothing but `ne`.
 */
export function matchesFilters(doc: unknown, filters: readonly Filter[]): boolean {
  return filters.every(({ path, op, values }) => {
    const found = scalarsAt(doc, path);
    if (op === 'ne') return !found.some((value) => values.some((wanted) => holds('eq', value, wanted)));
    return found.some((value) => values.some((wanted) => holds(op, value, wanted)));
  });
}

function holds(op: Exclude<FilterOp, 'ne'>, value: Scalar, wanted: string): boolean {
  if (op === 'regex') return new RegExp(wanted).test(String(value));
  const order = compareToFilter(value, wanted);
  return order !== undefined && ORDER_TESTS[op](order);
}

// The filter value is read as the document value's kind: a number, `true`/`false`, an ISO date (a
// date-only filter value compares with the day of a date-time, so `eq` matches the whole day, as the
// TMF reference implementation's prefix match does), or plain text. Undefined when it cannot be.
function compareToFilter(value: Scalar, wanted: string): number | undefined {
  if (typeof value === 'number') {
    const number = wanted.trim() === '' ? NaN : Number(wanted);
    return Number.isFinite(number) ? compareScalars(value, number) : undefined;
  }
  if (typeof value === 'boolean') {
    return wanted === 'true' || wanted === 'false' ? compareScalars(value, wanted === 'true') : undefined;
  }
  if (isIsoDate(wanted) && isoInstant(value) !== undefined) return compareScalars(value.slice(0, 10), wanted);
  return compareScalars(value, wanted);
}
