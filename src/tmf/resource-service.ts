import { isDeepStrictEqual } from 'node:util';
import { publishEvent } from '../events/publish.js';
import type { Doc, ResourceRecord, Store } from '../store/port.js';
import { TmfError } from './errors.js';
import { isPlainObject, mergePatch } from './merge-patch.js';
import { listCollector, projectFields, type ListQuery } from './query/index.js';
import { findApi, type ApiResource, type StateEntry, type TmfApi } from './registry.js';
import type { IdGenerator } from './ids.js';
import type { NetworkModel } from '../network/network-model.js';
import { describeIssues, type SchemaValidator } from './schemas.js';

/** What the TMF630 uniform contract needs to serve any resource of any API. */
export interface TmfContext {
  store: Store;
  validator: SchemaValidator;
  /** Scheme and authority that hrefs start with, e.g. `http://localhost:8638`. */
  baseUrl: string;
  now: () => Date;
  /** Fresh identifiers (event ids, UUID resource ids); a counter in deterministic mode. */
  uuid: () => string;
  ids: IdGenerator;
  /** Refuses a state change the lifecycle tables do not allow (create: `before` is undefined). */
  guardState?: StateGuard;
  /** The document with each lifecycle value another spelling of a state (TMF637's "aborted ") stored as the state's own name. */
  canonicalStates?: (target: Target, doc: Doc) => Doc;
  /** Domain behaviour of a resource, keyed `TMF685/reservation`. */
  behaviours?: Record<string, ResourceBehaviour>;
  /** The simulated network the behaviours serve (TMF639/685/645/702) and the journeys plan on. */
  network: NetworkModel;
}

/** Per-request facts that end up on the events the request causes. */
export interface RequestMeta {
  correlationId: string | null;
  /**
   * The call comes from the API's own system of record (an actor calling the API it owns, in
   * process): it may write the attributes the spec keeps from clients (milestone, errorMessage, ...).
   * Never set for an HTTP request.
   */
  fromOwner?: boolean;
}

/** Addresses one resource collection of one API. */
export interface Target {
  api: TmfApi;
  resource: ApiResource;
}

/** A lifecycle check: undefined when the move from `before` to `after` is allowed. */
export type StateGuard = (target: Target, before: Doc | undefined, after: Doc) => TmfError | undefined;

/** What a behaviour sees besides the transaction and the documents. */
export interface BehaviourEnv {
  ctx: TmfContext;
  meta: RequestMeta;
  at: string;
}

/**
 * Opt-in domain behaviour of one resource, run inside the write's transaction so that whatever
 * it changes (and the events it emits) commits with the resource or not at all.
 */
export interface ResourceBehaviour {
  /** Before the insert: complete the document (a task's result) or refuse with a TmfError. */
  onCreate?(tx: Store, doc: Doc, env: BehaviourEnv): Promise<Doc | void>;
  /**
   * After the insert and its create event, same transaction: move a task on (an instant
   * qualification from inProgress to done, through `patchInTx` so its state change is an event too).
   * Returns the document as it now stands.
   */
  afterCreate?(tx: Store, doc: Doc, env: BehaviourEnv): Promise<Doc | void>;
  /** The status of a successful POST when it is not 201 (an instant, synchronous task answers 200). */
  createdStatus?(doc: Doc): number;
  /** After the merge, before the save: react to the change or refuse it. */
  onPatch?(tx: Store, current: Doc, next: Doc, env: BehaviourEnv): Promise<Doc | void>;
  /** Before the delete: undo what the resource holds (a reservation's capacity) or refuse. */
  onDelete?(tx: Store, current: Doc, env: BehaviourEnv): Promise<void>;
}

const CLIENT_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

/** Whether a client may name something with this id: letters, digits and ._:-, at most 128 characters, safe in a path. */
export const isClientId = (value: unknown): value is string => typeof value === 'string' && CLIENT_ID.test(value);
const IMMUTABLE = ['id', 'href'] as const;

/** The registered resource `name` of API `apiId`; throws on a typo in domain code. */
export function targetOf(apiId: string, name: string): Target {
  const api = findApi(apiId);
  const resource = api?.resources.find((r) => r.name === name);
  if (!api || !resource) throw new Error(`no resource ${apiId}/${name} in the registry`);
  return { api, resource };
}

/** The `href` of a resource: absolute, the same value the `Location` header carries. */
export function hrefOf(ctx: Pick<TmfContext, 'baseUrl'>, { api, resource }: Target, id: string): string {
  return `${ctx.baseUrl}${api.basePath}/${resource.name}/${encodeURIComponent(id)}`;
}

