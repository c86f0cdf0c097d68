import { describe, expect, it } from 'vitest';
import { projectFields } from './fields.js';

const order = {
  id: 'po-1',
  href: '/productOrder/po-1',
  '@type': 'ProductOrder',
  state: 'acknowledged',
  orderDate: '2026-05-01T10:00:00Z',
  productOrderItem: [
    { id: '1', action: 'add', product: { id: 'p1', name: 'Fibre' } },
    { action: 'modify', product: { id: 'p2', name: 'Voice' } },
  ],
  note: 'plain',
};

describe('projectFields', () => {
  it('returns the whole document when no fields are selected', () => {
    expect(projectFields(order, undefined)).toBe(order);
  });

  const cases: Array<[string, string[], Record<string, unknown>]> = [
    [
      'keeps the selected attributes plus id, href and @type',
      ['state'],
      { id: 'po-1', href: '/productOrder/po-1', '@type': 'ProductOrder', state: 'acknowledged' },
    ],
    ['keeps only id, href and @type for an empty selection', [], { id: 'po-1', href: '/productOrder/po-1', '@type': 'ProductOrder' }],
    [
      'ignores selected attributes the document lacks',
      ['state', 'missing'],
      { id: 'po-1', href: '/productOrder/po-1', '@type': 'ProductOrder', state: 'acknowledged' },
    ],
    [
      'keeps only the selected parts of each item for a dotted name',
      ['productOrderItem.id'],
      { id: 'po-1', href: '/productOrder/po-1', '@type': 'ProductOrder', productOrderItem: [{ id: '1' }, {}] },
    ],
    [
      'keeps deeper parts for a longer dotted name',
      ['productOrderItem.product.name', 'productOrderItem.action'],
      {
        id: 'po-1',
        href: '/productOrder/po-1',
        '@type': 'ProductOrder',
        productOrderItem: [
          { action: 'add', product: { name: 'Fibre' } },
          { action: 'modify', product: { name: 'Voice' } },
        ],
      },
    ],
    [
      'keeps a whole attribute when both it and a part of it are selected',
      ['productOrderItem.id', 'productOrderItem'],
      { id: 'po-1', href: '/productOrder/po-1', '@type': 'ProductOrder', productOrderItem: order.productOrderItem },
    ],
    [
      'keeps a whole attribute selected before a part of it',
      ['productOrderItem', 'productOrderItem.id'],
      { id: 'po-1', href: '/productOrder/po-1', '@type': 'ProductOrder', productOrderItem: order.productOrderItem },
    ],
    ['drops a scalar when a part of it is selected', ['note.text'], { id: 'po-1', href: '/productOrder/po-1', '@type': 'ProductOrder' }],
  ];
  it.each(cases)('%s', (_, fields, expected) => {
    expect(projectFields(order, fields)).toStrictEqual(expected);
  });

  it('keeps id and href when the document has no @type', () => {
    expect(projectFields({ id: 'x', href: '/x', name: 'n', state: 's' }, ['name'])).toStrictEqual({ id: 'x', href: '/x', name: 'n' });
  });

  it('keeps an own __proto__ attribute as data, not as a prototype', () => {
    const doc = JSON.parse('{"id":"x","__proto__":{"polluted":true}}') as Record<string, unknown>;
    const projected = projectFields(doc, ['__proto__']);
    expect(Object.getPrototypeOf(projected)).toBe(Object.prototype);
    expect(Object.keys(projected)).toEqual(['id', '__proto__']);
  });
});
