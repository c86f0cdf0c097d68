import type { Run, RunReport } from './api';

/**
 * True when the run list shows the report's run with another status than the report has: the list
 * was read while the run was still going, so it should be read again. Derived from the two readings,
 * not from whether the report was watched change, because a run can end before its report is first read.
 * A run the list does not hold is not stale: reading the list again would not show it either.
 */
export function listedStatusIsStale(runs: readonly Run[], report: Pick<RunReport, 'run'>): boolean {
  const listed = runs.find((r) => r.id === report.run.id);
  return listed !== undefined && listed.status !== report.run.status;
}
