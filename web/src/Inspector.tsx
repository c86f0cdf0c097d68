import { useEffect, useState } from 'react';
import type { Exchange, RunReport } from './api';
import { getJson, hrefPath } from './api';
import { useApp } from './state';
import { envelopeOf } from './EventEnvelope';
import { stateStyle } from './pill-colours';

function Json({ label, value, open }: { label: string; value: unknown; open: boolean }) {
  const text = JSON.stringify(value, null, 2) ?? 'null';
  const [copied, setCopied] = useState(false);
  return (
    <details className="json" open={open}>
      <summary>
        {label}
        <button
          type="button"
          className="copy"
          onClick={(e) => {
            e.preventDefault();
            navigator.clipboard?.writeText(text).then(() => setCopied(true), () => setCopied(false));
          }}
        >
          {copied ? 'copied' : 'copy'}
        </button>
      </summary>
      <pre data-testid="inspector-json" data-label={label}>{text}</pre>
    </details>
  );
}

const reports = new Map<string, Promise<RunReport>>();
function reportOf(runId: string) {
  if (!reports.has(runId)) reports.set(runId, getJson<RunReport>(`/spine/v1/runs/${encodeURIComponent(runId)}`));
  return reports.get(runId)!;
}

function DocsLink({ api }: { api: string }) {
  const { apiInfo } = useApp();
  const info = apiInfo(api);
  if (!info) return null;
  return (
    <a className="docs" href={info.docs} target="_blank" rel="noreferrer">
      {info.id} {info.name} — API docs ↗
    </a>
  );
}

function ExchangeView({ runId, seq }: { runId: string; seq: number }) {
  const { report, mode } = useApp();
  const [x, setX] = useState<Exchange | null>(null);
  useEffect(() => {
    const local = report?.run.id === runId ? report.exchanges.find((e) => e.seq === seq) : undefined;
    if (local) setX(local);
    else reportOf(runId).then((r) => setX(r.exchanges.find((e) => e.seq === seq) ?? null), () => setX(null));
  }, [runId, seq, report]);
  if (!x) return <p>Loading exchange {seq}…</p>;
  return (
    <>
      <h2>
        <span className="method">{x.method}</span> {x.path}
      </h2>
      <p className="meta">
        {x.from} → {x.to} · {x.api} · step <code>{x.step}</code> · status {x.status} · correlationId <code>{x.correlationId}</code>
      </p>
      <DocsLink api={x.api} />
      {x.request !== undefined && x.request !== null && <Json label="Request" value={x.request} open />}
      <Json label="Response" value={x.response} open />
      {mode === 'payload' && <Json label="Exchange record" value={x} open={false} />}
    </>
  );
}

function ResourceView({ path, api }: { path: string; api?: string }) {
  const [value, setValue] = useState<unknown>(undefined);
  const [error, setError] = useState('');
  useEffect(() => {
    setValue(undefined);
    setError('');
    getJson(path).then(setValue, (e: Error) => setError(e.message));
  }, [path]);
  return (
    <>
      <h2>Resource as stored</h2>
      <p className="meta">
        <code>GET {path}</code>
      </p>
      {api && <DocsLink api={api} />}
      {error ? <p className="warn">{error}</p> : value === undefined ? <p>Loading…</p> : <Json label="Resource" value={value} open />}
    </>
  );
}

function EventView({ id }: { id: string }) {
  const { report, select } = useApp();
  const ev = report?.events.find((e) => e.eventId === id);
  if (!ev) return <p>Event {id} is not part of the selected run.</p>;
  const changes = report!.transitions.filter((t) => t.eventId === id);
  const cause = report!.exchanges.find((x) => x.events.includes(id));
  return (
    <>
      <h2>{ev.eventType}</h2>
      <p className="meta">
        {ev.api} · {ev.resource} <code>{ev.resourceId}</code> · {ev.eventTime}
      </p>
      {changes.map((t) => (
        <p key={t.field}>
          {t.field}: {t.from ?? '∅'} → <b>{t.to}</b>
        </p>
      ))}
      {cause && (
        <p data-testid="inspector-event-cause">
          Caused by{' '}
          <button type="button" className="link" onClick={() => select(`exchange:${cause.runId}:${cause.seq}`)}>
            {cause.from}: {cause.method} {cause.path.split('?')[0]} ({cause.status})
          </button>
        </p>
      )}
      <DocsLink api={ev.api} />
      <Json label="Event envelope" value={envelopeOf(ev)} open />
    </>
  );
}

