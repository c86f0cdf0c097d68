import { RunScenarioButton } from './RunScenarioButton';
import { go, useApp } from './state';

/**
 * What a view drawn from a run shows before it has one: while the run's report loads, that it loads;
 * when there is no such run, that; on a stack where no journey has run yet, a button that runs the
 * GPON FTTH journey and shows it here, filling in as it goes.
 */
export function NoRunYet() {
  const { route, refreshRuns, runId, reportMissing } = useApp();
  if (runId && reportMissing) return <p className="warn" data-testid="run-missing">No run {runId} on this stack: pick one from the Swimlane's run list.</p>;
  if (runId) return <p className="muted" data-testid="run-loading">Loading run {runId}…</p>;
  return (
    <section data-testid="no-run">
      <p>No journey has run on this stack yet, so there is nothing to show here.</p>
      <p>
        <RunScenarioButton
          scenario="gpon-ftth"
          label="Run the GPON FTTH journey"
          testId="start-first-run"
          onStarted={async (run) => {
            await refreshRuns();
            go(route.view, { run: run.id });
          }}
        />{' '}
        <span className="muted">or start any scenario from the <a href="#/swimlane">Swimlane</a>.</span>
      </p>
    </section>
  );
}
