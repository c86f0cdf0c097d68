import type { Doc, ExchangeRecord, Store } from '../store/port.js';
import { TmfError } from '../tmf/errors.js';
import { parseListQuery } from '../tmf/query/index.js';
import { apis } from '../tmf/registry.js';
import {
  behaviourOf,
  createInTx,
  deleteInTx,
  listResources,
  patchInTx,
  retrieveResource,
  type Target,
  type TmfContext,
} from '../tmf/resource-service.js';
import { apiOwner, type Actor } from './actors.js';

export type CallMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** One call an actor makes: to a TMF path such as `/tmf-api/serviceOrdering/v4/serviceOrder`. */
export interface CallSpec {
  from: Actor;
  method: CallMethod;
  path: string;
  body?: Doc;
}

/** Calls TMF APIs on behalf of a run; every call becomes an exchange. */
export type TmfCall = <T = Doc>(spec: CallSpec) => Promise<T>;

/** A refused call, carrying the exchange to record once the step's transaction is rolled back. */
export class CallFailed extends Error {
  constructor(
    readonly exchange: Omit<ExchangeRecord, 'seq'>,
    readonly cause: TmfError,
  ) {
    super(`${exchange.method} ${exchange.path} answered ${exchange.status}: ${cause.message}`);
    this.name = 'CallFailed';
  }
}

/**
 * The in-process transport: the call goes through the same TMF630 service functions as HTTP
 * (validation, lifecycle guard, behaviours, events) inside the step's transaction, so the step's
 * state changes, events, exchanges and checkpoint commit together.
 */
export function inProcessCaller(tx: Store, ctx: TmfContext, run: { id: string; correlationId: string }, step: string): TmfCall {
  return async <T>(spec: CallSpec): Promise<T> => {
    const { target, id, query } = resolveTmfPath(spec.path);
    const startedAt = ctx.now().toISOString();
    const owner = apiOwner[target.api.id] ?? 'com';
    const meta = { correlationId: run.correlationId, fromOwner: spec.from === owner };
    const { store, emitted } = recordingEvents(tx);
    const exchange = (status: number, response: unknown, events: string[]): Omit<ExchangeRecord, 'seq'> => ({
      runId: run.id,
      step,
      correlationId: run.correlationId,
      from: spec.from,
      to: owner,
      api: target.api.id,
      method: spec.method,
      path: spec.path,
      request: spec.body,
      response,
      status,
      startedAt,
      endedAt: ctx.now().toISOString(),
      events,
    });
    let status: number;
    let response: unknown;
    try {
      if (spec.method === 'POST' && !id) {
        const created = await createInTx(store, ctx, target, spec.body, meta);
        [status, response] = [behaviourOf(ctx, target)?.createdStatus?.(created) ?? 201, created];
      }
      else if (spec.method === 'PATCH' && id) [status, response] = [200, await patchInTx(store, ctx, target, id, spec.body, meta)];
      else if (spec.method === 'DELETE' && id) [status, response] = [204, await deleteInTx(store, ctx, target, id, meta)];
      else if (spec.method === 'GET' && id) [status, response] = [200, await retrieveResource({ ...ctx, store }, target, id)];
      else if (spec.method === 'GET') [status, response] = [200, (await listResources({ ...ctx, store }, target, parseListQuery(query))).page];
      else throw new TmfError('METHOD_NOT_ALLOWED', `${spec.method} ${spec.path} is not a TMF operation`);
    } catch (error) {
      // A refused call's events roll back with the step: it caused none.
      if (error instanceof TmfError) throw new CallFailed(exchange(error.status, error.toBody(), []), error);
      throw error;
    }
    await tx.appendExchange(exchange(status, response, emitted));
    return response as T;
  };
}

/**
 * The transaction as a call sees it, noting the id of every event appended through it: the call's
 * own change and the changes its behaviours cascade to (in nested transactions too).
 */
function recordingEvents(tx: Store): { store: Store; emitted: string[] } {
  const emitted: string[] = [];
  // The store's operations are closures: the rest is reached through the prototype, not copied per call.
  const store: Store = Object.create(tx);
  store.appendEvent = async (event) => {
    const stored = await tx.appendEvent(event);
    emitted.push(stored.eventId);
    return stored;
  };
  store.transaction = (work) => tx.transaction(() => work(store));
  return { store, emitted };
}

/** Splits a TMF path into the registered API resource, the id and the query string. */
export function resolveTmfPath(path: string): { target: Target; id?: string; query: Record<string, string[]> } {
  const [pathname, search = ''] = path.split('?');
  const { target, id } = resolvePathname(pathname!);
  const query: Record<string, string[]> = {};
  for (const [key, value] of new URLSearchParams(search)) (query[key] ??= []).push(value);
  return { target, id, query };
}

// Journeys call the same few paths over and over: each is looked up in the registry once.
const resolvedPaths = new Map<string, { target: Target; id?: string }>();
const PATHS_KEPT = 4096;

function resolvePathname(pathname: string): { target: Target; id?: string } {
  let resolved = resolvedPaths.get(pathname);
  if (!resolved) {
    const api = apis.find((a) => pathname.startsWith(`${a.basePath}/`));
    const [name, id, extra] = api ? pathname.slice(api.basePath.length + 1).split('/') : [];
    const resource = api?.resources.find((r) => r.name === name);
    if (!api || !resource || extra !== undefined) throw new TmfError('NO_SUCH_PATH', `no TMF resource at ${pathname}`);
    if (resolvedPaths.size >= PATHS_KEPT) resolvedPaths.clear();
    resolved = { target: { api, resource }, id: id === undefined ? undefined : decodeURIComponent(id) };
    resolvedPaths.set(pathname, resolved);
  }
  return resolved;
}

/** The path of a registered resource (or one of them), e.g. `tmfPath('TMF622', 'productOrder', id)`. */
export function tmfPath(apiId: string, resource: string, id?: string): string {
  const api = apis.find((a) => a.id === apiId);
  if (!api?.resources.some((r) => r.name === resource)) throw new Error(`no resource ${apiId}/${resource} in the registry`);
  return `${api.basePath}/${resource}${id === undefined ? '' : `/${encodeURIComponent(id)}`}`;
}
