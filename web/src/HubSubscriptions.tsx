import { useCallback, useEffect, useState } from 'react';
import type { HubSubscription } from './api';
import { getJson } from './api';
import { useApp } from './state';

const STATUSES = ['delivered', 'pending', 'failed', 'cancelled'] as const;
const LISTENER_PATH = '{callback}/listener/{eventType}';

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
            Each event is POSTed to <code>{LISTENER_PATH}</code> after its change commits, at least once.
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
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
