// TMF630 list-query mechanics: parse the query, then filter, sort, paginate and project documents.

import { projectFields } from './fields.js';
import { matchesFilters } from './filter.js';
import { paginate, type Page } from './paginate.js';
import type { ListQuery } from './parse-list-query.js';
import { compareBySortKeys } from './sort.js';

export { projectFields } from './fields.js';
export { matchesFilters } from './filter.js';
export { paginate, type Page } from './paginate.js';
export {
  DEFAULT_LIMIT,
  FilterOps,
  MAX_LIMIT,
  parseListQuery,
  type Filter,
  type FilterOp,
  type ListQuery,
  type SortKey,
} from './parse-list-query.js';
export { compareBySortKeys } from './sort.js';

/** Answers a list request over in-memory documents: filter → sort → paginate → project. */
export function applyListQuery<T extends Record<string, unknown>>(
  docs: readonly T[],
  query: ListQuery,
): Page<Record<string, unknown>> {
  const matching = docs.filter((doc) => matchesFilters(doc, query.filters));
  if (query.sort.length > 0) matching.sort(compareBySortKeys(query.sort));
  const { page, total, partial } = paginate(matching, query.offset, query.limit);
  return { page: page.map((doc) => projectFields(doc, query.fields)), total, partial };
}
