import { describe, expect, it } from 'vitest';
import { systemSources, timeOrderedUuid } from './sources.js';

const VERSION_7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('fresh ids', () => {
  it('are version 7 UUIDs that carry their millisecond and sort by it', () => {
    const at = Date.parse('2026-12-04T18:00:00.000Z');
    const ids = [at, at + 1, at + 1000, at + 86_400_000].map((ms) => timeOrderedUuid(ms));
    for (const id of ids) expect(id).toMatch(VERSION_7);
    expect([...ids].sort()).toEqual(ids);
    expect(Number.parseInt(ids[0]!.replace(/-/g, '').slice(0, 12), 16)).toBe(at);
  });

  it('never repeat, within a millisecond or across many draws of randomness', () => {
    const ids = Array.from({ length: 20_000 }, () => timeOrderedUuid(0));
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids.map((id) => id.slice(19))).size).toBe(ids.length);
  });

  it('are what the system sources hand out', () => {
    const before = Date.now();
    const id = systemSources().uuid();
    expect(id).toMatch(VERSION_7);
    expect(Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBeGreaterThanOrEqual(before);
  });
});
