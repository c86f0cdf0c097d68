import { describe, expect, it } from 'vitest';
import { accepts } from './accept.js';

describe('accepts', () => {
  it.each([
    [undefined, true],
    ['', true],
    ['application/json', true],
    ['APPLICATION/JSON', true],
    ['application/*', true],
    ['*/*', true],
    ['text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', true],
    ['application/json; charset=utf-8', true],
    ['application/xml', false],
    ['text/*', false],
    ['application/json;q=0, text/csv', false],
    ['*/*;q=0', false],
  ])('Accept: %s takes application/json: %s', (header, expected) => {
    expect(accepts(header, 'application/json')).toBe(expected);
  });
});