function StateView({ machineId, state }: { machineId: string; state: string }) {
  const { lifecycles } = useApp();
  const m = lifecycles?.machines.find((x) => x.id === machineId);
  const s = m?.states[state];
  if (!m || !s) return <p>Unknown state.</p>;
  const cat = lifecycles!.categories.find((c) => c.id === s.category);
  return (
    <>
      <h2>
        {m.entity}.{m.field} = {state}
      </h2>
      <p className="meta">
        {m.api} · category <span className="pill" style={stateStyle(cat?.colour)}>{cat?.label}</span>
        {m.initial === state && ' · initial'}
        {m.terminal.includes(state) && ' · terminal'}
      </p>
      <p>{s.meaning}</p>
      <h3>Transitions out</h3>
      {s.to.length === 0 ? (
        <p>None: this state is final.</p>
      ) : (
        <ul>
          {s.to.map((t) => (
            <li key={t.state}>
              → <b>{t.state}</b>: {t.trigger}
            </li>
          ))}
        </ul>
      )}
      <DocsLink api={m.api} />
      <Json label="State machine" value={m} open={false} />
    </>
  );
}

function ApiView({ api }: { api: string }) {
  const { apiInfo, registry, report } = useApp();
  const info = apiInfo(api);
  if (!info) return <p>Unknown API {api}</p>;
  const calls = report?.exchanges.filter((x) => x.api === api).length ?? 0;
  return (
    <>
      <h2>
        {info.id} {info.name}
      </h2>
      <p className="meta">
        {registry?.domains.find((d) => d.id === info.domain)?.name} · v{info.version} · <code>{info.basePath}</code>
        {info.spine ? ' · on the provisioning spine' : ''}
      </p>
      <p>{calls} call(s) in the selected run.</p>
      <DocsLink api={api} />
      <h3>Resources</h3>
      <ul>
        {info.resources.map((r) => (
          <li key={r.name}>
            <code>{r.name}</code> ({r.entity}, {r.kind}) — {r.operations.join(', ')}
            {r.stateField ? ` · lifecycle field ${r.stateField}` : ''}
          </li>
        ))}
      </ul>
      <Json label="Registry entry" value={info} open={false} />
    </>
  );
}

function StepView({ step }: { step: string }) {
  const { report, select } = useApp();
  const s = report?.steps.find((x) => x.step === step);
  if (!s || !report) return <p>Step {step} is not part of the selected run.</p>;
  const xs = report.exchanges.filter((x) => x.step === step);
  return (
    <>
      <h2>Step {s.position + 1}: {step}</h2>
      <p className="meta">
        {s.status} · attempts {s.attempts} · {s.startedAt} → {s.endedAt}
      </p>
      <ul>
        {xs.map((x) => (
          <li key={x.seq}>
            <button type="button" className="link" onClick={() => select(`exchange:${x.runId}:${x.seq}`)}>
              {x.method} {x.path} ({x.status})
            </button>
          </li>
        ))}
      </ul>
      <Json label="Step record" value={s} open />
    </>
  );
}

export function Inspector() {
  const { route } = useApp();
  const sel = route.params.get('sel') ?? '';
  const [kind, ...rest] = sel.split(':');
  const key = rest.join(':');
  let body;
  if (!sel) body = <p className="hint">Click any API chip, step, state, ID, event or table row to inspect its real payload here.</p>;
  else if (kind === 'exchange') {
    const i = key.lastIndexOf(':');
    body = <ExchangeView runId={key.slice(0, i)} seq={Number(key.slice(i + 1))} />;
  } else if (kind === 'res') {
    const [api, ...p] = key.split('|');
    body = <ResourceView api={api} path={hrefPath(p.join('|'))} />;
  } else if (kind === 'event') body = <EventView id={key} />;
  else if (kind === 'state') {
    const [m, s] = key.split('/');
    body = <StateView machineId={m!} state={s!} />;
  } else if (kind === 'api') body = <ApiView api={key} />;
  else if (kind === 'step') body = <StepView step={key} />;
  else body = <p>Nothing to show for {sel}</p>;
  return (
    <aside className="inspector" aria-label="Inspector" data-testid="inspector" data-tour="inspector">
      <h1 className="inspector-title">Inspector</h1>
      {body}
    </aside>
  );
}
