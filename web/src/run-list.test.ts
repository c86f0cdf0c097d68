import { describe, expect, it } from 'vitest';
import type { Run } from './api';
import { callMayChangeList, defaultRun, listAwaitsRun, listedStatusIsStale, pickerOptions } from './run-list';

const run = (id: string, status: string, scenario = 'partial-home-network') => ({ id, scenario, status, correlationId: `journey-${id}`, input: {}, context: {} }) as Run;

describe('listedStatusIsStale', () => {
  it('asks for the list again when it shows a run still going that has ended since, however fast it ended', () => {
    expect(listedStatusIsStale([run('a', 'completed'), run('b', 'running')], { run: run('b', 'partial') })).toBe(true);
  });

  it('leaves the list alone when it agrees, or does not hold the run at all', () => {
    expect(listedStatusIsStale([run('b', 'partial')], { run: run('b', 'partial') })).toBe(false);
    expect(listedStatusIsStale([run('a', 'running')], { run: run('b', 'partial') })).toBe(false);
  });
});

describe('following the live stream', () => {
  it('reads the list again for a call of a run it does not hold, holds as running, or holds as held (it may resume)', () => {
    const runs = [run('a', 'running'), run('h', 'held'), run('c', 'completed')];
    expect(['new', 'a', 'h', 'c'].map((id) => callMayChangeList(runs, id))).toEqual([true, true, true, false]);
  });

  it('keeps reading it until the run shows where it stopped, held included', () => {
    const runs = [run('a', 'running'), run('h', 'held'), run('f', 'failed')];
    expect(['new', 'a', 'h', 'f'].map((id) => listAwaitsRun(runs, id))).toEqual([true, true, false, false]);
  });
});

describe('defaultRun', () => {
  it('shows the newest completed GPON provision, and says so, even when newer runs of other journeys exist', () => {
    const runs = [run('r', 'failed', 'reject-tech-002'), run('g2', 'running', 'gpon-ftth'), run('g1', 'completed', 'gpon-ftth')];
    expect(defaultRun(runs)).toEqual({ run: runs[2], label: 'latest completed gpon-ftth' });
  });

  it('falls back to the newest run of any kind, named for what it is', () => {
    const runs = [run('r', 'failed', 'reject-tech-002')];
    expect(defaultRun(runs)).toEqual({ run: runs[0], label: 'latest run' });
    expect(defaultRun([])).toEqual({ run: undefined, label: 'latest run' });
  });
});

describe('pickerOptions', () => {
  const live = { runId: 'run-live-0123456789', scenario: 'gpon-ftth', status: 'completed' };

  it('labels the live run with the status the lanes show while the list still reads it running', () => {
    const runs = [run('run-live-0123456789', 'running', 'gpon-ftth'), run('run-old', 'failed')];
    expect(pickerOptions(runs, live)).toEqual([
      { id: 'run-live-0123456789', label: 'gpon-ftth completed run-live-012' },
      { id: 'run-old', label: 'partial-home-network failed run-old' },
    ]);
  });

  it('offers the live run first before the list has heard of it, and the list alone when nothing is live', () => {
    const runs = [run('run-old', 'failed')];
    expect(pickerOptions(runs, { ...live, status: 'running' }).map((o) => o.label)).toEqual(['gpon-ftth running run-live-012', 'partial-home-network failed run-old']);
    expect(pickerOptions(runs, null)).toEqual([{ id: 'run-old', label: 'partial-home-network failed run-old' }]);
  });
});
