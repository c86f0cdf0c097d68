import { describe, expect, it } from 'vitest';
import { capitalised, itemResult, listed, overallResult, reasonOf, Reasons } from './reasons.js';

describe('qualification results', () => {
  it('makes an item qualified without a reason, alternate with a proposal, unqualified otherwise', () => {
    const full = reasonOf('portCapacity', 'port at 32/32', 'waitlist');
    expect([itemResult([], []), itemResult([full], ['VDSL2']), itemResult([full], [])]).toEqual(['qualified', 'alternate', 'unqualified']);
  });

  it.each([
    [['qualified', 'qualified'], 'qualified'],
    [['qualified', 'alternate'], 'alternate'],
    [['alternate', 'unqualified', 'qualified'], 'unqualified'],
  ] as const)('rates %j as %s overall (TMF645)', (items, overall) => {
    expect(overallResult(items)).toBe(overall);
  });

  it('gives every reason its own code', () => {
    const codes = Object.values(Reasons).map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
  });
});

describe('sentences', () => {
  it('lists options with or (or and) and starts a sentence in upper case', () => {
    expect([listed(['a']), listed(['a', 'b']), listed(['a', 'b', 'c'], 'and')]).toEqual(['a', 'a or b', 'a, b and c']);
    expect(capitalised('waitlist')).toBe('Waitlist');
  });
});
