import { useCallback, useEffect, useState } from 'react';
import type { HubDelivery, HubSubscription } from './api';
import { getJson } from './api';
import { useApp } from './state';

const STATUSES = ['delivered', 'pending', 'failed', 'cancelled'] as const;
const LISTENER_PATH = '{callback}/listener/{eventType in lowerCamelCase}';

/** One listener's deliveries of the journey's events, read when opened: event, outcome, attempts, last error. */
function HubDeliveries({ hubId, correlationId }: { hubId: string; correlationId: string }) {
  const { select } = useApp();
  const [deliveries, setDeliveries] = useState<HubDelivery[] | null>(null);
  const [error, setError] = useState('');
  const load = () =>
    getJson<HubDelivery[]>(`/spine/v1/hubs/${encodeURIComponent(hubId)}/deliveries?correlationId=${encodeURIComponent(correlationId)}`).then(
      (listed) => (setDeliveries(listed), setError('')),
      (e: Error) => setError(e.message),
    );
  return (
    <details data-testid="hub-delivery-list" onToggle={(e) => (e.currentTarget.open ? load() : undefined)}>
      <summary>Each delivery</summary>
      {error ? <p className="warn">{error}</p> : !deliveries ? <p>Loading…</p> : deliveries.length === 0 ? <p className="muted">None of this journey's events matched.</p> : (
        <table className="small">
          <thead><tr><th>Event</th><th>Outcome</th><th>Tries</th><th>Last error</th></tr></thead>
          <tbody>
            {deliveries.map((d) => (
              <tr key={d.seq} data-testid="hub-delivery" data-status={d.status}>
                <td><button type="button" className="link" onClick={() => select(`event:${d.eventId}`)}>{d.eventType}</button></td>
                <td>{d.status}{outcomeNote(d)}</td>
                <td>{d.attempts}</td>
                <td>{d.lastError ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  );
}

/** The listeners registered on the stack (GET /spine/v1/hubs), with how the journey's events reached each. */
export function HubSubscriptions({ correlationId }: { correlationId: string }) {
  const { select } = useApp();
  const [hubs, setHubs] = useState<HubSubscription[] | null>(null);
  const [error, setError] = useState('');
  const load = useCallback(() => {
    getJson<HubSubscription[]>(`/spine/v1/hubs?correlationId=${encodeURIComponent(correlationId)}`).then(
      (listed) => (setHubs(listed), setError('')),
      (e: Error) => setError(e.message),
    );
  }, [correlationId]);
  useEffect(load, [load]);
  return (
    <div className="card hubs" data-tour="hub-subscriptions" data-testid="hub-subscriptions">
      <h3>
        Listening in: hub subscriptions{' '}
        <button type="button" className="link" data-testid="hubs-refresh" onClick={load}>refresh</button>
      </h3>
      {error ? <p className="warn">{error}</p> : !hubs ? <p>Loading…</p> : hubs.length === 0 ? (
        <div data-testid="hubs-none">
          <p>No listener is registered on this stack. Register one by POSTing a callback URL to a hub:</p>
          <pre className="small">{`curl -X POST ${location.origin}/tmf-api/event/v4/hub \\\n  -H 'content-type: application/json' \\\n  -d '{"callback": "http://localhost:9000/spine"}'`}</pre>
          <p className="muted">
            TMF688's hub receives every event of every API; an API's own <code>/hub</code> (such as <code>/tmf-api/serviceOrdering/v4/hub</code>) only that API's, and a <code>query</code> narrows either.
            Each event is POSTed to <code>{LISTENER_PATH}</code> (e.g. <code>/listener/productOrderStateChangeEvent</code>) after its change commits, at least once.
          </p>
        </div>
      ) : (
        <>
          <p className="muted">Each event a hub's query selects is POSTed to <code>{LISTENER_PATH}</code> after its change commits, at least once.</p>
          <ul className="hub-list">
            {hubs.map((h) => (
              <li key={h.id} data-testid="hub" title={`DELETE ${h.path} unsubscribes it`}>
                <button type="button" className="link" onClick={() => select(`api:${h.api}`)}>{h.api}</button>
                {h.topicId && <> topic <code>{h.topicId}</code></>}
                {' · '}{h.query ? <code>{h.query}</code> : <span className="muted">every event</span>}
                <div><code data-testid="hub-callback">{h.callback}</code></div>
                <div data-testid="hub-deliveries">
                  This journey: {STATUSES.map((s) => <span key={s} className={`count${h.deliveries[s] ? '' : ' muted'}`}>{h.deliveries[s]} {s}</span>)}
                </div>
                <HubDeliveries hubId={h.id} correlationId={correlationId} />
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

// What a delivery waits for: the listener's answer, its turn (due already, behind the listener's earlier events), or a retry.
function outcomeNote(d: HubDelivery): string {
  if (d.sending) return ' (sending, waiting for the listener)';
  if (d.status !== 'pending') return '';
  return Date.parse(d.nextAttemptAt) <= Date.now() ? ' (due, queued behind earlier events)' : ` (next attempt ${d.nextAttemptAt.slice(11, 19)})`;
}
