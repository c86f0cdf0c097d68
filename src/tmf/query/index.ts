// TMF630 list-query mechanics: parse the query, then filter, sort, paginate and project documents,
// one document at a time, so that a listing holds its page and not everything it read.

import { projectFields } from './fields.js';
import { matchesFilters } from './filter.js';
import { collectPage, type PageCollector } from './paginate.js';
import type { ListQuery } from './parse-list-query.js';
import { compareBySortKeys } from './sort.js';

export { projectFields } from './fields.js';
export { matchesFilters } from './filter.js';
export { collectPage, type Page, type PageCollector } from './paginate.js';
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

/** Answers a list request over documents added one at a time: filter → sort → paginate → project. */
export function listCollector(query: ListQuery): PageCollector<Record<string, unknown>> {
  const collected = collectPage<Record<string, unknown>>(query.offset, query.limit, query.sort.length > 0 ? compareBySortKeys(query.sort) : undefined);
  return {
    add(doc) {
      if (matchesFilters(doc, query.filters)) collected.add(doc);
    },
    page() {
      const { page, total, partial } = collected.page();
      return { page: page.map((doc) => projectFields(doc, query.fields)), total, partial };
    },
  };
}
