import { Suspense, lazy, useEffect, useRef, useState } from 'react';
import type { Exchange, RunReport, Scenario } from './api';
import { activityStream, getJson, startRun } from './api';
import { go, useApp } from './state';
import { NoRunYet } from './NoRunYet';
import { RunScenarioForm, type RunRequest } from './RunScenarioForm';
import { useFetch } from './useFetch';
import { defaultRun, pickerOptions } from './run-list';
import { stateStyle } from './pill-colours';
import { laneAnchor } from './course/spotlight';
import { CorrectionAt } from './course/CorrectionCard';
import { EventEnvelope } from './EventEnvelope';
import { HubSubscriptions } from './HubSubscriptions';

const LifecycleDiagram = lazy(() => import('./LifecycleDiagram'));

export function Overview() {
  const { registry, report, select, visibleApi, route } = useApp();
  const { data: scenarios } = useFetch<Scenario[]>('/spine/v1/scenarios');
  const flow = scenarios?.find((s) => s.name === 'gpon-ftth');
  const run = route.params.get('run') ?? undefined;
  return (
    <section>
      <h1>The provisioning spine</h1>
      <p>Every service delivery starts the same way. Click a step to see what it did in the latest run.</p>
      <ol className="spine" data-tour="spine-strip">
        {flow?.steps.map((s) => (
          <li key={s.id}>
            <button type="button" className="chip step" onClick={() => select(`step:${s.id}`)}>
              <small>{s.actor}</small> {s.title}
            </button>
          </li>
        ))}
      </ol>
      <h2>The 26 APIs in their 7 domains</h2>
      <div className="domains">
        {registry?.domains.map((d) => (
          <div key={d.id} className="domain">
            <h3>{d.name}</h3>
            {!registry.apis.some((a) => a.domain === d.id && visibleApi(a.id)) && <p className="muted">No spine API here: switch to Architect to see them.</p>}
            {registry.apis.filter((a) => a.domain === d.id && visibleApi(a.id)).map((a) => (
              <button type="button" key={a.id} className={`chip api${a.spine ? ' spine-api' : ''}`} onClick={() => select(`api:${a.id}`)}>
                {a.id} {a.name}
              </button>
            ))}
          </div>
        ))}
      </div>
      <h2>Golden thread of the latest run</h2>
      {!report && <NoRunYet />}
      <div className="chips" data-tour="golden-thread">
        {report && (
          <button type="button" className="chip id" onClick={() => go('idchain', { run })}>journey {report.run.correlationId}</button>
        )}
        {report?.run.context && ((report.run.context.thread as { role: string; api: string; id: string; resource: string }[]) ?? []).filter((t) => visibleApi(t.api)).map((t) => (
          <button type="button" key={`${t.role}${t.id}`} className="chip id" onClick={() => select(`res:${t.api}|${linkFor(report, t.api, t.id)}`)}>
            {t.role}: {t.id}
          </button>
        ))}
      </div>
      <h2>Views</h2>
      <div className="tiles" data-tour="overview-tiles">
        {[['swimlane', 'Happy path swimlane', 'End-to-end animated flow'], ['lifecycles', 'Lifecycle states', 'The entity state machines'], ['idchain', 'ID chain', 'The golden thread as a graph'], ['events', 'Events', 'TMF688 timeline'], ['qualification', 'Qualification', 'The three gates'], ['payloads', 'Payloads', 'Every exchange of the run']].map(([id, t, d]) => (
          <a key={id} className="tile" href={`#/${id}${run ? `?run=${run}` : ''}`}><b>{t}</b><span>{d}</span></a>
        ))}
      </div>
      <CorrectionAt view="overview" anchor="correction-card" heading="The most common confusion" />
    </section>
  );
}

/** The href of a resource as the server returned it in one of the run's responses. */
function linkFor(report: RunReport, _api: string, id: string): string {
  for (const x of report.exchanges) {
    const r = x.response as { id?: string; href?: string } | null;
    if (r && r.id === id && r.href) return r.href;
  }
  const x = report.exchanges.find((e) => e.path.endsWith(`/${id}`));
  return x ? x.path : id;
}

