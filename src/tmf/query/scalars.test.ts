import { describe, expect, it } from 'vitest';
import { compareScalars, isIsoDate, isoInstant, orderScalars, scalarsAt, type Scalar } from './scalars.js';

describe('scalarsAt', () => {
  const doc = {
    a: { b: [{ c: 1 }, { c: [2, 3] }, { d: 4 }] },
    inheriting: Object.create({ inherited: 'from the prototype' }) as object,
    s: 'x',
    n: null,
    o: { p: {} },
    grid: [[{ v: 'a' }], [{ v: 'b' }]],
  };
  const cases: Array<[string, string[], Scalar[]]> = [
    ['a first-level scalar', ['s'], ['x']],
    ['values through an array of objects, flattening array leaves', ['a', 'b', 'c'], [1, 2, 3]],
    ['values through nested arrays', ['grid', 'v'], ['a', 'b']],
    ['nothing for a missing attribute', ['missing'], []],
    ['nothing for null', ['n'], []],
    ['nothing for an object', ['o', 'p'], []],
    ['nothing through a scalar', ['s', 'length'], []],
    ['nothing from the prototype', ['inheriting', 'inherited'], []],
  ];
  it.each(cases)('finds %s', (_, path, expected) => {
    expect(scalarsAt(doc, path)).toEqual(expected);
  });
});

describe('ISO dates', () => {
  const instants: Array<[string, number | undefined]> = [
    ['2026-05-01', Date.UTC(2026, 4, 1)],
    ['2026-05-01T10:00:00Z', Date.UTC(2026, 4, 1, 10)],
    ['2026-05-01T12:00:00+02:00', Date.UTC(2026, 4, 1, 10)],
    ['2026-05-01T12:00:00+0200', Date.UTC(2026, 4, 1, 10)],
    ['2026-05-01T10:00:00.250Z', Date.UTC(2026, 4, 1, 10, 0, 0, 250)],
    ['2026-05-01T10:00', Date.UTC(2026, 4, 1, 10)],
    ['2026-05-01T10:00:00', Date.UTC(2026, 4, 1, 10)],
    ['2026-13-01', undefined],
    ['May 1, 2026', undefined],
    ['20260501', undefined],
    ['2026-05-01 10:00:00', undefined],
  ];
  it.each(instants)('reads %s as instant %s (zone-less times as UTC)', (text, expected) => {
    expect(isoInstant(text)).toBe(expected);
  });

  it('reads zone-less times as UTC whatever the server time zone', () => {
    const serverZone = process.env.TZ;
    process.env.TZ = 'America/New_York';
    try {
      expect(isoInstant('2026-05-01T10:00:00')).toBe(Date.UTC(2026, 4, 1, 10));
    } finally {
      if (serverZone === undefined) delete process.env.TZ;
      else process.env.TZ = serverZone;
    }
  });

  it.each([
    ['2026-05-01', true],
    ['2026-05-01T00:00:00Z', false],
    ['2026-5-1', false],
  ] as const)('says whether %s is a date without a time: %s', (text, expected) => {
    expect(isIsoDate(text)).toBe(expected);
  });
});

describe('compareScalars', () => {
  const cases: Array<[Scalar, Scalar, number | undefined]> = [
    [2, 10, -1],
    [10, 2, 1],
    [2, 2, 0],
    [false, true, -1],
    ['b', 'a', 1],
    ['B', 'a', -1],
    ['2026-05-01T12:00:00+02:00', '2026-05-01T10:00:00Z', 0],
    ['2026-05-01T09:00:00Z', '2026-05-01T10:00:00+02:00', 1],
    ['2026-05-01', '2026-05-01T00:00:00Z', 0],
    [1, '1', undefined],
    ['2026-05-01', 'x', undefined],
    [true, 1, undefined],
  ];
  it.each(cases)('compares %j with %j as %s', (a, b, expected) => {
    const order = compareScalars(a, b);
    expect(order === undefined ? undefined : Math.sign(order)).toBe(expected);
  });
});

describe('orderScalars', () => {
  it('orders mixed kinds as numbers, booleans, dates, then strings', () => {
    const mixed: Scalar[] = ['zeta', '2026-01-01', true, 3, 'alpha', 1, false, '2025-06-01T00:00:00Z'];
    expect([...mixed].sort(orderScalars)).toEqual([1, 3, false, true, '2025-06-01T00:00:00Z', '2026-01-01', 'alpha', 'zeta']);
  });
});
