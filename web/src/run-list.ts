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

// The statuses a run leaves only by a new journey, never by going on (a held run resumes).
const FINAL = new Set(['completed', 'failed', 'partial', 'cancelled']);

/** True when a call of this run says the list may be behind: it does not hold the run, or holds it with a status the run can leave. */
export function callMayChangeList(runs: readonly Run[], runId: string): boolean {
  const listed = runs.find((r) => r.id === runId);
  return !listed || !FINAL.has(listed.status);
}

/** True while the list does not hold the run or holds it as still running: read it again until it shows where the run stopped. */
export function listAwaitsRun(runs: readonly Run[], runId: string): boolean {
  const listed = runs.find((r) => r.id === runId);
  return !listed || listed.status === 'running';
}

/**
 * The run a view shows when the URL names none, and what to call it: the newest completed GPON FTTH
 * provision (the journey the course reads), else the newest run of any kind.
 */
export function defaultRun(runs: readonly Run[]): { run: Run | undefined; label: string } {
  const provision = runs.find((r) => r.scenario === 'gpon-ftth' && r.status === 'completed');
  if (provision) return { run: provision, label: 'latest completed gpon-ftth' };
  return { run: runs[0], label: 'latest run' };
}

/** A run the swimlane follows live: its own status is ahead of the list's. */
export interface LiveRun { runId: string; scenario: string; status: string }

/**
 * The runs the swimlane's picker offers, each with its label: the live run among them (first when the
 * list has not heard of it yet), with the status the lanes show, which the list learns a moment later.
 */
export function pickerOptions(runs: readonly Run[], live: LiveRun | null): { id: string; label: string }[] {
  const label = (scenario: string, status: string, id: string) => `${scenario} ${status} ${id.slice(0, 12)}`;
  const listed = runs.map((r) => ({ id: r.id, label: label(r.scenario, r.id === live?.runId ? live.status : r.status, r.id) }));
  if (!live || runs.some((r) => r.id === live.runId)) return listed;
  return [{ id: live.runId, label: label(live.scenario, live.status, live.runId) }, ...listed];
}