const ACTOR_ORDER = ['channel', 'com', 'orchestrator', 'som', 'serviceInventory', 'rom', 'workforce', 'activation', 'resourceInventory'];

export function Swimlane() {
  const { report, select, visibleApi, runs, mode, route } = useApp();
  const [live, setLive] = useState<{ runId: string; scenario: string; exchanges: Exchange[]; status: string } | null>(null);
  const all = live ? live.exchanges : report?.exchanges ?? [];
  const exchanges = all.filter((x) => visibleApi(x.api));
  const [shown, setShown] = useState(Number.MAX_SAFE_INTEGER);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState(4);
  useEffect(() => {
    if (!playing) return;
    const t = setInterval(() => setShown((n) => (n >= exchanges.length ? (setPlaying(false), n) : n + 1)), 1000 / speed);
    return () => clearInterval(t);
  }, [playing, speed, exchanges.length]);
  const visible = live ? exchanges : exchanges.slice(0, shown);
  useEffect(() => {
    if (playing || live) document.querySelector('.call.latest')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [visible.length, playing, live]);
  const actors = [...new Set(all.flatMap((x) => [x.from, x.to]))].sort((a, b) => (ACTOR_ORDER.indexOf(a) + 99) % 99 - (ACTOR_ORDER.indexOf(b) + 99) % 99);
  const { data: scenarios } = useFetch<Scenario[]>('/spine/v1/scenarios');
  // Stops following the live run: its stream and its status poll.
  const stopLive = useRef<() => void>(() => undefined);
  useEffect(() => () => stopLive.current(), []);
  const [refused, setRefused] = useState('');
  const run = async ({ scenario, input, fault }: RunRequest) => {
    stopLive.current();
    setRefused('');
    // The page's one connection to the stream, shared with the run list. Calls heard before the run's
    // id is known wait in `heard`: the stream may carry the first ones before the start is answered.
    let state: { runId: string; scenario: string; exchanges: Exchange[]; status: string } | undefined;
    const heard: Exchange[] = [];
    const stream = activityStream.subscribe('exchange', (x) => {
      if (!state) return void heard.push(x);
      if (x.runId !== state.runId) return;
      state.exchanges = [...state.exchanges, x];
      setLive({ ...state });
    });
    let poll: ReturnType<typeof setInterval> | undefined;
    stopLive.current = () => {
      stream.unsubscribe();
      clearInterval(poll);
    };
    try {
      await stream.opened;
      // A chosen fault is armed with the run, for its journey alone.
      const started = await startRun(scenario, input, false, fault ? [fault] : []);
      state = { runId: started.id, scenario, exchanges: heard.filter((x) => x.runId === started.id), status: 'running' };
      const live = state;
      setLive({ ...live });
      poll = setInterval(async () => {
        const r = await getJson<RunReport>(`/spine/v1/runs/${started.id}`).catch(() => null);
        if (!r) return;
        live.status = r.run.status;
        setLive({ ...live });
        if (r.run.status !== 'running') {
          clearInterval(poll);
          // The stream may still carry the last calls: listen a moment longer.
          setTimeout(() => {
            stream.unsubscribe();
            setLive({ ...live, status: r.run.status });
          }, 500);
        }
      }, 300);
    } catch (error) {
      stopLive.current();
      setRefused((error as Error).message);
    }
  };
  return (
    <section>
      <h1>{live?.status === 'running' ? `Live run ${live.runId}` : live ? `Swimlane — ${live.scenario}` : report ? `Swimlane — ${report.run.scenario}` : 'Swimlane'}</h1>
      <p>Each row is a system actor; each chip is an API call (click to inspect). The <b>Orchestrator</b> row is the engine between BSS and the network: it reads the decomposition and drives the order-to-activate flow.</p>
      <div className="controls">
        <button type="button" onClick={() => { if (shown >= exchanges.length) setShown(0); setPlaying(!playing); }}>{playing ? 'Pause' : 'Play'}</button>
        <button type="button" onClick={() => { setPlaying(false); setShown((n) => Math.min(n >= exchanges.length ? 1 : n + 1, exchanges.length)); }}>Step</button>
        <label data-tour="speed-control">Speed <input type="range" min={1} max={20} value={speed} onChange={(e) => setSpeed(Number(e.target.value))} /> {speed}/s</label>
        <label>Run <select data-testid="pick-run" value={live?.runId ?? route.params.get('run') ?? ''} onChange={(e) => { setLive(null); go('swimlane', { run: e.target.value }); }}>
          <option value="">{defaultRun(runs).label}</option>
          {pickerOptions(runs, live).map((o) => <option key={o.id} value={o.id}>{o.label}</option>)}
        </select></label>
        <span data-testid="swimlane-count">{visible.length} / {exchanges.length} calls{(live ?? report) && ` · ${live ? live.status : report!.run.status}`}{all.length > exchanges.length && ` · ${all.length - exchanges.length} more to other APIs in Architect mode`}</span>
      </div>
      <RunScenarioForm scenarios={scenarios} onRun={(request) => void run(request)} refused={refused} />
      <div className="lanes" role="table" aria-label="Swimlane" data-tour="swimlane" style={{ gridTemplateColumns: `140px repeat(${Math.max(visible.length, 1)}, ${mode === 'payload' ? 260 : 82}px)` }}>
        {actors.map((a, row) => (
          <div key={a} className={`lane${a === 'orchestrator' ? ' orchestrator' : ''}`} role="row" style={{ gridRow: row + 1 }} data-tour={laneAnchor(a)}>
            <div className="actor" role="rowheader">{a}{a === 'orchestrator' ? ' (engine)' : ''}</div>
          </div>
        ))}
        {visible.map((x, i) => {
          const fromRow = actors.indexOf(x.from) + 1;
          const toRow = actors.indexOf(x.to) + 1;
          return [
            <button type="button" key={`c${x.seq}`} style={{ gridColumn: i + 2, gridRow: fromRow }} className={`chip call${mode === 'payload' ? ' wide' : ''}${x.status >= 400 ? ' bad' : ''}${i === visible.length - 1 ? ' latest' : ''}`} data-testid="swimlane-chip" data-tour="swimlane-step" title={`${x.from} → ${x.to}: ${x.method} ${x.path} (${x.status})`} onClick={() => select(`exchange:${x.runId}:${x.seq}`)}>
              <small>{i + 1}</small> {x.method}<br />{x.api}{mode === 'payload' ? <span className="path"> {x.path}</span> : null}
            </button>,
            toRow !== fromRow ? <span key={`t${x.seq}`} aria-hidden="true" className={`target ${toRow > fromRow ? 'down' : 'up'}`} style={{ gridColumn: i + 2, gridRow: toRow }}>{toRow > fromRow ? '▼' : '▲'} {x.status}</span> : null,
          ];
        })}
      </div>
    </section>
  );
}

export function LifecycleView() {
  const { lifecycles, report, select, visibleApi, route } = useApp();
  const [chosen, setChosen] = useState('');
  if (!lifecycles) return <p>Loading…</p>;
  const selected = route.params.get('sel')?.startsWith('state:') ? route.params.get('sel')!.slice(6).split('/')[0]! : '';
  const machines = lifecycles.machines.filter((m) => visibleApi(m.api));
  const colour = (c: string) => lifecycles.categories.find((x) => x.id === c)?.colour;
  const diagram = machines.find((m) => m.id === (chosen || selected)) ?? machines.find((m) => m.id === 'product-order') ?? machines[0]!;
  const path = (api: string, field: string) => new Set(report?.transitions.filter((t) => t.api === api && t.field === field).map((t) => t.to));
  const byCat = (m: (typeof machines)[0], cat: string) => Object.entries(m.states).filter(([, s]) => s.category === cat).map(([n]) => n);
  const so = report?.transitions.filter((t) => t.resource === 'serviceOrder') ?? [];
  const svc = report?.transitions.filter((t) => t.api === 'TMF638' && t.to === 'active') ?? [];
  return (
    <section>
      <h1>Lifecycle states</h1>
      <p>Click any state to see its meaning and the transitions out. States the selected run went through are outlined.</p>
      <div className="legend" data-tour="lifecycle-legend">{lifecycles.categories.map((c) => <span key={c.id} className="pill" style={stateStyle(c.colour)}>{c.legend}</span>)}</div>
      <table data-tour="lifecycle-table">
        <thead><tr><th>Entity (API) and notes</th>{lifecycles.categories.filter((c) => c.id !== 'reserved').map((c) => <th key={c.id}>{c.label}</th>)}</tr></thead>
        <tbody>
          {machines.map((m) => {
            const took = path(m.api, m.field);
            return (
              <tr key={m.id}>
                <td className="entity">
                  {m.entity} ({m.api}){m.field !== 'state' ? ` · ${m.field}` : ''}
                  <div className="muted notes clamp" title={m.source}>{m.within ? `item of ${m.within}. ` : ''}{m.source}</div>
                </td>
                {lifecycles.categories.filter((c) => c.id !== 'reserved').map((c) => (
                  <td key={c.id}>{byCat(m, c.id).concat(c.id === 'blocked' ? byCat(m, 'reserved') : []).map((s) => (
                    <button type="button" key={s} className={`pill state${took.has(s) ? ' took' : ''}`} style={stateStyle(colour(m.states[s]!.category))} onClick={() => select(`state:${m.id}/${s}`)}>{s}</button>
                  ))}</td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      <h2>
        Diagram{' '}
        <select aria-label="State machine" value={diagram.id} onChange={(e) => setChosen(e.target.value)}>
          {machines.map((m) => <option key={m.id} value={m.id}>{m.entity}{m.field !== 'state' ? ` · ${m.field}` : ''} ({m.api})</option>)}
        </select>
      </h2>
      <Suspense fallback={<p>Loading diagram…</p>}>
        <LifecycleDiagram machine={diagram} lifecycles={lifecycles} took={path(diagram.api, diagram.field)} onSelect={(s) => select(`state:${diagram.id}/${s}`)} />
      </Suspense>
      <h2>Order states vs service states</h2>
      <p data-tour="order-vs-service-note">Order states (acknowledged → inProgress → completed) describe the work; service states (inactive → active → terminated) describe the thing that exists. In this run:</p>
      <ul>
        {so.map((t) => <li key={t.eventId + t.to}>{t.at} service order {t.resourceId}: {t.from ?? '∅'} → <b>{t.to}</b></li>)}
        {svc.map((t) => <li key={t.eventId + t.resourceId}>{t.at} service {t.resourceId}: {t.from ?? '∅'} → <b>{t.to}</b></li>)}
      </ul>
    </section>
  );
}

export function Events() {
  const { report, select, visibleApi, route } = useApp();
  if (!report) return <NoRunYet />;
  const events = report.events.filter((e) => e.correlationId === report.run.correlationId && visibleApi(e.api));
  const sel = route.params.get('sel') ?? '';
  const selected = events.find((e) => sel === `event:${e.eventId}`);
  const counts = new Map<string, number>();
  for (const e of events) counts.set(e.api, (counts.get(e.api) ?? 0) + 1);
  return (
    <section>
      <h1>TMF688 events</h1>
      <p>correlationId <code data-tour="event-correlation-id">{report.run.correlationId}</code> · {events.length} events. Each row: the event, the state change it records, and the call that caused it.</p>
      <div className="chips">{[...counts].map(([api, n]) => <button type="button" key={api} className="chip api" onClick={() => select(`api:${api}`)}>{api}: {n}</button>)}</div>
      <div className="event-panels">
        <EventEnvelope event={selected ?? events[0]} selected={Boolean(selected)} />
        <HubSubscriptions correlationId={report.run.correlationId} />
      </div>
      <table data-tour="event-timeline">
        <thead><tr><th>Time</th><th>Type</th><th>Entity</th><th>State</th><th data-tour="causal-chain">Caused by</th></tr></thead>
        <tbody>
          {events.map((e) => {
            const t = report.transitions.find((x) => x.eventId === e.eventId);
            const cmd = report.exchanges.find((x) => x.events.includes(e.eventId));
            return (
              <tr key={e.eventId} className={e === selected ? 'selected' : undefined} data-testid="event-row" data-event-type={e.eventType}>
                <td>{e.eventTime.slice(11, 23)}</td>
                <td><button type="button" className="link" onClick={() => select(`event:${e.eventId}`)}>{e.eventType}</button></td>
                <td>{e.resource} <code>{e.resourceId}</code></td>
                <td>{t ? `${t.from ?? '∅'} → ${t.to}` : ''}</td>
                <td data-testid="event-cause">{cmd ? <button type="button" className="link" onClick={() => select(`exchange:${cmd.runId}:${cmd.seq}`)}>{cmd.from}: {cmd.method} {cmd.api}</button> : ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

type RejectionScenario = Scenario & { input?: Record<string, string>; card: { rejectionCode: string; apis: string[] } };
// The journey's steps that are qualification gates, and the tour anchor of each gate's API.
const GATE_STEPS = ['validate-address', 'qualify-offering', 'qualify-service'];
const GATE_ANCHORS: Record<string, string> = { TMF679: 'qualification-commercial', TMF645: 'qualification-technical' };

/** The rejection scenarios the server defines (COMM-003, TECH-001, TECH-002, TECH-005), their latest runs and the answers those got. */
export function Qualification() {
  const { runs, refreshRuns, select } = useApp();
  const { data: scenarios } = useFetch<(Scenario & { card?: { rejectionCode?: string } })[]>('/spine/v1/scenarios');
  const gates = (scenarios ?? []).filter((s): s is RejectionScenario => Boolean(s.card?.rejectionCode));
  const gateSteps = scenarios?.find((s) => s.name === 'gpon-ftth')?.steps.filter((s) => GATE_STEPS.includes(s.id)) ?? [];
  // The tour's anchors go on the first card of each gate's API.
  const anchors = new Map<string, string>();
  for (const [api, anchor] of Object.entries(GATE_ANCHORS)) {
    const first = gates.find((g) => g.card.apis.includes(api));
    if (first) anchors.set(first.name, anchor);
  }
  const [found, setFound] = useState<Record<string, Exchange | null>>({});
  const [busy, setBusy] = useState(false);
  // Why a journey could not be started, by scenario (TECH-005 needs a line in service first).
  const [refused, setRefused] = useState<Record<string, string>>({});
  useEffect(() => {
    let live = true;
    (async () => {
      const out: Record<string, Exchange | null> = {};
      for (const g of gates) {
        const latest = runs.find((r) => r.scenario === g.name);
        if (!latest) continue;
        const rep = await getJson<RunReport>(`/spine/v1/runs/${latest.id}`);
        out[g.name] = rep.exchanges.find((x) => JSON.stringify(x.response ?? '').includes(`"${g.card.rejectionCode}"`)) ?? null;
      }
      if (live) setFound(out);
    })().catch(() => undefined);
    return () => { live = false; };
  }, [runs, gates.length]);
  const missing = gates.filter((g) => !found[g.name]);
  const runMissing = async () => {
    setBusy(true);
    const why: Record<string, string> = {};
    for (const g of missing) await startRun(g.name, {}, true).catch((e: Error) => { why[g.name] = e.message; });
    setRefused(why);
    await refreshRuns();
    setBusy(false);
  };
  return (
    <section>
      <h1>Qualification — three gates</h1>
      <p>
        Three gates must pass before a product order is submitted, cheapest first, in the order the GPON journey passes them:{' '}
        {gateSteps.map((s) => s.title).join(' → ')}. The technical gate reads the network: port capacity, optical budget, a premises already served.
      </p>
      {missing.length > 0 && (
        <button type="button" data-testid="run-rejections" disabled={busy} onClick={runMissing}>
          {busy ? 'Running…' : `Run the ${missing.map((g) => g.card.rejectionCode).join(', ')} journeys`}
        </button>
      )}
      <div className="cards" data-tour="qualification-gates">
        {gates.map((g) => {
          const x = found[g.name];
          return (
            <div key={g.name} className="card" data-tour={anchors.get(g.name)}>
              <h3>{g.title}</h3>
              <p className="muted"><code>{g.name}</code>{Object.keys(g.input ?? {}).length > 0 && `: ${Object.entries(g.input ?? {}).map(([k, v]) => `${k} ${v}`).join(', ')}`}</p>
              {x ? (
                <>
                  <button type="button" className="link" data-testid="rejection" onClick={() => select(`exchange:${x.runId}:${x.seq}`)}>{x.method} {x.path}</button>
                  <pre className="small" data-tour={anchors.get(g.name) === 'qualification-technical' ? 'unavailability-reason' : undefined}>{JSON.stringify(rejection(x.response), null, 2)}</pre>
                </>
              ) : refused[g.name] ? (
                <p className="warn" data-testid="rejection-refused">Could not start: {refused[g.name]}</p>
              ) : <p>No run has produced {g.card.rejectionCode} yet.</p>}
            </div>
          );
        })}
      </div>
    </section>
  );
}

/** The result, reasons and alternatives of the first qualification item, as the server answered them. */
function rejection(response: unknown): Record<string, unknown> {
  const r = response as Record<string, Record<string, unknown>[] | undefined>;
  const item = (r.serviceQualificationItem ?? r.productOfferingQualificationItem ?? [])[0] ?? {};
  return Object.fromEntries(Object.entries(item).filter(([k]) => /result|reason|alternate/i.test(k)));
}

const PAYLOAD_PREVIEW = 120;

/** Payload mode's JSON of an exchange: the request (the response when it has none) whole, opened from its first characters. */
function PayloadJson({ exchange }: { exchange: Exchange }) {
  const value = exchange.request ?? exchange.response;
  const line = JSON.stringify(value) ?? 'null';
  if (line.length <= PAYLOAD_PREVIEW) return <code>{line}</code>;
  return (
    <details data-testid="payload-json">
      <summary><code>{line.slice(0, PAYLOAD_PREVIEW)}…</code></summary>
      <pre className="small">{JSON.stringify(value, null, 2)}</pre>
    </details>
  );
}

export function Payloads() {
  const { report, select, visibleApi, mode } = useApp();
  const [q, setQ] = useState('');
  if (!report) return <NoRunYet />;
  const xs = report.exchanges.filter((x) => visibleApi(x.api) && (!q || JSON.stringify(x).toLowerCase().includes(q.toLowerCase())));
  const groups = [...new Set(xs.map((x) => x.api))];
  const po = report.exchanges.find((x) => x.api === 'TMF622' && x.method === 'POST');
  const so = report.exchanges.find((x) => x.api === 'TMF641' && x.method === 'POST');
  return (
    <section>
      <h1 data-testid="payloads-heading">Payloads — {xs.length === report.exchanges.length ? xs.length : `${xs.length} of ${report.exchanges.length}`} exchanges of {report.run.scenario}</h1>
      <div className="cards" data-tour="payload-ids">
        {po && <div className="card"><h3>TMF622 — Product Order</h3><p>Commercial order placed for the customer ({po.from} → {po.to}); references a product offering.</p><button type="button" className="link" onClick={() => select(`exchange:${po.runId}:${po.seq}`)}>{po.method} {po.path}</button></div>}
        {so && <div className="card"><h3>TMF641 — Service Order</h3><p>Technical fulfilment order raised by the {so.from}; references CFS/RFS specifications and links back to TMF622.</p><button type="button" className="link" onClick={() => select(`exchange:${so.runId}:${so.seq}`)}>{so.method} {so.path}</button></div>}
      </div>
      <label>Search <input type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="id, path, field…" data-testid="payload-search" /></label>
      {groups.map((api) => (
        <div key={api}>
          <h2>{api} {report && xs.filter((x) => x.api === api).length}</h2>
          <table data-tour="payload-table">
            <tbody>
              {xs.filter((x) => x.api === api).map((x) => (
                <tr key={x.seq}>
                  <td><button type="button" className="link" data-testid="payload-row" data-seq={x.seq} onClick={() => select(`exchange:${x.runId}:${x.seq}`)}>{x.method} {x.path}</button></td>
                  <td>{x.from} → {x.to}</td><td>{x.status}</td>{mode === 'payload' && <td className="payload-json"><PayloadJson exchange={x} /></td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}
