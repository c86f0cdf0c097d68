// TMF630 sorting (`?sort=-orderDate,id`).

import type { SortKey } from './parse-list-query.js';
import { orderScalars, scalarsAt } from './scalars.js';

/**
 * A comparator for `Array.prototype.sort` (stable): keys in order, values ordered as filters compare them,
 * documents missing a key after the others whichever the direction. An array path sorts by its first value.
 */
export function compareBySortKeys(keys: readonly SortKey[]): (a: unknown, b: unknown) => number {
  return (a, b) => {
    for (const { path, descending } of keys) {
      const left = scalarsAt(a, path)[0];
      const right = scalarsAt(b, path)[0];
      if (left === undefined || right === undefined) {
        if (left === right) continue;
        return left === undefined ? 1 : -1;
      }
      const order = orderScalars(left, right);
      if (order !== 0) return descending ? -order : order;
    }
    return 0;
  };
}
