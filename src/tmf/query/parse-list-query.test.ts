import { describe, expect, it } from 'vitest';
import { TmfError } from '../errors.js';
import { DEFAULT_LIMIT, MAX_LIMIT, parseListQuery, type Filter, type ListQuery } from './parse-list-query.js';

// Parses a raw query string the way Fastify hands it over: one string per key, an array when repeated.
function parse(queryString: string): ListQuery {
  const query: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(queryString)) {
    const seen = query[key];
    query[key] = seen === undefined ? value : [seen, value].flat();
  }
  return parseListQuery(query);
}

function rejection(queryString: string): TmfError {
  try {
    parse(queryString);
  } catch (error) {
    if (error instanceof TmfError) return error;
    throw error;
  }
  throw new Error(`${queryString} was accepted`);
}

describe('parseListQuery', () => {
  it('returns no filters, all fields, no sort, offset 0 and the default limit for an empty query', () => {
    expect(parse('')).toEqual({ filters: [], sort: [], offset: 0, limit: DEFAULT_LIMIT });
    expect(DEFAULT_LIMIT).toBe(100);
    expect(MAX_LIMIT).toBe(1000);
  });

  const filterCases: Array<[string, string, Filter[]]> = [
    ['a plain parameter is an eq filter', 'state=acknowledged', [{ path: ['state'], op: 'eq', values: ['acknowledged'] }]],
    ['a dotted name is a nested path', 'productOrderItem.action=add', [{ path: ['productOrderItem', 'action'], op: 'eq', values: ['add'] }]],
    ['a comma list is OR-ed values', 'state=acknowledged,rejected', [{ path: ['state'], op: 'eq', values: ['acknowledged', 'rejected'] }]],
    ['a repeated parameter is OR-ed values', 'state=acknowledged&state=rejected', [{ path: ['state'], op: 'eq', values: ['acknowledged', 'rejected'] }]],
    [
      'a comma list and another parameter give (a=1 OR a=2) AND b=3',
      'a=1,2&b=3',
      [
        { path: ['a'], op: 'eq', values: ['1', '2'] },
        { path: ['b'], op: 'eq', values: ['3'] },
      ],
    ],
    ['the .eq suffix is eq', 'state.eq=done', [{ path: ['state'], op: 'eq', values: ['done'] }]],
    ['the .ne suffix is ne', 'state.ne=done', [{ path: ['state'], op: 'ne', values: ['done'] }]],
    ['the .gt suffix is gt', 'quantity.gt=2', [{ path: ['quantity'], op: 'gt', values: ['2'] }]],
    ['the .gte suffix is gte on a date-time', 'orderDate.gte=2026-01-01T00:00:00Z', [{ path: ['orderDate'], op: 'gte', values: ['2026-01-01T00:00:00Z'] }]],
    ['the .lt suffix is lt', 'quantity.lt=2', [{ path: ['quantity'], op: 'lt', values: ['2'] }]],
    ['the .lte suffix is lte on a nested path', 'item.quantity.lte=2', [{ path: ['item', 'quantity'], op: 'lte', values: ['2'] }]],
    ['the .regex suffix is regex', 'name.regex=^Fib', [{ path: ['name'], op: 'regex', values: ['^Fib'] }]],
    ['a regex keeps its commas', 'name.regex=^a{1,3}$', [{ path: ['name'], op: 'regex', values: ['^a{1,3}$'] }]],
    ['an attribute merely called like an operator is an attribute', 'gt=1', [{ path: ['gt'], op: 'eq', values: ['1'] }]],
    ['>= arrives as key "x>" and is gte', 'orderDate>=2026-01-01', [{ path: ['orderDate'], op: 'gte', values: ['2026-01-01'] }]],
    ['<= arrives as key "x<" and is lte', 'orderDate<=2026-01-01', [{ path: ['orderDate'], op: 'lte', values: ['2026-01-01'] }]],
    ['!= arrives as key "x!" and is ne', 'state!=rejected,failed', [{ path: ['state'], op: 'ne', values: ['rejected', 'failed'] }]],
    ['*= arrives as key "x*" and is regex', 'name*=^Fib', [{ path: ['name'], op: 'regex', values: ['^Fib'] }]],
    ['> arrives whole in the key and is gt', 'orderDate>2026-01-01', [{ path: ['orderDate'], op: 'gt', values: ['2026-01-01'] }]],
    ['< arrives whole in the key and is lt', 'quantity<5', [{ path: ['quantity'], op: 'lt', values: ['5'] }]],
    ['URI-encoded >= arrives whole in the key and is gte', 'orderDate%3E%3D2026-01-01', [{ path: ['orderDate'], op: 'gte', values: ['2026-01-01'] }]],
    ['URI-encoded != arrives whole in the key and is ne', 'state%21%3Ddone', [{ path: ['state'], op: 'ne', values: ['done'] }]],
    ['an = after a whole-key symbol form belongs to the value', 'note%21%3Da=b', [{ path: ['note'], op: 'ne', values: ['a=b'] }]],
    [
      'double quotes around a value are stripped',
      'orderDate="2026-05-01T10:00:00Z"',
      [{ path: ['orderDate'], op: 'eq', values: ['2026-05-01T10:00:00Z'] }],
    ],
    ['double quotes around each list item are stripped', 'state="a","b"', [{ path: ['state'], op: 'eq', values: ['a', 'b'] }]],
    ['a comma inside double quotes is part of the value', 'name="Smith, J",Doe', [{ path: ['name'], op: 'eq', values: ['Smith, J', 'Doe'] }]],
    ['a quoted value in a symbol form is stripped too', 'orderDate>"2026-01-01"', [{ path: ['orderDate'], op: 'gt', values: ['2026-01-01'] }]],
    ['@ and - are allowed in attribute names', '@type=ProductOrder&x-y_1=2', [
      { path: ['@type'], op: 'eq', values: ['ProductOrder'] },
      { path: ['x-y_1'], op: 'eq', values: ['2'] },
    ]],
    ['a parameter with an empty name is ignored', '=x&state=done', [{ path: ['state'], op: 'eq', values: ['done'] }]],
  ];
  it.each(filterCases)('reads filters: %s', (_, queryString, filters) => {
    expect(parse(queryString).filters).toEqual(filters);
  });

  it('does not take reserved parameters as filters', () => {
    expect(parse('fields=state&sort=id&offset=1&limit=2').filters).toEqual([]);
  });

  const otherCases: Array<[string, string, Partial<ListQuery>]> = [
    ['fields is a comma list', 'fields=state,orderDate', { fields: ['state', 'orderDate'] }],
    ['fields ignores blanks around and between items', 'fields= state,,orderDate ', { fields: ['state', 'orderDate'] }],
    ['repeated fields add up', 'fields=state&fields=productOrderItem.id', { fields: ['state', 'productOrderItem.id'] }],
    ['an empty fields selects nothing beyond the always-kept attributes', 'fields=', { fields: [] }],
    ['sort is ascending by default', 'sort=orderDate', { sort: [{ path: ['orderDate'], descending: false }] }],
    [
      'sort takes - for descending and + (decoded as a space) for ascending',
      'sort=-orderDate,+id,%2Bname',
      {
        sort: [
          { path: ['orderDate'], descending: true },
          { path: ['id'], descending: false },
          { path: ['name'], descending: false },
        ],
      },
    ],
    ['sort takes dotted paths', 'sort=-relatedParty.name', { sort: [{ path: ['relatedParty', 'name'], descending: true }] }],
    ['offset and limit are whole numbers', 'offset=20&limit=10', { offset: 20, limit: 10 }],
    ['limit may be exactly the maximum', 'limit=1000', { limit: 1000 }],
    ['offset 0 is the first item', 'offset=0', { offset: 0 }],
  ];
  it.each(otherCases)('reads reserved parameters: %s', (_, queryString, expected) => {
    expect(parse(queryString)).toMatchObject(expected);
  });

  const tooMany = Array.from({ length: 31 }, (_, i) => `a${i}=1`).join('&');
  const rejections: Array<[string, string, string]> = [
    ['a limit above the maximum', 'limit=1001', 'limit'],
    ['a limit of 0', 'limit=0', 'limit'],
    ['a negative limit', 'limit=-5', 'limit'],
    ['a fractional limit', 'limit=2.5', 'limit'],
    ['a non-numeric limit', 'limit=ten', 'limit'],
    ['an empty limit', 'limit=', 'limit'],
    ['a repeated limit', 'limit=1&limit=2', 'limit'],
    ['a negative offset', 'offset=-1', 'offset'],
    ['a non-numeric offset', 'offset=first', 'offset'],
    ['an offset beyond safe integers', 'offset=99999999999999999999', 'offset'],
    ['an empty path segment in a filter', 'a..b=1', 'a..b'],
    ['a leading dot in a filter', '.state=1', '.state'],
    ['an operator with no attribute', '.gt=1', '.gt'],
    ['a symbol with no attribute', '>=1', '>'],
    ['an implausible attribute name', 'na$me=1', 'na$me'],
    ['an unknown operator symbol', 'a!x', 'a!x'],
    ['an empty path segment in fields', 'fields=a..b', 'fields'],
    ['an implausible name in fields', 'fields=a b', 'fields'],
    ['an implausible name in sort', 'sort=-a/b', 'sort'],
    ['a regex that does not compile', 'name.regex=(a', 'name.regex'],
    ['a regex longer than 200 characters', `name.regex=${'a'.repeat(201)}`, 'name.regex'],
    ['a regex with (a+)+', `name.regex=${encodeURIComponent('^(a+)+$')}`, 'name.regex'],
    ['a regex with (a*)*', 'name*=(a*)*b', 'name*'],
    ['a regex with (.*){2,}', 'name.regex=(.*){2,}x', 'name.regex'],
    ['a quoted regex with nested quantifiers', `name.regex=${encodeURIComponent('"(a+)+"')}`, 'name.regex'],
    ['more than 30 filter parameters', tooMany, 'a30'],
    ['a JSONPath filter (TMF630 Part 5)', `filter=${encodeURIComponent('$[?(@.state=="completed")]')}`, 'filter'],
    ['an expand (TMF630 Part 6)', 'expand=relatedParty', 'expand'],
    ['a depth (TMF630 Part 6)', 'depth=2', 'depth'],
  ];
  it.each(rejections)('rejects %s with INVALID_QUERY naming the parameter', (_, queryString, param) => {
    const error = rejection(queryString);
    expect(error.kind).toBe('INVALID_QUERY');
    expect(error.status).toBe(400);
    expect(error.message).toContain(param);
  });

  it('accepts exactly 30 filter parameters', () => {
    expect(parse(Array.from({ length: 30 }, (_, i) => `a${i}=1`).join('&')).filters).toHaveLength(30);
  });

  it('accepts a regex of exactly 200 characters', () => {
    expect(parse(`name.regex=${'a'.repeat(200)}`).filters[0]!.values[0]).toHaveLength(200);
  });
});
