import { createSharedStream } from './shared-stream';

// Everything the explorer shows is fetched from the server; nothing here is hand-typed data.
export interface Exchange {
  seq: number; runId: string; step: string; correlationId: string; from: string; to: string; api: string;
  method: string; path: string; request: unknown; response: unknown; status: number; startedAt: string; endedAt: string;
  /** The ids of the events this call caused. */
  events: string[];
}
export interface SpineEvent { seq: number; api: string; resource: string; resourceId: string; eventId: string; eventType: string; eventTime: string; correlationId: string; event: Record<string, unknown>; [k: string]: unknown }
export interface Transition { eventId: string; at: string; api: string; resource: string; resourceId: string; field: string; from: string | null; to: string }
export interface Step { runId: string; position: number; step: string; status: string; attempts: number; output: unknown; error: unknown; startedAt: string | null; endedAt: string | null }
export interface Run { id: string; scenario: string; status: string; correlationId: string; input: Record<string, unknown>; context: Record<string, unknown>; error?: unknown; createdAt?: string; [k: string]: unknown }
export interface RunReport { run: Run; steps: Step[]; exchanges: Exchange[]; events: SpineEvent[]; transitions: Transition[] }
export interface ChainLink { role: string; api: string; resource: string; id: string; via?: string; exists: boolean; state: string | null; href: string; owner?: { actor: string; api: string; name: string } }
export interface Trace { query: string; runId: string; scenario: string; status: string; correlationId: string; chain: ChainLink[]; match: string; otherRuns: unknown[] }
export interface ApiInfo { id: string; name: string; domain: string; version: string; basePath: string; spine: boolean; docs: string; resources: { name: string; entity: string; kind: string; operations: string[]; stateField: string | null }[] }
export interface Registry { domains: { id: string; name: string }[]; apis: ApiInfo[] }
export interface StateInfo { category: string; meaning: string; to: { state: string; trigger: string }[] }
export interface Machine { id: string; entity: string; api: string; resource: string; field: string; states: Record<string, StateInfo>; initial: string; terminal: string[]; within?: string; aliases?: Record<string, string>; source?: string }
export interface Lifecycles { categories: { id: string; label: string; legend: string; colour: string }[]; machines: Machine[] }
export interface HubDelivery { seq: number; eventId: string; eventType: string; resourceId: string; url: string; status: string; attempts: number; nextAttemptAt: string; lastError: string | null; deliveredAt: string | null; sending?: true }
export interface HubSubscription { id: string; api: string; topicId: string | null; callback: string; query: string | null; createdAt: string; path: string; deliveries: Record<'pending' | 'delivered' | 'failed' | 'cancelled', number> }
export interface Scenario { name: string; title: string; description: string; steps: { id: string; actor: string; title: string }[]; parameters: string[]; input?: Record<string, string>; runs: string }

export class NotBuilt extends Error {}

/** A call the stack answered with an error status; the message is the TMF error body's reason, in the server's words. */
export class CallRefused extends Error {
  constructor(message: string, readonly status: number) {
    super(message);
  }
}

export async function getJson<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(path, { ...init, headers: { accept: 'application/json', ...(init?.body ? { 'content-type': 'application/json' } : {}), ...init?.headers } });
  if (response.status === 404 && !init?.method) throw new NotBuilt(path);
  if (!response.ok) {
    // A TMF error body says why in its message (a refused run names what to do about it).
    const reason = ((await response.json().catch(() => undefined)) as { message?: unknown } | undefined)?.message;
    throw new CallRefused(typeof reason === 'string' ? reason : `${init?.method ?? 'GET'} ${path} answered ${response.status}`, response.status);
  }
  return (await response.json()) as T;
}

/** A TMF href as a same-origin path, whatever public URL the server stamped on it. */
export function hrefPath(href: string): string {
  try {
    const url = new URL(href, location.origin);
    return url.pathname + url.search;
  } catch {
    return href;
  }
}

const cache = new Map<string, Promise<unknown>>();
/** Cached GET for data that does not change while the page is open. */
export function cached<T>(path: string): Promise<T> {
  if (!cache.has(path)) {
    const p = getJson<T>(path);
    p.catch(() => cache.delete(path));
    cache.set(path, p);
  }
  return cache.get(path) as Promise<T>;
}

/** Starts a run with its parameters and, optionally, faults armed for its journey alone. */
export const startRun = (scenario: string, parameters: Record<string, string>, wait = false, faults: { fault: string; times: number }[] = []) =>
  getJson<RunReport & Run>(`/spine/v1/scenarios/${encodeURIComponent(scenario)}/runs${wait ? '?wait=true' : ''}`, { method: 'POST', body: JSON.stringify({ ...parameters, ...(faults.length && { faults }) }) });

/** What the stream sends before replaying its log from the start: the message the client last had is not in it (the database was replaced). */
export interface StreamReset { lastEventId: string; latest: string; reason: string }

/** The messages of the live stream (/spine/v1/stream), by their SSE event name. */
export interface StreamMessages { exchange: Exchange; event: SpineEvent; transition: Transition; reset: StreamReset }

/** The page's one connection to the live stream, shared by every view that follows it. */
export const activityStream = createSharedStream<StreamMessages>(() => new EventSource('/spine/v1/stream'));
