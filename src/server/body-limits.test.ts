import { describe, expect, it } from 'vitest';
import { bodyProblem } from './body-limits.js';

const TOO_DEEP = /more than \d+ levels deep/;

describe('bodyProblem', () => {
  it('counts objects and arrays alike, the value itself as level 1', () => {
    expect(bodyProblem({ a: [{ b: [] }] }, 4)).toBeUndefined();
    expect(bodyProblem({ a: [{ b: [] }] }, 3)).toMatch(TOO_DEEP);
    expect(bodyProblem([[[]]], 2)).toMatch(TOO_DEEP);
  });

  it('does not count scalars, strings or null as a level', () => {
    expect(bodyProblem('{"a":{"b":{}}}', 0)).toBeUndefined();
    expect(bodyProblem({ a: null, b: 1, c: 'x' }, 1)).toBeUndefined();
    expect(bodyProblem(undefined, 0)).toBeUndefined();
  });

  it('finds the one deep branch among shallow ones', () => {
    expect(bodyProblem({ shallow: [1, 2, 3], other: {}, deep: { a: { b: { c: {} } } } }, 4)).toMatch(TOO_DEEP);
  });

  it('names a number that overflowed to Infinity by its path, and takes the largest finite one', () => {
    expect(bodyProblem({ item: [{ id: '1' }, { quantity: JSON.parse('1e400') }] }, 64)).toMatch(/^item\[1\]\.quantity is a number beyond the range/);
    expect(bodyProblem({ a: { b: -Infinity } }, 64)).toMatch(/^a\.b is a number/);
    expect(bodyProblem([Infinity], 64)).toMatch(/^\[0\] is a number/);
    expect(bodyProblem(Infinity, 64)).toMatch(/^the body is a number/);
    expect(bodyProblem({ max: Number.MAX_VALUE, min: -Number.MAX_VALUE, tiny: JSON.parse('1e-400') }, 64)).toBeUndefined();
  });
});
