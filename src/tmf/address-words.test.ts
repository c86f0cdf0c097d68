import { describe, expect, it } from 'vitest';
import { words } from './address-words.js';

describe('address words as compared', () => {
  it.each([
    ['  Maple   AVENUE ', 'maple ave'],
    ['St. E', 'st e'],
    ['Street East', 'st e'],
    ['Ontario', 'on'],
    ['British Columbia', 'bc'],
    ['Canada', 'ca'],
    [42, '42'],
    [undefined, ''],
  ])('reads %j as %j', (input, expected) => {
    expect(words(input)).toBe(expected);
  });
});
