import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { publishEvent } from '../events/publish.js';
import type { Doc, ResourceRecord, Store } from '../store/port.js';
import { TmfError } from './errors.js';
import { isPlainObject, mergePatch } from './merge-patch.js';
import { applyListQuery, type ListQuery } from './query/index.js';
import type { ApiResource, TmfApi } from './registry.js';
import { describeIssues, type SchemaValidator } from './schemas.js';

/** What the TMF630 uniform contract needs to serve any resource of any API. */
export interface TmfContext {
  store: Store;
  validator: SchemaValidator;
  /** Scheme and authority that hrefs start with, e.g. `http://localhost:8638`. */
  baseUrl: string;
  now: () => Date;
  newId?: (api: TmfApi, resource: ApiResource) => string;
  /** Called after a commit that wrote events, so the relay delivers them promptly. */
  afterCommit?: () => void;
}

/** Per-request facts that end up on the events the request causes. */
export interface RequestMeta {
  correlationId: string | null;
}

/** Addresses one resource collection of one API. */
export interface Target {
  api: TmfApi;
  resource: ApiResource;
}

const CLIENT_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
const IMMUTABLE = ['id', 'href'] as const;

/** The `href` of a resource: absolute, the same value the `Location` header carries. */
export function hrefOf(ctx: Pick<TmfContext, 'baseUrl'>, { api, resource }: Target, id: string): string {
  return `${ctx.baseUrl}${api.basePath}/${resource.name}/${encodeURIComponent(id)}`;
}

/** The TMF `domain` of an API's events: its base path name, e.g. `productOrderingManagement`. */
export function eventDomain(api: TmfApi): string {
  return api.basePath.split('/')[2] ?? api.id;
}

/** POST: validates against `*_Create`, sets the server-owned fields, stores, emits the create event. */
export async function createResource(ctx: TmfContext, target: Target, body: unknown, meta: RequestMeta): Promise<Doc> {
  const { api, resource } = target;
  const input = requireObject(body);
  if (resource.createSchema) assertValid(ctx, api, resource.createSchema, input);
  const id = clientId(input.id) ?? ctx.newId?.(api, resource) ?? randomUUID();
  const at = ctx.now().toISOString();
  const doc: Doc = { id, href: hrefOf(ctx, target, id), ...withoutImmutable(input) };
  doc['@type'] ??= resource.entity;
  for (const field of resource.serverDates.onCreate) doc[field] = at;
  if (resource.stateField && resource.initialState && doc[resource.stateField] === undefined) {
    doc[resource.stateField] = resource.initialState;
  }
  const record = toRecord(target, doc, at, at);
  await ctx.store.transaction(async (tx) => {
    if (!(await tx.insertResource(record))) {
      throw new TmfError('CONFLICT', `${resource.name} ${id} already exists`);
    }
    if (resource.events.create) await emit(tx, target, resource.events.create, doc, at, meta);
  });
  ctx.afterCommit?.();
  return doc;
}

/** GET by id, 404 when unknown. */
export async function retrieveResource(ctx: TmfContext, target: Target, id: string): Promise<Doc> {
  return (await mustGet(ctx.store, target, id)).doc;
}

/** GET a collection: filter, sort, page and project per TMF630. */
export async function listResources(ctx: TmfContext, target: Target, query: ListQuery) {
  const stateFilter = query.filters.find(
    (f) => f.op === 'eq' && f.path.length === 1 && f.path[0] === target.resource.stateField,
  );
  const records = await ctx.store.listResources({
    api: target.api.id,
    resource: target.resource.name,
    states: stateFilter?.values,
  });
  return applyListQuery(
    records.map((r) => r.doc),
    query,
  );
}

