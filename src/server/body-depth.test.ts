import { describe, expect, it } from 'vitest';
import { nestsDeeperThan } from './body-depth.js';

describe('nestsDeeperThan', () => {
  it('counts objects and arrays alike, the value itself as level 1', () => {
    expect(nestsDeeperThan({ a: [{ b: [] }] }, 4)).toBe(false);
    expect(nestsDeeperThan({ a: [{ b: [] }] }, 3)).toBe(true);
    expect(nestsDeeperThan([[[]]], 2)).toBe(true);
  });

  it('does not count scalars, strings or null as a level', () => {
    expect(nestsDeeperThan('{"a":{"b":{}}}', 0)).toBe(false);
    expect(nestsDeeperThan({ a: null, b: 1, c: 'x' }, 1)).toBe(false);
    expect(nestsDeeperThan(undefined, 0)).toBe(false);
  });

  it('finds the one deep branch among shallow ones', () => {
    expect(nestsDeeperThan({ shallow: [1, 2, 3], other: {}, deep: { a: { b: { c: {} } } } }, 4)).toBe(true);
  });
});