/** The TMF `domain` of an API's events: its base path name, e.g. `productOrderingManagement`. */
export function eventDomain(api: TmfApi): string {
  return api.basePath.split('/')[2] ?? api.id;
}

/**
 * Validates against `*_Create`, sets the server-owned fields (id, href, @type, dates, initial
 * state), runs the resource's behaviour and lifecycle check, stores it and emits the create event.
 */
export async function createInTx(tx: Store, ctx: TmfContext, target: Target, body: unknown, meta: RequestMeta): Promise<Doc> {
  const { api, resource } = target;
  const input = requireObject(body);
  if (resource.createSchema) assertValid(ctx, api, resource.createSchema, input);
  refuseServerOwned(ctx, target, input, meta);
  const at = ctx.now().toISOString();
  const draft: Doc = { ...withoutImmutable(input) };
  draft['@type'] ??= resource.entity;
  for (const field of resource.serverDates.onCreate) draft[field] = at;
  if (resource.stateField && resource.initialState && draft[resource.stateField] === undefined) {
    draft[resource.stateField] = resource.initialState;
  }
  const id = clientId(input.id) ?? (await ctx.ids.next(tx, target, draft));
  let doc: Doc = { id, href: hrefOf(ctx, target, id), ...draft };
  const behaviour = behaviourOf(ctx, target);
  if (behaviour?.onCreate) doc = (await behaviour.onCreate(tx, doc, { ctx, meta, at })) ?? doc;
  doc = ctx.canonicalStates?.(target, doc) ?? doc;
  const refused = ctx.guardState?.(target, undefined, doc);
  if (refused) throw refused;
  if (!(await tx.insertResource(toRecord(target, doc, at, at)))) {
    throw new TmfError('CONFLICT', `${resource.name} ${id} already exists`);
  }
  if (resource.events.create) await emit(tx, ctx, target, resource.events.create, doc, at, meta);
  if (behaviour?.afterCreate) doc = (await behaviour.afterCreate(tx, doc, { ctx, meta, at })) ?? doc;
  return doc;
}

/** The domain behaviour registered for a resource, if any. */
export function behaviourOf(ctx: TmfContext, { api, resource }: Target): ResourceBehaviour | undefined {
  return ctx.behaviours?.[`${api.id}/${resource.name}`];
}

/** GET by id, 404 when unknown. */
export async function retrieveResource(ctx: TmfContext, target: Target, id: string): Promise<Doc> {
  return (await mustGet(ctx.store, target, id)).doc;
}

/**
 * GET `/{resource}/{id}/{sub}`: the entries of the item's array attribute `sub`, filtered, sorted,
 * paged and projected as a collection is; 404 when the item does not exist.
 */
export async function listSubResources(ctx: TmfContext, target: Target, id: string, sub: string, query: ListQuery) {
  const collector = listCollector(query);
  for (const entry of subEntries(ctx, target, (await mustGet(ctx.store, target, id)).doc, sub)) collector.add(entry);
  return collector.page();
}

/** GET `/{resource}/{id}/{sub}/{subId}`: the entry with that id, 404 when the item or the entry does not exist. */
export async function retrieveSubResource(ctx: TmfContext, target: Target, id: string, sub: string, subId: string): Promise<Doc> {
  const entry = subEntries(ctx, target, (await mustGet(ctx.store, target, id)).doc, sub).find((e) => e.id === subId);
  if (!entry) throw new TmfError('NOT_FOUND', `${sub} ${subId} does not exist in ${target.resource.name} ${id}`);
  return entry;
}

// An entry's href is its own path under the item's, as TMF630 gives every addressable entity one.
function subEntries(ctx: TmfContext, target: Target, item: Doc, sub: string): Doc[] {
  const entries = Array.isArray(item[sub]) ? (item[sub] as unknown[]).filter(isPlainObject) : [];
  const base = `${hrefOf(ctx, target, String(item.id))}/${sub}`;
  return entries.map((entry) => (entry.id === undefined || entry.href !== undefined ? entry : { ...entry, href: `${base}/${encodeURIComponent(String(entry.id))}` }));
}

