import { describe, expect, it } from 'vitest';
import { paginate } from './paginate.js';

const items = ['a', 'b', 'c', 'd', 'e'];

describe('paginate', () => {
  const cases: Array<[string, number, number, string[], boolean]> = [
    ['returns everything, not partial, when the limit covers all', 0, 100, ['a', 'b', 'c', 'd', 'e'], false],
    ['returns everything, not partial, when the limit equals the total', 0, 5, ['a', 'b', 'c', 'd', 'e'], false],
    ['returns the first page, partial, when the limit truncates', 0, 2, ['a', 'b'], true],
    ['starts at the 0-based offset', 2, 2, ['c', 'd'], true],
    ['returns a short last page, partial', 4, 2, ['e'], true],
    ['returns an empty page, partial, past the end', 9, 2, [], true],
  ];
  it.each(cases)('%s (offset %i, limit %i)', (_, offset, limit, page, partial) => {
    expect(paginate(items, offset, limit)).toEqual({ page, total: 5, partial });
  });

  it('is not partial for an empty collection', () => {
    expect(paginate([], 0, 10)).toEqual({ page: [], total: 0, partial: false });
  });
});
