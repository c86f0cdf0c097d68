import type { Run, RunReport, Scenario } from './api';
import { go, useApp } from './state';
import { RunScenarioButton } from './RunScenarioButton';
import { useFetch } from './useFetch';

interface DiffRow { field: string; current: string | null; target: string | null; changeType: string; resourceOrderItemRaised: boolean }

// A characteristic's value is a code, not prose: shown as code, it is not read as a spelling of a name.
const diffValue = (row: DiffRow, value: string | null) => (value === null ? '—' : row.field.includes('.') ? <code>{value}</code> : value);

/** A resource's usageState as resource inventory (TMF639) has it now: idle once nothing uses it. */
function UsageState({ id }: { id: string }) {
  const { apiInfo, select } = useApp();
  const base = apiInfo('TMF639')?.basePath;
  const path = base ? `${base}/resource/${encodeURIComponent(id)}` : null;
  const { data } = useFetch<{ usageState?: string }>(path);
  if (!path || !data?.usageState) return null;
  return (
    <>
      {' · '}
      <button type="button" className="link" data-testid="released-usage" onClick={() => select(`res:TMF639|${path}`)}>usageState {data.usageState}</button>
    </>
  );
}

/** The upgrade's diff table and what it released, created and left alone; the held journey's order path. */
export function Modify() {
  const { select, refreshRuns, runs } = useApp();
  // A refusal shown under a button is the stack's answer at that moment: a journey run since (a provision) clears it.
  const stackState = runs[0]?.id ?? 'none';
  const { data: scenarios } = useFetch<Scenario[]>('/spine/v1/scenarios');
  const upgrades = useFetch<Run[]>('/spine/v1/runs?scenario=gpon-upgrade&limit=1');
  const helds = useFetch<Run[]>('/spine/v1/runs?scenario=gpon-held-field-visit&limit=1');
  const upgrade = upgrades.data?.[0];
  const held = helds.data?.[0];
  const { data: report } = useFetch<RunReport & { diff?: DiffRow[] }>(upgrade ? `/spine/v1/runs/${upgrade.id}` : null);
  const { data: heldReport } = useFetch<RunReport>(held ? `/spine/v1/runs/${held.id}` : null);
  const known = new Set((scenarios ?? []).map((s) => s.name));
  const rows = report?.diff ?? [];
  const groups = {
    Released: rows.filter((r) => r.current && (!r.target || r.changeType === 'replace' || r.changeType === 'delete')),
    Created: rows.filter((r) => r.target && (!r.current || r.changeType === 'replace' || r.changeType === 'add')),
    Unchanged: rows.filter((r) => r.changeType === 'noChange'),
  };
  // The resources the upgrade reserved (by slot) and gave back, as its run recorded them.
  const added = (report?.run.context.addedResources ?? {}) as Record<string, string>;
  const released = (report?.run.context.releasedResources ?? []) as string[];
  const orderPath = heldReport?.transitions.filter((t) => t.api === 'TMF622' && t.resource === 'productOrder') ?? [];
  return (
    <section>
      <h1>Modify — the diff engine</h1>
      {!known.has('gpon-upgrade') ? <p className="warn" data-testid="not-built">The upgrade scenario: not built yet.</p> : !upgrade ? (
        <div data-testid="no-upgrade">
          <p>No upgrade has run yet. An upgrade changes a line in service, so it needs one: provision it first if no demo customer has one.</p>
          <p>
            <RunScenarioButton scenario="gpon-ftth" label="Provision a line (gpon-ftth)" wait onStarted={refreshRuns} testId="run-provision" />{' '}
            <RunScenarioButton key={stackState} scenario="gpon-upgrade" label="Run the upgrade (gpon-upgrade)" wait onStarted={upgrades.reload} testId="run-upgrade" />
          </p>
        </div>
      ) : !report ? <p>Loading the run report…</p> : (
        <>
          <p>Run <button type="button" className="link" onClick={() => go('swimlane', { run: upgrade.id })}>{upgrade.id}</button> ({upgrade.status}): only the differences between the current view (TMF637/638/639) and the target (catalog) became order items.</p>
          <table data-tour="modify-diff" data-testid="diff-table">
            <thead><tr><th>Field</th><th>Current</th><th>Target</th><th>Change type</th><th>Resource order item raised?</th></tr></thead>
            <tbody>{rows.map((r) => <tr key={r.field}><td>{r.field}</td><td>{diffValue(r, r.current)}</td><td>{diffValue(r, r.target)}</td><td>{r.changeType}</td><td>{r.resourceOrderItemRaised ? 'yes' : 'no'}</td></tr>)}</tbody>
          </table>
          <p className="muted">A characteristic (<code>slot.name</code>) shows its value as the catalog codes it, e.g. <code>XGSPON</code>; a service or resource, its specification's name.</p>
          <div className="cards">
            {Object.entries(groups).map(([title, list]) => (
              <div className="card" key={title} data-tour={`modify-${title.toLowerCase()}`} data-testid={`modify-${title.toLowerCase()}`}>
                <h3>{title}</h3>
                <ul>
                  {list.map((r) => (
                    <li key={r.field}>
                      {title === 'Created' ? <>{r.field}: {r.target}{added[r.field] && <> <code>{added[r.field]}</code></>}</> : <>{r.field}: {r.current}</>}
                      {title === 'Released' && released.filter((id) => r.current?.startsWith(`${id} `)).map((id) => <UsageState key={id} id={id} />)}
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </div>
        </>
      )}
      <h2 data-tour="modify-held-path">Held for a field visit</h2>
      {!held ? (
        <p data-testid="no-held">
          No held journey yet: <code>gpon-held-field-visit</code> upgrades a line in service with a technician's visit, and stays held until the work order is completed through TMF697.{' '}
          <RunScenarioButton key={stackState} scenario="gpon-held-field-visit" label="Run it" wait onStarted={helds.reload} testId="run-held" />
        </p>
      ) : (
        <ol>
          {orderPath.map((t) => (
            <li key={t.eventId}><button type="button" className="link" onClick={() => select(`event:${t.eventId}`)}>{t.from ?? '∅'} → {t.to}</button> <span className="muted">{t.at}</span></li>
          ))}
          {held.status === 'held' && <li className="warn">held: {String(held.error ?? '')}</li>}
        </ol>
      )}
    </section>
  );
}