/** GET a collection: filter, sort, page and project per TMF630. */
export async function listResources(ctx: TmfContext, target: Target, query: ListQuery) {
  const stateFilter = query.filters.find(
    (f) => f.op === 'eq' && f.path.length === 1 && f.path[0] === target.resource.stateField,
  );
  const selector = { api: target.api.id, resource: target.resource.name, states: stateFilter?.values };
  // Nothing left to decide per document: SQL counts and pages, and only the page is read.
  if (query.sort.length === 0 && query.filters.every((f) => f === stateFilter)) {
    const { records, total } = await ctx.store.pageResources(selector, query.offset, query.limit);
    return { page: records.map((r) => projectFields(r.doc, query.fields)), total, partial: records.length < total };
  }
  const collector = listCollector(query);
  await ctx.store.eachResource(selector, (record) => collector.add(record.doc));
  return collector.page();
}

/**
 * A POST may not set what the spec's `*_Create` leaves out ("Skipped properties": completionDate,
 * milestone, qualificationResult, ...): the server sets those. A client-chosen id is taken (409 when
 * taken already), href is the server's anyway, and the initial state is the lifecycle tables' to check.
 */
function refuseServerOwned(ctx: TmfContext, { api, resource }: Target, input: Doc, meta: RequestMeta): void {
  if (!resource.createSchema || meta.fromOwner) return;
  const given = ctx.validator.skippedProperties(api.id, resource.createSchema).find((name) => !CREATE_ALLOWS.includes(name) && name !== resource.stateField && name in input);
  if (given !== undefined) throw new TmfError('INVALID_BODY', `${given} is set by the server (${resource.createSchema} leaves it out): leave it out of the POST`);
}

// Attributes a `*_Create` leaves out that a POST may still carry (nested ones, `item.state`, are the lifecycle tables').
const CREATE_ALLOWS = ['id', 'href'];

/**
 * A PATCH may not change id and href (TMF630), nor what the spec's `*_Update` leaves out ("Skipped
 * properties"): those are the server's (orderDate, milestone, ...), so only the API's own system of
 * record writes them. Sending the current value is no change.
 */
function refuseNotPatchable(ctx: TmfContext, { api, resource }: Target, patch: Doc, current: Doc, meta: RequestMeta): void {
  const skipped = resource.updateSchema && !meta.fromOwner ? ctx.validator.skippedProperties(api.id, resource.updateSchema) : [];
  for (const fields of [IMMUTABLE, skipped]) {
    const changed = fields.find((name) => name in patch && !isDeepStrictEqual(patch[name], current[name]));
    if (changed !== undefined) throw new TmfError('NOT_PATCHABLE', `${changed} cannot be changed by PATCH${fields === skipped ? ` (${resource.updateSchema} leaves it out: the server sets it)` : ''}`);
  }
}

/**
 * Merge-patches a resource: validates the patch and the merged result, checks the lifecycle,
 * runs the behaviour, saves, and emits StateChange and/or AttributeValueChange (nothing if unchanged),
 * with what the registry's `onEnter` adds when the lifecycle attribute enters a state.
 */
export async function patchInTx(tx: Store, ctx: TmfContext, target: Target, id: string, body: unknown, meta: RequestMeta): Promise<Doc> {
  const { api, resource } = target;
  const patch = requireObject(body);
  if (resource.updateSchema) assertValid(ctx, api, resource.updateSchema, patch);
  const current = await mustGet(tx, target, id);
  refuseNotPatchable(ctx, target, patch, current.doc, meta);
  const at = ctx.now().toISOString();
  let merged = mergePatch(current.doc, patch);
  const behaviour = behaviourOf(ctx, target);
  if (behaviour?.onPatch) merged = (await behaviour.onPatch(tx, current.doc, merged, { ctx, meta, at })) ?? merged;
  merged = ctx.canonicalStates?.(target, merged) ?? merged;
  const lifecycle = lifecycleFieldsOf(resource);
  const stateChanged = lifecycle.some((field) => merged[field] !== current.doc[field]);
  const attributesChanged = !sameAttributesBut(merged, current.doc, lifecycle);
  if (!stateChanged && !attributesChanged) return current.doc;
  const refused = ctx.guardState?.(target, current.doc, merged);
  if (refused) throw refused;
  for (const field of resource.serverDates.onUpdate) merged[field] = at;
  const entered = enteredState(resource, current.doc, merged);
  // A date the request gives is the client's word (the spec's *_Update lets it write it: e.g. when the
  // fault was really fixed); it is what changed, not a consequence of the move.
  for (const field of entered?.dates ?? []) if (!(field in patch)) merged[field] = at;
  for (const field of entered?.firstDates ?? []) if (!(field in patch) && merged[field] === undefined) merged[field] = at;
  assertValid(ctx, api, resource.entity, merged);
  await tx.replaceResource(toRecord(target, merged, current.createdAt, at));
  if (stateChanged && resource.events.stateChange) await emit(tx, ctx, target, resource.events.stateChange, merged, at, meta);
  if (entered?.event) await emit(tx, ctx, target, entered.event, merged, at, meta);
  if (attributesChanged && resource.events.attributeValueChange) {
    await emit(tx, ctx, target, resource.events.attributeValueChange, merged, at, meta);
  }
  return merged;
}

