import { useState } from 'react';
import { startRun } from './api';
import { go, useApp } from './state';

/**
 * What a view drawn from a run shows before it has one: while the run's report loads, that it loads;
 * when there is no such run, that; on a stack where no journey has run yet, a button that runs the
 * GPON FTTH journey and shows it here, filling in as it goes.
 */
export function NoRunYet() {
  const { route, refreshRuns, runId, reportMissing } = useApp();
  const [starting, setStarting] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);
  if (runId && reportMissing) return <p className="warn" data-testid="run-missing">No run {runId} on this stack: pick one from the Swimlane's run list.</p>;
  if (runId) return <p className="muted" data-testid="run-loading">Loading run {runId}…</p>;
  const start = async () => {
    setStarting(true);
    setRefused(null);
    try {
      const run = await startRun('gpon-ftth', {});
      await refreshRuns();
      go(route.view, { run: run.id });
    } catch (error) {
      setRefused(error instanceof Error ? error.message : String(error));
      setStarting(false);
    }
  };
  return (
    <section data-testid="no-run">
      <p>No journey has run on this stack yet, so there is nothing to show here.</p>
      <p>
        <button type="button" data-testid="start-first-run" disabled={starting} onClick={() => void start()}>
          {starting ? 'Starting…' : 'Run the GPON FTTH journey'}
        </button>{' '}
        <span className="muted">or start any scenario from the <a href="#/swimlane">Swimlane</a>.</span>
      </p>
      {refused && <p className="warn">{refused}</p>}
    </section>
  );
}
