import { useEffect, useState } from 'react';
import { getJson, startRun, type Exchange, type Run, type RunReport, type Scenario } from './api';
import { go, useApp } from './state';
import { useFetch } from './useFetch';

interface Card { divergence: string[]; apis: string[]; policy: string; endStates: Record<string, string> }
interface Policy { id: string; title: string; mechanics: string; signals: string }
interface MatrixRow { id: string; scenario: string; policy: string; then?: string; rationale: string }
interface Policies { policies: Policy[]; matrix: MatrixRow[]; pointOfNoReturn: { step: string; reason: string } }
type FalloutAction = 'resume' | 'retry' | 'abort';
// `actions`: what the operator may do (no abort past the point of no return); entries held before it was recorded offer all three.
interface Fallout { id: string; runId: string; step: string; status: string; error: { message?: string; code?: string }; actions?: FalloutAction[]; createdAt: string }

/** The failure scenarios as cards (each runnable), the policy decision matrix and the fallout queue, all from the server. */
export function Failures() {
  const { select, runs, refreshRuns } = useApp();
  const failed = runs.filter((r) => r.status === 'failed' || r.status === 'partial').slice(0, 12);
  const [lastCall, setLastCall] = useState<Record<string, Exchange | undefined>>({});
  useEffect(() => {
    Promise.all(failed.map((r) => getJson<RunReport>(`/spine/v1/runs/${r.id}`).then((report) => [r.id, report.exchanges.filter((x) => x.status >= 400).at(-1) ?? report.exchanges.at(-1)] as const)))
      .then((pairs) => setLastCall(Object.fromEntries(pairs)), () => undefined);
  }, [runs]);
  const { data: scenarios } = useFetch<(Scenario & { card?: Card })[]>('/spine/v1/scenarios');
  const policies = useFetch<Policies>('/spine/v1/policies');
  const [fallout, setFallout] = useState<Fallout[] | null>(null);
  const [message, setMessage] = useState('');
  const loadFallout = () => getJson<Fallout[]>('/spine/v1/fallout').then(setFallout, () => setFallout([]));
  if (fallout === null) void loadFallout();
  const cards = (scenarios ?? []).filter((s) => s.card);
  const [refused, setRefused] = useState<Record<string, string>>({});
  const run = async (name: string) => {
    try {
      const started = await startRun(name, {});
      setRefused((all) => ({ ...all, [name]: '' }));
      await refreshRuns();
      go('swimlane', { run: String(started.id) });
    } catch (error) {
      setRefused((all) => ({ ...all, [name]: (error as Error).message }));
    }
  };
  const act = async (entry: Fallout, action: FalloutAction) => {
    try {
      await getJson(`/spine/v1/fallout/${entry.id}/${action}`, { method: 'POST', body: '{}' });
      setMessage(`${action} sent for ${entry.id}`);
    } catch (error) {
      setMessage((error as Error).message);
    }
    await loadFallout();
  };
  return (
    <section>
      <h1>Failure flows</h1>
      {policies.data && (
        <p data-tour="ponr">Point of no return: before <code>{policies.data.pointOfNoReturn.step}</code>. {policies.data.pointOfNoReturn.reason}</p>
      )}
      <h2>Scenarios</h2>
      <div className="cards" data-tour="failure-cards">
        {cards.map((s) => (
          <div className="card" key={s.name} data-testid="failure-card" data-tour={`failure-${s.name}`}>
            <h3>{s.title}</h3>
            <p>{s.description}</p>
            <p><b>Policy:</b> {s.card!.policy} · <b>APIs:</b> {s.card!.apis.map((api) => <button type="button" key={api} className="chip api" onClick={() => select(`api:${api}`)}>{api}</button>)}</p>
            <ol className="small">{s.card!.divergence.map((d) => <li key={d}>{d}</li>)}</ol>
            <p className="small"><b>End states:</b> {Object.entries(s.card!.endStates).map(([k, v]) => `${k} ${v}`).join(' · ')}</p>
            <button type="button" data-testid="run-failure" onClick={() => void run(s.name)}>Run {s.name}</button>
            <CardResult latest={runs.find((r) => r.scenario === s.name)} refused={refused[s.name]} />
          </div>
        ))}
      </div>
      <h2>Runs that left the happy path</h2>
      {!failed.length ? <p>No failed run yet: run a card above, or let the Qualification view start the rejected journeys.</p> : (
        <div className="cards">
          {failed.map((r) => {
            const x = lastCall[r.id];
            return (
              <div className="card" key={r.id}>
                <h3>{r.scenario}: {String(r.context?.customerName ?? r.context?.customerId ?? r.id)}</h3>
                <p className="warn">{typeof r.error === 'string' ? r.error : JSON.stringify(r.error)}</p>
                {x && <button type="button" className="link" data-testid="failed-run-call" onClick={() => select(`exchange:${x.runId}:${x.seq}`)}>{x.status >= 400 ? `refused call: ${x.status}` : 'last call:'} {x.method} {x.api} ({x.step})</button>}
              </div>
            );
          })}
        </div>
      )}
      <h2 data-tour="policy-matrix">Policy decision matrix</h2>
      {policies.missing ? <p className="warn" data-testid="not-built">Error-handling policies (/spine/v1/policies): not built yet.</p> : !policies.data ? <p>{policies.error || 'Loading…'}</p> : (
        <>
          <table data-testid="policy-matrix">
            <thead><tr><th>Failure scenario</th><th>Default policy</th><th>Then</th><th>Rationale</th></tr></thead>
            <tbody>{policies.data.matrix.map((row) => <tr key={row.id}><td>{row.scenario}</td><td>{row.policy}</td><td>{row.then ?? ''}</td><td>{row.rationale}</td></tr>)}</tbody>
          </table>
          <div className="cards">{policies.data.policies.map((p) => <div className="card" key={p.id}><h3>{p.title}</h3><p>{p.mechanics}</p><p className="small">{p.signals}</p></div>)}</div>
        </>
      )}
      <h2 data-tour="fallout-queue">Fallout queue</h2>
      {message && <p className="muted" role="status">{message}</p>}
      {!fallout?.length ? <p>No journey is held for an operator.</p> : (
        <table>
          <thead><tr><th>Entry</th><th>Run</th><th>Step</th><th>Status</th><th>Error</th><th>Actions</th></tr></thead>
          <tbody>
            {fallout.map((f) => (
              <tr key={f.id}>
                <td>{f.id}</td>
                <td><button type="button" className="link" onClick={() => go('swimlane', { run: f.runId })}>{f.runId.slice(0, 16)}</button></td>
                <td>{f.step}</td><td>{f.status}</td><td>{f.error?.code ?? ''} {f.error?.message ?? ''}</td>
                <td>{f.status === 'open' && (f.actions ?? (['retry', 'resume', 'abort'] as const)).map((a) => <button type="button" key={a} onClick={() => void act(f, a)}>{a}</button>)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** What a card's last start came to: refused (the server's reason), and its latest run and whom it ran for. */
function CardResult({ latest, refused }: { latest?: Run; refused?: string }) {
  const { customerName, customerId, addressId } = latest?.context ?? {};
  return (
    <>
      {refused && <p className="warn" role="alert" data-testid="failure-card-refused">{refused}</p>}
      {latest && (
        <p className="small" data-testid="failure-card-result">
          Last run: {latest.status} for {String(customerName ?? customerId)} ({String(customerId)}) at {String(addressId)}
        </p>
      )}
    </>
  );
}
