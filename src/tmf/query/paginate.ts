// TMF630 pagination (`?offset=…&limit=…`), done while the items are read: only the first
// offset + limit items (in sort order when there is one) are kept, however many are added.

/** One page of a collection: `total` feeds X-Total-Count, and `partial` (fewer than `total` returned) means 206. */
export interface Page<T> {
  page: T[];
  total: number;
  partial: boolean;
}

/** Takes items one at a time; `page()` answers the page of all those added so far. */
export interface PageCollector<T> {
  add(item: T): void;
  page(): Page<T>;
}

/**
 * The `limit` items starting at 0-based `offset`, in the order added or, given `compare`, in that
 * order with ties kept in the order added (as a stable sort of everything would give).
 */
export function collectPage<T>(offset: number, limit: number, compare?: (a: T, b: T) => number): PageCollector<T> {
  const keep = offset + limit;
  const kept: T[] = [];
  let total = 0;
  return {
    add(item) {
      total++;
      if (!compare) {
        if (kept.length < keep) kept.push(item);
        return;
      }
      if (kept.length === keep && (keep === 0 || compare(item, kept[keep - 1]!) >= 0)) return;
      // After every item it ties with: the first position whose item sorts strictly after it.
      let low = 0;
      let high = kept.length;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (compare(item, kept[middle]!) < 0) high = middle;
        else low = middle + 1;
      }
      kept.splice(low, 0, item);
      if (kept.length > keep) kept.pop();
    },
    page() {
      const page = kept.slice(offset);
      return { page, total, partial: page.length < total };
    },
  };
}
