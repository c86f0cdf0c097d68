import { describe, expect, it } from 'vitest';
import type { SortKey } from './parse-list-query.js';
import { compareBySortKeys } from './sort.js';

const docs = [
  { id: 'a', state: 'completed', priority: 10, orderDate: '2026-05-01T12:00:00+02:00', item: [{ n: 'z' }] },
  { id: 'b', state: 'acknowledged', priority: 2, orderDate: '2026-05-01T11:00:00Z', item: [{ n: 'm' }, { n: 'a' }] },
  { id: 'c', state: 'completed', orderDate: '2026-04-30' },
  { id: 'd', state: 'acknowledged', priority: 2, orderDate: '2026-05-02T00:00:00Z', item: [] },
];

const asc = (...path: string[]): SortKey => ({ path, descending: false });
const desc = (...path: string[]): SortKey => ({ path, descending: true });

describe('compareBySortKeys', () => {
  const cases: Array<[string, SortKey[], string[]]> = [
    ['keeps the original order without keys', [], ['a', 'b', 'c', 'd']],
    ['sorts strings ascending, keeping ties in their original order', [asc('state')], ['b', 'd', 'a', 'c']],
    ['sorts strings descending with -', [desc('state')], ['a', 'c', 'b', 'd']],
    ['sorts numbers numerically, missing last', [asc('priority')], ['b', 'd', 'a', 'c']],
    ['puts missing values last when descending too', [desc('priority')], ['a', 'b', 'd', 'c']],
    ['sorts date-times by instant across offsets and dates', [asc('orderDate')], ['c', 'a', 'b', 'd']],
    ['sorts dates descending', [desc('orderDate')], ['d', 'b', 'a', 'c']],
    ['breaks ties with the next key', [asc('state'), desc('orderDate')], ['d', 'b', 'a', 'c']],
    ['sorts by the first value of an array path', [asc('item', 'n')], ['b', 'a', 'c', 'd']],
  ];
  it.each(cases)('%s', (_, keys, expectedIds) => {
    expect([...docs].sort(compareBySortKeys(keys)).map((doc) => doc.id)).toEqual(expectedIds);
  });
});
