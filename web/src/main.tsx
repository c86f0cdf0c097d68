import { StrictMode, Suspense, lazy } from 'react';
import { createRoot } from 'react-dom/client';
import { Ctx, useAppState, hashFor, type Mode } from './state';
import type { Registry } from './api';
import { Inspector } from './Inspector';
import { Overview, Swimlane, LifecycleView, Events, Qualification, Payloads } from './views';
import { Failures } from './FailureFlows';
import { Modify } from './ModifyDiff';
import { Glossary, Concepts, ApiReference, Corrections, TourView, TourPanel, MissingPlaceNotice, COURSE_VIEWS } from './course';
import './styles.css';

const IdChain = lazy(() => import('./IdChain'));

const VIEWS: { id: string; label: string }[] = [
  { id: 'overview', label: 'Overview' },
  { id: 'swimlane', label: 'Swimlane' },
  { id: 'lifecycles', label: 'Lifecycle states' },
  { id: 'idchain', label: 'ID chain' },
  { id: 'events', label: 'Events' },
  { id: 'qualification', label: 'Qualification' },
  { id: 'failures', label: 'Failure flows' },
  { id: 'modify', label: 'Modify' },
  { id: 'payloads', label: 'Payloads' },
  ...COURSE_VIEWS,
];
// Each mode's hint, counted from the registry once it has loaded.
const MODES: { id: Mode; label: string; title: (registry: Registry | null) => string }[] = [
  { id: 'beginner', label: 'Beginner', title: (r) => `The ${r ? `${r.apis.filter((a) => a.spine).length} ` : ''}spine APIs, happy path only` },
  { id: 'architect', label: 'Architect', title: (r) => `All ${r ? `${r.apis.length} ` : ''}APIs, branches and failure flows` },
  { id: 'payload', label: 'Payload', title: () => 'Full JSON everywhere' },
];

function App() {
  const state = useAppState();
  const { route, mode, setMode, registry } = state;
  const View = {
    overview: Overview, swimlane: Swimlane, lifecycles: LifecycleView, idchain: IdChain, events: Events,
    qualification: Qualification, failures: Failures, modify: Modify, payloads: Payloads,
    glossary: Glossary, concepts: Concepts, apis: ApiReference, corrections: Corrections, tour: TourView,
  }[route.view.split('/')[0]!] ?? Overview;
  return (
    <Ctx.Provider value={state}>
      <header className="top">
        <a className="brand" href="#/overview">Spine explorer</a>
        <div className="modes" role="group" aria-label="Learning mode" data-tour="mode-bar">
          {MODES.map((m) => (
            <button key={m.id} type="button" title={m.title(registry)} aria-pressed={mode === m.id} data-mode={m.id} onClick={() => setMode(m.id)}>
              {m.label}
            </button>
          ))}
          <span className="mode-hint" data-testid="mode-hint">{MODES.find((m) => m.id === mode)?.title(registry)}</span>
        </div>
        <a className="docs-top" href="/docs" target="_blank" rel="noreferrer">API docs ↗</a>
      </header>
      <nav className="views" aria-label="Views">
        {VIEWS.map((v) => (
          <a key={v.id} href={hashFor(v.id, { run: route.params.get('run') ?? undefined })} aria-current={route.view === v.id ? 'page' : undefined}>
            {v.label}
          </a>
        ))}
      </nav>
      <div className="body">
        <main data-testid="view" data-view={route.view}>
          <MissingPlaceNotice />
          <Suspense fallback={<p>Loading view…</p>}>
            <View />
          </Suspense>
        </main>
        <Inspector />
      </div>
      <TourPanel />
    </Ctx.Provider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
