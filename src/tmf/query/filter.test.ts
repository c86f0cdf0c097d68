import { describe, expect, it } from 'vitest';
import { matchesFilters } from './filter.js';
import { parseListQuery } from './parse-list-query.js';

const order = {
  id: 'po-1',
  state: 'acknowledged',
  orderDate: '2026-05-01T10:00:00Z',
  requestedStartDate: '2026-05-03',
  priority: 4,
  quantity: 2.5,
  isBundle: false,
  productOrderItem: [
    { id: '1', action: 'modify', product: { characteristic: [{ name: 'speed', value: '100M' }] } },
    { id: '2', action: 'add', product: { characteristic: [{ name: 'vlan', value: '42' }] } },
  ],
  relatedParty: [{ id: 'c-9', role: 'customer' }],
  note: [[{ text: 'nested' }]],
  description: null,
};

// Filters written as the query parameters a client sends.
function matches(query: Record<string, string | string[]>): boolean {
  return matchesFilters(order, parseListQuery(query).filters);
}

type Case = [string, Record<string, string | string[]>, boolean];

describe('matchesFilters', () => {
  it('lets every document through when there are no filters', () => {
    expect(matchesFilters(order, [])).toBe(true);
  });

  const strings: Case[] = [
    ['eq matches an equal string', { state: 'acknowledged' }, true],
    ['eq is case-sensitive', { state: 'Acknowledged' }, false],
    ['eq is exact, not a prefix, for non-dates', { state: 'ack' }, false],
    ['eq matches one of OR-ed values', { state: 'rejected,acknowledged' }, true],
    ['eq fails when no OR-ed value matches', { state: 'rejected,completed' }, false],
    ['ne passes when no value equals', { 'state.ne': 'rejected' }, true],
    ['ne fails when a value equals', { 'state.ne': 'acknowledged' }, false],
    ['ne fails when any OR-ed value equals', { 'state.ne': 'rejected,acknowledged' }, false],
    ['gt compares strings by code point', { 'state.gt': 'abc' }, true],
    ['lt compares strings by code point', { 'state.lt': 'abc' }, false],
    ['regex tests the string value', { 'state.regex': '^ack.*ged$' }, true],
    ['regex without a match fails', { 'state.regex': '^rej' }, false],
    ['regex is case-sensitive', { 'state.regex': '^ACK' }, false],
  ];
  it.each(strings)('on strings: %s', (_, query, expected) => {
    expect(matches(query)).toBe(expected);
  });

  const numbers: Case[] = [
    ['eq compares numerically', { priority: '4' }, true],
    ['eq reads 4.0 as 4', { priority: '4.0' }, true],
    ['gt compares numerically, not as text', { 'priority.gt': '10' }, false],
    ['gte includes the value', { 'priority.gte': '4' }, true],
    ['lt compares numerically, not as text', { 'priority.lt': '10' }, true],
    ['lte excludes a smaller value', { 'priority.lte': '3' }, false],
    ['a fractional number compares numerically', { 'quantity.gt': '2.25' }, true],
    ['a non-numeric filter value matches no number', { priority: 'four' }, false],
    ['an empty filter value matches no number', { priority: '' }, false],
    ['regex tests the number as text', { 'priority.regex': '^4$' }, true],
  ];
  it.each(numbers)('on numbers: %s', (_, query, expected) => {
    expect(matches(query)).toBe(expected);
  });

  const booleans: Case[] = [
    ['false matches false', { isBundle: 'false' }, true],
    ['true does not match false', { isBundle: 'true' }, false],
    ['other text does not match a boolean', { isBundle: '0' }, false],
    ['ne true passes on false', { 'isBundle.ne': 'true' }, true],
  ];
  it.each(booleans)('on booleans: %s', (_, query, expected) => {
    expect(matches(query)).toBe(expected);
  });

  const dates: Case[] = [
    ['the same date-time matches', { orderDate: '2026-05-01T10:00:00Z' }, true],
    ['the same instant in another offset matches', { orderDate: '2026-05-01T12:00:00+02:00' }, true],
    ['the same instant with milliseconds matches', { orderDate: '2026-05-01T10:00:00.000Z' }, true],
    ['a quoted date-time, as CTKs send it, matches', { orderDate: '"2026-05-01T10:00:00Z"' }, true],
    ['another date-time does not match', { orderDate: '2026-05-01T10:00:01Z' }, false],
    ['a date-only value matches the whole day of a date-time', { orderDate: '2026-05-01' }, true],
    ['a date-only value of another day does not match', { orderDate: '2026-05-02' }, false],
    ['ne with a date-only value excludes the whole day', { 'orderDate.ne': '2026-05-01' }, false],
    ['gt a date-only value means after that day', { 'orderDate.gt': '2026-05-01' }, false],
    ['gte a date-only value includes that day', { 'orderDate.gte': '2026-05-01' }, true],
    ['lt a date-only value means before that day', { 'orderDate.lt': '2026-05-01' }, false],
    ['lte a date-only value includes that day', { 'orderDate.lte': '2026-05-01' }, true],
    ['gt compares date-times as instants', { 'orderDate.gt': '2026-05-01T11:00:00+02:00' }, true],
    ['gte an earlier date-time matches', { 'orderDate.gte': '2026-01-01T00:00:00Z' }, true],
    ['lt a later date-time matches', { 'orderDate.lt': '2026-05-01T10:00:00.001Z' }, true],
    ['lt the same date-time fails', { 'orderDate.lt': '2026-05-01T10:00:00Z' }, false],
    ['a date-only document value is midnight UTC against a date-time', { 'requestedStartDate.lt': '2026-05-03T00:00:01Z' }, true],
    ['a date-only document value equals the same date', { requestedStartDate: '2026-05-03' }, true],
    ['a date range is two AND-ed filters', { 'orderDate.gte': '2026-05-01', 'orderDate.lt': '2026-05-02' }, true],
    ['text that is not a date does not equal a date', { orderDate: 'yesterday' }, false],
    ['text that is not a date is neither before nor after one', { 'orderDate.gt': 'yesterday' }, false],
  ];
  it.each(dates)('on dates: %s', (_, query, expected) => {
    expect(matches(query)).toBe(expected);
  });

  const paths: Case[] = [
    ['a path into an array matches when a later element matches', { 'productOrderItem.action': 'add' }, true],
    ['a path into an array matches when the first element matches', { 'productOrderItem.action': 'modify' }, true],
    ['a path into an array fails when no element matches', { 'productOrderItem.action': 'delete' }, false],
    ['ne on an array fails when any element equals', { 'productOrderItem.action.ne': 'add' }, false],
    ['ne on an array passes when no element equals', { 'productOrderItem.action.ne': 'delete' }, true],
    ['arrays anywhere along the path are searched', { 'productOrderItem.product.characteristic.value': '42' }, true],
    ['nested arrays are searched', { 'note.text': 'nested' }, true],
    ['relatedParty.id finds a party', { 'relatedParty.id': 'c-9' }, true],
    ['a missing attribute matches nothing', { channel: 'web' }, false],
    ['a missing nested attribute matches nothing', { 'relatedParty.name': 'x' }, false],
    ['a missing attribute passes ne', { 'channel.ne': 'web' }, true],
    ['a null attribute matches nothing', { description: 'null' }, false],
    ['an object is not compared with text', { relatedParty: '[object Object]' }, false],
    ['a path does not reach into the prototype', { 'constructor.name': 'Object' }, false],
    ['a path through a string reaches nothing', { 'state.length': '12' }, false],
  ];
  it.each(paths)('on paths: %s', (_, query, expected) => {
    expect(matches(query)).toBe(expected);
  });

  const combinations: Case[] = [
    ['(a=1 OR a=2) AND b=3 passes when both hold', { state: 'rejected,acknowledged', priority: '4' }, true],
    ['(a=1 OR a=2) AND b=3 fails when b fails', { state: 'rejected,acknowledged', priority: '5' }, false],
    ['repeated parameters are OR-ed', { state: ['rejected', 'acknowledged'] }, true],
    ['one failing filter among several fails', { state: 'acknowledged', 'relatedParty.role': 'seller' }, false],
    ['several regexes of one parameter are OR-ed', { 'state.regex': ['^x', '^a'] }, true],
    ['a symbol form filters like its suffix form', { 'orderDate>': '2026-05-01' }, true],
    ['a whole-key symbol form filters like its suffix form', { 'priority<3': '' }, false],
    ['a *= regex filters', { 'state*': 'ged$' }, true],
  ];
  it.each(combinations)('combined: %s', (_, query, expected) => {
    expect(matches(query)).toBe(expected);
  });
});
