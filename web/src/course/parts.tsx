// Small pieces the course views share: API chips, "see in the app" links, level badges, live examples.
import { useEffect, useState } from 'react';
import { resolveLiveExample, type LiveAnswer } from '../../../src/course/live-examples.ts';
import { useApp } from '../state';
import { apiHref, type LiveExample, type Place } from './data';
import { ensureRun } from './runs';
import { clearMissingPlace, showPlace, useMissingPlace } from './spotlight';

export function ApiChips({ apis }: { apis?: readonly string[] }) {
  const { apiInfo } = useApp();
  if (!apis?.length) return null;
  return (
    <span className="course-apis">
      {apis.map((api) => (
        <a key={api} className="chip api" href={apiHref(api)} title={`${apiInfo(api)?.name ?? api}: open its page and the inspector`} data-api={api}>
          {api}
        </a>
      ))}
    </span>
  );
}

const VIEW_LABELS: Record<string, string> = {
  overview: 'Overview', swimlane: 'Swimlane', lifecycles: 'Lifecycle states', idchain: 'ID chain', events: 'Events',
  qualification: 'Qualification', failures: 'Failure flows', modify: 'Modify', payloads: 'Payloads', glossary: 'Glossary',
  concepts: 'Concepts', apis: 'API reference', corrections: 'Corrections', tour: 'Tour',
};
export const viewLabel = (view: string) => VIEW_LABELS[view] ?? view;

export function SeeIn({ places }: { places: readonly Place[] }) {
  if (!places.length) return null;
  return (
    <p className="see-in">
      See in the app:{' '}
      {places.map((p) => (
        <button
          type="button"
          className="link"
          key={`${p.view}${p.anchor}`}
          data-see-in={`${p.view}/${p.anchor}`}
          onClick={() => void showPlace(p)}
        >
          {viewLabel(p.view)} · {p.anchor}
        </button>
      ))}
    </p>
  );
}

/** In the view a "see in the app" link moved to, why nothing is outlined: the place is not on screen (in this mode). */
export function MissingPlaceNotice() {
  const { mode, route } = useApp();
  const place = useMissingPlace();
  useEffect(() => {
    if (place && place.view !== route.view) clearMissingPlace();
  }, [route.view, place]);
  if (!place || place.view !== route.view) return null;
  return (
    <p className="warn" role="status" data-testid="missing-place">
      {viewLabel(place.view)} has no {place.anchor} on screen{mode === 'beginner' ? ': Beginner mode leaves out the APIs off the spine, Architect shows them' : ' for this run'}.
    </p>
  );
}

export function LevelBadge({ level }: { level: string }) {
  return <span className={`level level-${level}`}>{level}</span>;
}

const cache = new Map<string, Promise<{ status: number; body: unknown }>>();
let cacheFor = '';
/** GETs for the resolver, shared by all live examples while the list of runs stays the same. */
function cachedGet(runsKey: string) {
  if (cacheFor !== runsKey) {
    cache.clear();
    cacheFor = runsKey;
  }
  return (path: string) => {
    if (!cache.has(path)) cache.set(path, fetch(path, { headers: { accept: 'application/json' } }).then(async (r) => ({ status: r.status, body: await r.json() })));
    return cache.get(path)!;
  };
}

type Doc = Record<string, unknown>;

/** What to select in the inspector for one item of a live answer. */
function selectionFor(example: LiveExample, item: Doc): string | null {
  if (example.kind === 'run-exchange' && item.runId && item.seq !== undefined) return `exchange:${item.runId}:${item.seq}`;
  if (example.kind === 'thread' && item.href) return `res:${item.api}|${item.href}`;
  if (example.kind === 'endpoint' && example.path.startsWith('/tmf-api/')) return `res:|${example.path}`;
  return null;
}

function describe(example: LiveExample): string {
  switch (example.kind) {
    case 'run-exchange': return `the ${example.api ?? ''} calls of step ${example.step} in the latest ${example.scenario} run`;
    case 'event': return `the ${example.eventType} events of the latest ${example.scenario} run`;
    case 'lifecycle': return `the served state machine of ${example.entity}${example.field ? `.${example.field}` : ''}`;
    case 'endpoint': return `GET ${example.path}`;
    case 'thread': return `the ${example.role} of the latest ${example.scenario} run's golden thread`;
  }
}

/** A live example: the real data the stack answers for it, inline, with a way into the inspector. */
export function LiveExampleBox({ example, anchor }: { example: LiveExample; anchor?: string }) {
  const { runs, refreshRuns, select } = useApp();
  const [answer, setAnswer] = useState<LiveAnswer | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const runsKey = runs.map((r) => `${r.id}${r.status}`).join();
  useEffect(() => {
    let live = true;
    setError('');
    resolveLiveExample(example as never, cachedGet(runsKey)).then((a) => live && setAnswer(a), (e: Error) => live && (setAnswer(null), setError(e.message)));
    return () => {
      live = false;
    };
  }, [JSON.stringify(example), runsKey]);
  const needsRun = 'scenario' in example;
  const first = answer?.data[0] as Doc | undefined;
  const sel = first ? selectionFor(example, first) : null;
  return (
    <div className="live" data-tour={anchor} data-testid="live-example">
      <div className="live-head">
        <b>Live example</b> <span className="muted">{describe(example)}</span>
      </div>
      {answer ? (
        <>
          <p className="meta">
            from {answer.sources.map((s) => <code key={s}>{s}</code>)} · {answer.data.length} item{answer.data.length === 1 ? '' : 's'}
            {sel && (
              <>
                {' · '}
                <button type="button" className="link" data-testid="live-inspect" onClick={() => select(sel)}>open in the inspector</button>
              </>
            )}
          </p>
          <pre className="small" data-testid="live-json">{JSON.stringify(first, null, 2)}</pre>
        </>
      ) : error ? (
        <p className="muted">
          {error}.{' '}
          {needsRun && (
            <button
              type="button"
              disabled={busy}
              data-testid="live-start-run"
              onClick={async () => {
                setBusy(true);
                await ensureRun(example.scenario, example.input).catch(() => undefined);
                await refreshRuns().catch(() => undefined);
                setBusy(false);
              }}
            >
              {busy ? 'Running…' : `Start that ${example.scenario} run`}
            </button>
          )}
        </p>
      ) : (
        <p className="muted">Asking the stack…</p>
      )}
    </div>
  );
}
