import { describe, expect, it } from 'vitest';
import type { Run } from './api';
import { listedStatusIsStale } from './run-list';

const run = (id: string, status: string) => ({ id, scenario: 'partial-home-network', status, correlationId: `journey-${id}`, input: {}, context: {} }) as Run;

describe('listedStatusIsStale', () => {
  it('asks for the list again when it shows a run still going that has ended since, however fast it ended', () => {
    expect(listedStatusIsStale([run('a', 'completed'), run('b', 'running')], { run: run('b', 'partial') })).toBe(true);
  });

  it('leaves the list alone when it agrees, or does not hold the run at all', () => {
    expect(listedStatusIsStale([run('b', 'partial')], { run: run('b', 'partial') })).toBe(false);
    expect(listedStatusIsStale([run('a', 'running')], { run: run('b', 'partial') })).toBe(false);
  });
});