/** PATCH (merge-patch): validates the patch and the merged result, emits state and attribute events. */
export async function patchResource(ctx: TmfContext, target: Target, id: string, body: unknown, meta: RequestMeta): Promise<Doc> {
  const { api, resource } = target;
  const patch = requireObject(body);
  if (resource.updateSchema) assertValid(ctx, api, resource.updateSchema, patch);
  const updated = await ctx.store.transaction(async (tx) => {
    const current = await mustGet(tx, target, id);
    for (const field of IMMUTABLE) {
      if (field in patch && patch[field] !== current.doc[field]) {
        throw new TmfError('NOT_PATCHABLE', `${field} cannot be changed by PATCH`);
      }
    }
    const merged = mergePatch(current.doc, patch);
    const at = ctx.now().toISOString();
    const stateField = resource.stateField;
    const stateChanged = stateField !== undefined && merged[stateField] !== current.doc[stateField];
    const attributesChanged = !isDeepStrictEqual(
      stateField ? { ...merged, [stateField]: undefined } : merged,
      stateField ? { ...current.doc, [stateField]: undefined } : current.doc,
    );
    if (!stateChanged && !attributesChanged) return current.doc;
    for (const field of resource.serverDates.onUpdate) merged[field] = at;
    assertValid(ctx, api, resource.entity, merged);
    await tx.replaceResource(toRecord(target, merged, current.createdAt, at));
    if (stateChanged && resource.events.stateChange) await emit(tx, target, resource.events.stateChange, merged, at, meta);
    if (attributesChanged && resource.events.attributeValueChange) {
      await emit(tx, target, resource.events.attributeValueChange, merged, at, meta);
    }
    return merged;
  });
  ctx.afterCommit?.();
  return updated;
}

/** DELETE: removes the resource and emits its delete event with the last known state. */
export async function deleteResource(ctx: TmfContext, target: Target, id: string, meta: RequestMeta): Promise<void> {
  await ctx.store.transaction(async (tx) => {
    const current = await mustGet(tx, target, id);
    await tx.deleteResource(target.api.id, target.resource.name, id);
    const { delete: deleteEvent } = target.resource.events;
    if (deleteEvent) await emit(tx, target, deleteEvent, current.doc, ctx.now().toISOString(), meta);
  });
  ctx.afterCommit?.();
}

async function mustGet(store: Store, { api, resource }: Target, id: string): Promise<ResourceRecord> {
  const record = await store.getResource(api.id, resource.name, id);
  if (!record) throw new TmfError('NOT_FOUND', `${resource.name} ${id} does not exist`);
  return record;
}

function emit(tx: Store, { api, resource }: Target, eventType: string, doc: Doc, at: string, meta: RequestMeta) {
  return publishEvent(
    tx,
    { api: api.id, resource: resource.name, resourceId: String(doc.id) },
    { eventType, payloadKey: resource.name, payload: doc, correlationId: meta.correlationId, domain: eventDomain(api), at },
  );
}

function toRecord({ api, resource }: Target, doc: Doc, createdAt: string, lastUpdate: string): ResourceRecord {
  const state = resource.stateField ? doc[resource.stateField] : undefined;
  return {
    api: api.id,
    resource: resource.name,
    id: String(doc.id),
    doc,
    state: typeof state === 'string' ? state : null,
    createdAt,
    lastUpdate,
  };
}

function requireObject(body: unknown): Doc {
  if (!isPlainObject(body)) throw new TmfError('INVALID_BODY', 'the request body must be a JSON object');
  return body;
}

function assertValid(ctx: TmfContext, api: TmfApi, definition: string, data: unknown): void {
  const issues = ctx.validator.validate(api.id, definition, data);
  if (issues.length) throw new TmfError('INVALID_BODY', describeIssues(issues), { issues });
}

function clientId(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !CLIENT_ID.test(value)) {
    throw new TmfError('INVALID_BODY', 'id must be a string of letters, digits and ._:- (at most 128 characters)');
  }
  return value;
}

function withoutImmutable(input: Doc): Doc {
  const { id: _id, href: _href, ...rest } = input;
  return rest;
}
