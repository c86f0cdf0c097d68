import { describe, expect, it } from 'vitest';
import { collectPage } from './paginate.js';

const items = ['a', 'b', 'c', 'd', 'e'];

function collected<T>(all: readonly T[], offset: number, limit: number, compare?: (a: T, b: T) => number) {
  const collector = collectPage(offset, limit, compare);
  for (const item of all) collector.add(item);
  return collector.page();
}

describe('collecting a page', () => {
  const cases: Array<[string, number, number, string[], boolean]> = [
    ['returns everything, not partial, when the limit covers all', 0, 100, ['a', 'b', 'c', 'd', 'e'], false],
    ['returns everything, not partial, when the limit equals the total', 0, 5, ['a', 'b', 'c', 'd', 'e'], false],
    ['returns the first page, partial, when the limit truncates', 0, 2, ['a', 'b'], true],
    ['starts at the 0-based offset', 2, 2, ['c', 'd'], true],
    ['returns a short last page, partial', 4, 2, ['e'], true],
    ['returns an empty page, partial, past the end', 9, 2, [], true],
  ];
  it.each(cases)('%s (offset %i, limit %i)', (_, offset, limit, page, partial) => {
    expect(collected(items, offset, limit)).toEqual({ page, total: 5, partial });
  });

  it('is not partial for an empty collection', () => {
    expect(collected([], 0, 10)).toEqual({ page: [], total: 0, partial: false });
  });

  it('gives the page a stable sort of everything would, ties in the order added, whatever the offset and limit', () => {
    // Items with few distinct keys (many ties), in a scrambled order; each remembers where it was added.
    const all = Array.from({ length: 60 }, (_, i) => ({ key: (i * 37) % 7, added: i }));
    const compare = (a: { key: number }, b: { key: number }) => a.key - b.key;
    const sorted = [...all].sort(compare);
    for (const offset of [0, 1, 5, 13, 59, 60, 70]) {
      for (const limit of [1, 2, 7, 20, 100]) {
        const page = sorted.slice(offset, offset + limit);
        expect(collected(all, offset, limit, compare), `offset ${offset}, limit ${limit}`).toEqual({ page, total: 60, partial: page.length < 60 });
      }
    }
  });
});