/**
 * Makes a resource match `doc` (seed data, catalog loads): creates it when absent, merge-patches
 * it when it differs, does nothing when it is already so. Idempotent.
 */
export async function upsertInTx(tx: Store, ctx: TmfContext, target: Target, doc: Doc, meta: RequestMeta): Promise<Doc> {
  const id = String(doc.id);
  const existing = await tx.getResource(target.api.id, target.resource.name, id);
  if (!existing) return createInTx(tx, ctx, target, doc, meta);
  const { id: _id, href: _href, ...rest } = doc;
  return patchInTx(tx, ctx, target, id, rest, meta);
}

/** DELETE: removes the resource and emits its delete event with the last known state. */
export async function deleteInTx(tx: Store, ctx: TmfContext, target: Target, id: string, meta: RequestMeta): Promise<void> {
  const current = await mustGet(tx, target, id);
  const at = ctx.now().toISOString();
  await behaviourOf(ctx, target)?.onDelete?.(tx, current.doc, { ctx, meta, at });
  await tx.deleteResource(target.api.id, target.resource.name, id);
  const { delete: deleteEvent } = target.resource.events;
  if (deleteEvent) await emit(tx, ctx, target, deleteEvent, current.doc, at, meta);
}

async function mustGet(store: Store, { api, resource }: Target, id: string): Promise<ResourceRecord> {
  const record = await store.getResource(api.id, resource.name, id);
  if (!record) throw new TmfError('NOT_FOUND', `${resource.name} ${id} does not exist`);
  return record;
}

function emit(tx: Store, ctx: TmfContext, { api, resource }: Target, eventType: string, doc: Doc, at: string, meta: RequestMeta) {
  return publishEvent(
    tx,
    { api: api.id, resource: resource.name, resourceId: String(doc.id) },
    { eventId: ctx.uuid(), eventType, payloadKey: resource.name, payload: doc, correlationId: meta.correlationId, domain: eventDomain(api), at },
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

/** 400 naming each offending field when `data` does not match the definition of the API's spec. */
export function assertValid(ctx: Pick<TmfContext, 'validator'>, api: TmfApi, definition: string, data: unknown): void {
  const issues = ctx.validator.validate(api.id, definition, data);
  if (issues.length) throw new TmfError('INVALID_BODY', describeIssues(issues), { issues });
}

function clientId(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (!isClientId(value)) {
    throw new TmfError('INVALID_BODY', 'id must be a string of letters, digits and ._:- (at most 128 characters)');
  }
  return value;
}

// What the registry adds when the change moves the lifecycle attribute into a state (a resolved ticket).
function enteredState(resource: ApiResource, before: Doc, after: Doc): StateEntry | undefined {
  const state = resource.stateField ? after[resource.stateField] : undefined;
  if (typeof state !== 'string' || state === before[resource.stateField!] || !resource.onEnter) return undefined;
  return Object.hasOwn(resource.onEnter, state) ? resource.onEnter[state] : undefined;
}

function lifecycleFieldsOf(resource: ApiResource): string[] {
  return [...(resource.stateField ? [resource.stateField] : []), ...(resource.lifecycleFields ?? [])];
}

// Deep-strict equality of two documents leaving `fields` out. A merge patch keeps what it does not
// touch by reference, so most attributes compare as the same value without a walk.
function sameAttributesBut(a: Doc, b: Doc, fields: readonly string[]): boolean {
  const keys = Object.keys(a).filter((key) => !fields.includes(key));
  if (keys.length !== Object.keys(b).filter((key) => !fields.includes(key)).length) return false;
  return keys.every((key) => Object.hasOwn(b, key) && (Object.is(a[key], b[key]) || isDeepStrictEqual(a[key], b[key])));
}

function withoutImmutable(input: Doc): Doc {
  const { id: _id, href: _href, ...rest } = input;
  return rest;
}
