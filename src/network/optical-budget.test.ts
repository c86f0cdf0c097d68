import { describe, expect, it } from 'vitest';
import { opticalBudget, type OpticalPath } from './optical-budget.js';

const path = (overrides: Partial<OpticalPath>): OpticalPath => ({
  opticClass: 'B+',
  splitters: [{ name: 'S1', ratio: '1:32' }],
  fibres: [],
  connectors: 0,
  splices: 0,
  coexistenceElements: 0,
  ...overrides,
});

describe('opticalBudget', () => {
  it.each([
    {
      name: "Jane's path: 1:32 17.5 + 3.2 km × 0.35 = 1.12 + 45 m × 0.35 = 0.016 + 4 × 0.5 + 6 × 0.1 + 3 margin = 24.236 of B+ 28",
      path: path({
        fibres: [{ name: 'feeder', lengthM: 3200, fibreType: 'G.652D' }, { name: 'drop', lengthM: 45, fibreType: 'G.657A2' }],
        connectors: 4,
        splices: 6,
      }),
      lossDb: 24.236, maxDb: 28, marginDb: 3.764, withinBudget: true,
    },
    {
      name: 'deep split: 1:64 21 + 10.4 km × 0.35 = 3.64 + 180 m × 0.35 = 0.063 + 5 × 0.5 + 10 × 0.1 + 3 = 31.203 of B+ 28',
      path: path({
        splitters: [{ name: 'S64', ratio: '1:64' }],
        fibres: [{ name: 'feeder', lengthM: 10400, fibreType: 'G.652D' }, { name: 'drop', lengthM: 180, fibreType: 'G.652D' }],
        connectors: 5,
        splices: 10,
      }),
      lossDb: 31.203, maxDb: 28, marginDb: -3.203, withinBudget: false,
    },
    {
      name: 'the same deep split on a C+ optic: 31.203 of 32 leaves 0.797',
      path: path({
        opticClass: 'C+',
        splitters: [{ name: 'S64', ratio: '1:64' }],
        fibres: [{ name: 'feeder', lengthM: 10400, fibreType: 'G.652D' }, { name: 'drop', lengthM: 180, fibreType: 'G.652D' }],
        connectors: 5,
        splices: 10,
      }),
      lossDb: 31.203, maxDb: 32, marginDb: 0.797, withinBudget: true,
    },
    {
      name: 'XGS-PON overlay: 17.5 + 1.12 + 0.016 + 5 × 0.5 + 6 × 0.1 + 1 coexistence + 3 = 25.736 of N1 29',
      path: path({
        opticClass: 'N1',
        fibres: [{ name: 'feeder', lengthM: 3200, fibreType: 'G.652D' }, { name: 'drop', lengthM: 45, fibreType: 'G.657A2' }],
        connectors: 5,
        splices: 6,
        coexistenceElements: 1,
      }),
      lossDb: 25.736, maxDb: 29, marginDb: 3.264, withinBudget: true,
    },
    {
      name: 'exactly at the maximum is within: 17.5 + 15 × 0.5 + 3 = 28.0 of B+ 28',
      path: path({ connectors: 15 }),
      lossDb: 28, maxDb: 28, marginDb: 0, withinBudget: true,
    },
  ])('$name', ({ path: p, lossDb, maxDb, marginDb, withinBudget }) => {
    expect(opticalBudget(p)).toMatchObject({ lossDb, maxDb, marginDb, withinBudget });
  });

  it('itemises every element that costs something, and the lines add up to the total', () => {
    const budget = opticalBudget(path({
      fibres: [{ name: 'feeder', lengthM: 3200, fibreType: 'G.652D' }],
      connectors: 2,
      splices: 1,
    }));
    expect(budget.contributions).toEqual([
      { item: 'splitter S1 1:32', lossDb: 17.5 },
      { item: 'feeder: 3200 m G.652D at 0.35 dB/km', lossDb: 1.12 },
      { item: '2 connectors at 0.5 dB', lossDb: 1 },
      { item: '1 splice at 0.1 dB', lossDb: 0.1 },
      { item: 'operating margin', lossDb: 3 },
    ]);
    expect(budget.contributions.reduce((sum, c) => sum + c.lossDb, 0)).toBeCloseTo(budget.lossDb, 9);
  });
});
