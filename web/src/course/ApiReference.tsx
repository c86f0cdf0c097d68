import type { ApiInfo, Exchange, RunReport } from '../api';
import { RunScenarioButton } from '../RunScenarioButton';
import { useApp } from '../state';
import { useFetch } from '../useFetch';
import { apiHref, shows, useCourse, type ApiGuide } from './data';
import { LevelBadge } from './parts';

interface Events { create?: string; attributeValueChange?: string; stateChange?: string; delete?: string; other?: string[] }
type Resource = ApiInfo['resources'][number] & { events?: Events };
const eventNames = (e?: Events) => (e ? [e.create, e.attributeValueChange, e.stateChange, e.delete, ...(e.other ?? [])].filter(Boolean) as string[] : []);

/** An API's calls in the latest completed gpon-ftth run; before there is one, a button that runs it. */
function GponRunCalls({ api }: { api: string }) {
  const { runs, refreshRuns, select } = useApp();
  const run = runs.find((r) => r.scenario === 'gpon-ftth' && r.status === 'completed');
  const { data: report, error } = useFetch<RunReport>(run ? `/spine/v1/runs/${encodeURIComponent(run.id)}` : null);
  if (!run) {
    return (
      <p data-testid="api-calls-no-run">
        No GPON FTTH journey has completed on this stack yet.{' '}
        <RunScenarioButton scenario="gpon-ftth" label="Run the GPON FTTH journey" wait testId="start-first-run" onStarted={refreshRuns} />
      </p>
    );
  }
  if (report?.run.id !== run.id) return <p className="muted">{error || `Loading run ${run.id}…`}</p>;
  const calls: Exchange[] = report.exchanges.filter((x) => x.api === api);
  if (calls.length === 0) return <p data-testid="api-calls-none">The gpon-ftth journey makes no call to {api} (run <code>{run.id}</code>).</p>;
  return (
    <table data-testid="api-calls">
      <thead><tr><th>#</th><th>Step</th><th>Call</th><th>From → to</th><th>Status</th></tr></thead>
      <tbody>
        {calls.map((x) => (
          <tr key={x.seq}>
            <td>{x.seq}</td>
            <td><code>{x.step}</code></td>
            <td><button type="button" className="link" data-testid="api-call" onClick={() => select(`exchange:${x.runId}:${x.seq}`)}>{x.method} {x.path}</button></td>
            <td>{x.from} → {x.to}</td>
            <td>{x.status}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ApiList({ guides }: { guides: ApiGuide[] }) {
  const { registry, mode } = useApp();
  return (
    <section className="course">
      <h1>API reference</h1>
      <p>A page per TMF Open API Spine serves: what it is for, who owns and calls it, when to use another one, its resources and events, and its calls in the latest GPON run.</p>
      <div className="domains" data-tour="api-list">
        {registry?.domains.map((d) => {
          const apis = registry.apis.filter((a) => a.domain === d.id && guides.some((g) => g.api === a.id && shows(mode, g)));
          if (!apis.length) return null;
          return (
            <div key={d.id} className="domain">
              <h3>{d.name}</h3>
              {apis.map((a) => (
                <a key={a.id} className={`chip api${a.spine ? ' spine-api' : ''}`} href={`#/apis/${a.id}`} data-testid="api-link" data-api={a.id}>
                  {a.id} {a.name}
                </a>
              ))}
            </div>
          );
        })}
      </div>
      <h2>What each one is for</h2>
      <table data-tour="api-guide" data-testid="api-guides">
        <thead><tr><th>API</th><th>Purpose</th><th>Owner</th><th>Called by</th></tr></thead>
        <tbody>
          {guides.filter((g) => shows(mode, g)).map((g) => (
            <tr key={g.api}>
              <td><a href={`#/apis/${g.api}`}>{g.api} {g.name}</a></td>
              <td>{g.purpose}</td>
              <td>{g.owner ?? '—'}</td>
              <td>{g.callers.join(', ') || 'outside clients'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function ApiPage({ id, guide }: { id: string; guide: ApiGuide | undefined }) {
  const { apiInfo, registry, mode } = useApp();
  const info = apiInfo(id);
  if (!registry) return <p>Loading the registry…</p>;
  if (!info) return <p className="warn">Spine serves no API {id}. <a href="#/apis">All APIs</a></p>;
  const resources = info.resources as Resource[];
  return (
    <section className="course api-page" data-testid="api-page" data-api={id}>
      <p className="crumbs"><a href="#/apis">API reference</a> › {id}</p>
      <h1>{id} {info.name} {guide && <LevelBadge level={guide.level} />}</h1>
      <p className="meta">
        {registry.domains.find((d) => d.id === info.domain)?.name} · v{info.version} · <code>{info.basePath}</code>
        {info.spine ? ' · on the provisioning spine' : ''} · <a href={info.docs} target="_blank" rel="noreferrer">OpenAPI docs ↗</a>
      </p>
      {mode === 'beginner' && guide?.level === 'architect' && <p className="muted">An architect-level API: Beginner mode leaves it out of the lists.</p>}
      {guide ? (
        <div className="guide" data-tour="api-guide">
          <h2>What it is for</h2>
          <p data-testid="api-purpose">{guide.purpose}</p>
          <p><b>Owner</b> (answers its calls): {guide.owner ?? '—'} · <b>Callers</b>: {guide.callers.length ? guide.callers.join(', ') : 'outside clients only'}</p>
          <h2>When not to use it</h2>
          <p>{guide.whenNotToUse}</p>
          {guide.confusions.length > 0 && (
            <>
              <h2>Common confusions</h2>
              <ul>{guide.confusions.map((c) => <li key={c}>{c}</li>)}</ul>
            </>
          )}
        </div>
      ) : <p className="warn">No guide for {id} yet.</p>}
      <h2>Resources and events</h2>
      <table data-testid="api-resources">
        <thead><tr><th>Resource</th><th>Kind</th><th>Operations</th><th>Lifecycle field</th><th>Events</th></tr></thead>
        <tbody>
          {resources.map((r) => (
            <tr key={r.name}>
              <td><code>{r.name}</code> ({r.entity})</td>
              <td>{r.kind}</td>
              <td>{r.operations.join(', ')}</td>
              <td>{r.stateField ?? '—'}</td>
              <td>{eventNames(r.events).join(', ') || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Its calls in the latest GPON run</h2>
      <GponRunCalls api={id} />
      <p><a href={apiHref(id)}>Show {id} in the inspector</a></p>
    </section>
  );
}

/** `#/apis`: the 26 APIs by domain; `#/apis/TMF641`: one API's page. */
export default function ApiReference() {
  const { route } = useApp();
  const { course, error } = useCourse();
  const id = decodeURIComponent(route.view.split('/')[1] ?? '');
  if (!course) return <p>{error || 'Loading the API guides…'}</p>;
  return id ? <ApiPage id={id} guide={course.apis.find((g) => g.api === id)} /> : <ApiList guides={course.apis} />;
}
