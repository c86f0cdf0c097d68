import { describe, expect, it } from 'vitest';
import { Categories } from '../../src/lifecycle/machine.ts';
import { PILL_TEXT, contrastRatio, stateStyle, tint } from './pill-colours';

describe('state pill colours', () => {
  it('mixes a colour with white', () => {
    expect(tint('#000000', 0.25)).toBe('#bfbfbf');
    expect(tint('#3b82f6', 1)).toBe('#3b82f6');
  });

  it('measures contrast as WCAG does', () => {
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#f59e0b')).toBeCloseTo(2.15, 2);
  });

  it('keeps every lifecycle category readable: at least 4.5:1, where white text on the colour itself was not', () => {
    for (const [id, { colour }] of Object.entries(Categories)) {
      expect(contrastRatio(PILL_TEXT, String(stateStyle(colour).background)), id).toBeGreaterThanOrEqual(4.5);
    }
    expect(Object.values(Categories).some(({ colour }) => contrastRatio('#ffffff', colour) < 4.5)).toBe(true);
  });
});
