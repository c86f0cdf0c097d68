import { createContext, useContext, useEffect, useState, useCallback } from 'react';
import type { ApiInfo, Exchange, Lifecycles, Registry, RunReport, Run } from './api';
import { cached, getJson } from './api';
import { defaultRun, listedStatusIsStale } from './run-list';
import { useRunListFollowsStream } from './useRunListFollowsStream';

export type Mode = 'beginner' | 'architect' | 'payload';
export interface Route { view: string; params: URLSearchParams }

export function parseHash(): Route {
  const raw = location.hash.replace(/^#\/?/, '');
  const [view, query] = raw.split('?');
  return { view: view || 'overview', params: new URLSearchParams(query ?? '') };
}

export function hashFor(view: string, params: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  const s = q.toString();
  return `#/${view}${s ? `?${s}` : ''}`;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(parseHash);
  useEffect(() => {
    const on = () => setRoute(parseHash());
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return route;
}

/** Navigates by changing the hash, so back/forward replay every view and selection. */
const REPORT_REFRESH_MS = 400;

export function go(view: string, params: Record<string, string | undefined>) {
  location.hash = hashFor(view, params);
}

export interface AppState {
  mode: Mode;
  setMode: (m: Mode) => void;
  route: Route;
  registry: Registry | null;
  lifecycles: Lifecycles | null;
  runs: Run[];
  refreshRuns: () => Promise<Run[]>;
  runId: string | undefined;
  /** The report of the run on show (`runId`): null until it is read. */
  report: RunReport | null;
  /** The run on show could not be read (no such run on this stack). */
  reportMissing: boolean;
  select: (sel: string) => void;
  visibleApi: (api: string) => boolean;
  apiInfo: (api: string) => ApiInfo | undefined;
}

export const Ctx = createContext<AppState>(null as unknown as AppState);
export const useApp = () => useContext(Ctx);

export function useAppState(): AppState {
  const route = useRoute();
  const [mode, setModeState] = useState<Mode>(() => (localStorage.getItem('spine.mode') as Mode) || 'beginner');
  const setMode = (m: Mode) => {
    localStorage.setItem('spine.mode', m);
    setModeState(m);
  };
  const [registry, setRegistry] = useState<Registry | null>(null);
  const [lifecycles, setLifecycles] = useState<Lifecycles | null>(null);
  const [runs, setRuns] = useState<Run[]>([]);
  const [report, setReport] = useState<RunReport | null>(null);
  const [missingRun, setMissingRun] = useState<string | undefined>();
  useEffect(() => {
    cached<Registry>('/spine/v1/apis').then(setRegistry, () => undefined);
    cached<Lifecycles>('/spine/v1/lifecycles').then(setLifecycles, () => undefined);
  }, []);
  const refreshRuns = useCallback(async () => {
    const list = await getJson<Run[]>('/spine/v1/runs');
    setRuns(list);
    return list;
  }, []);
  useEffect(() => {
    refreshRuns().catch(() => undefined);
  }, [refreshRuns]);
  useRunListFollowsStream(runs, refreshRuns);
  const runId = route.params.get('run') ?? defaultRun(runs).run?.id;
  useEffect(() => {
    if (!runId) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // A run still going (started from a failure card, say) is read again until it reaches a final
    // status; the run list is read again whenever it shows the run otherwise, so it shows that status too.
    const load = () =>
      getJson<RunReport>(`/spine/v1/runs/${encodeURIComponent(runId)}`).then((r) => {
        if (!live) return;
        setReport(r);
        if (r.run.status === 'running') timer = setTimeout(load, REPORT_REFRESH_MS);
        else if (listedStatusIsStale(runs, r)) refreshRuns().catch(() => undefined);
      }, () => live && setMissingRun(runId));
    void load();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [runId, runs, refreshRuns]);
  const apiInfo = (api: string) => registry?.apis.find((a) => a.id === api);
  const visibleApi = (api: string) => mode !== 'beginner' || apiInfo(api)?.spine !== false;
  const select = (sel: string) => {
    const params: Record<string, string | undefined> = Object.fromEntries(route.params.entries());
    params.sel = sel;
    go(route.view, params);
  };
  // Another run's report, still held while this one's loads, is not this run's.
  const shown = report?.run.id === runId ? report : null;
  return { mode, setMode, route, registry, lifecycles, runs, refreshRuns, runId, report: shown, reportMissing: !shown && missingRun === runId, select, visibleApi, apiInfo };
}

export const exchangeKey = (x: Exchange) => `exchange:${x.seq}`;
