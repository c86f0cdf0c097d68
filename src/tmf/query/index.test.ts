import { describe, expect, it } from 'vitest';
import { listCollector, parseListQuery } from './index.js';

function listed(docs: readonly Record<string, unknown>[], query: Record<string, string>) {
  const collector = listCollector(parseListQuery(query));
  for (const doc of docs) collector.add(doc);
  return collector.page();
}

const orders = [
  { id: '1', href: '/po/1', '@type': 'ProductOrder', state: 'acknowledged', orderDate: '2026-05-03T00:00:00Z', productOrderItem: [{ action: 'add' }] },
  { id: '2', href: '/po/2', '@type': 'ProductOrder', state: 'completed', orderDate: '2026-05-01T00:00:00Z', productOrderItem: [{ action: 'modify' }, { action: 'add' }] },
  { id: '3', href: '/po/3', '@type': 'ProductOrder', state: 'rejected', orderDate: '2026-05-02T00:00:00Z', productOrderItem: [{ action: 'delete' }] },
  { id: '4', href: '/po/4', '@type': 'ProductOrder', state: 'acknowledged', orderDate: '2026-04-30T00:00:00Z', productOrderItem: [] },
];

describe('a list query over documents added one at a time', () => {
  const cases: Array<[string, Record<string, string>, Array<Record<string, unknown>>, number, boolean]> = [
    ['returns every document when the query is empty', {}, orders, 4, false],
    [
      'filters, sorts, pages and projects in that order',
      { 'productOrderItem.action': 'add', sort: 'orderDate', limit: '1', fields: 'state' },
      [{ id: '2', href: '/po/2', '@type': 'ProductOrder', state: 'completed' }],
      2,
      true,
    ],
    [
      'pages after sorting',
      { sort: '-orderDate', offset: '1', limit: '2', fields: 'orderDate' },
      [
        { id: '3', href: '/po/3', '@type': 'ProductOrder', orderDate: '2026-05-02T00:00:00Z' },
        { id: '2', href: '/po/2', '@type': 'ProductOrder', orderDate: '2026-05-01T00:00:00Z' },
      ],
      4,
      true,
    ],
    [
      'counts the total after filtering, and is complete when the page holds it',
      { state: 'acknowledged,rejected', 'orderDate.gte': '2026-05-01', fields: 'id' },
      [
        { id: '1', href: '/po/1', '@type': 'ProductOrder' },
        { id: '3', href: '/po/3', '@type': 'ProductOrder' },
      ],
      2,
      false,
    ],
    ['returns nothing, complete, when nothing matches', { state: 'inProgress' }, [], 0, false],
  ];
  it.each(cases)('%s', (_, query, page, total, partial) => {
    expect(listed(orders, query)).toEqual({ page, total, partial });
  });

  it('leaves the given documents and their order untouched', () => {
    const copy = structuredClone(orders);
    listed(orders, { sort: '-id', fields: 'state' });
    expect(orders).toEqual(copy);
  });
});
