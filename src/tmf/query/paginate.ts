// TMF630 pagination (`?offset=…&limit=…`).

/** One page of a collection: `total` feeds X-Total-Count, and `partial` (fewer than `total` returned) means 206. */
export interface Page<T> {
  page: T[];
  total: number;
  partial: boolean;
}

/** The `limit` items starting at 0-based `offset`. */
export function paginate<T>(items: readonly T[], offset: number, limit: number): Page<T> {
  const page = items.slice(offset, offset + limit);
  return { page, total: items.length, partial: page.length < items.length };
}
