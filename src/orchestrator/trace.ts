import type { Doc, RunRecord, Store } from '../store/port.js';
import { TmfError } from '../tmf/errors.js';
import { findApi } from '../tmf/registry.js';
import { apiOwner, type Actor } from './actors.js';

/** One entity of a journey's golden thread, as steps record it in the run's `thread`. */
export interface ThreadLink {
  /** What the entity is in the journey: customer, productOrder, serviceOrder, cfs, rfs, resource… */
  role: string;
  api: string;
  resource: string;
  id: string;
  /** The attribute that ties it to the previous entity, e.g. `orderRelationship (cross-ref)`. */
  via?: string;
}

/** A thread entity with what is true of it now. */
export interface TraceNode extends ThreadLink {
  exists: boolean;
  state: string | null;
  href: string | null;
  owner: { actor: Actor | undefined; api: string; name: string | undefined };
}

export interface Trace {
  query: string;
  runId: string;
  scenario: string;
  status: string;
  correlationId: string;
  chain: TraceNode[];
  /** What the queried id is to the journey: `the run`, `an event of the journey`, `the journey's correlationId`, `the productOrder of the chain`, `created by POST … (step …)`. */
  match: string;
  /** Other journeys the same id appears in (a shared port, a customer with several orders). */
  otherRuns: string[];
}

/** The links a step adds to its journey's thread, as its output: the runner appends them (see withStepOutput). */
export function addToThread(...links: ThreadLink[]): { thread: ThreadLink[] } {
  return { thread: links };
}

/** The context after a step: its output replaces the keys it names, but adds to the thread. */
export function withStepOutput(context: Doc, output: Doc): Doc {
  return output.thread === undefined ? { ...context, ...output } : { ...context, ...output, thread: [...threadOf(context), ...threadOf(output)] };
}

export function threadOf(context: Doc): ThreadLink[] {
  return Array.isArray(context.thread) ? (context.thread as ThreadLink[]) : [];
}

const STATE_FIELDS = ['state', 'status', 'usageState'] as const;

/**
 * The golden thread of the journey an id belongs to: any id of the chain or of anything its calls
 * created, a run id, an event id or the correlationId. The most recent journey wins; the others are listed.
 */
export async function traceId(store: Store, id: string): Promise<Trace> {
  const { runs, by } = await runsFor(store, id);
  const [run, ...others] = runs;
  if (!run) throw new TmfError('NOT_FOUND', `no journey has ${id} in its golden thread; trace the id of a run, an event, a correlationId, or a customer, cart, order, service or resource of a journey or anything its calls created`);
  const chain: TraceNode[] = [];
  for (const link of threadOf(run.context)) {
    const record = await store.getResource(link.api, link.resource, link.id);
    const state = STATE_FIELDS.map((f) => record?.doc[f]).find((v) => typeof v === 'string');
    chain.push({
      ...link,
      exists: record !== undefined,
      state: (state as string | undefined) ?? null,
      href: typeof record?.doc.href === 'string' ? record.doc.href : null,
      owner: { actor: apiOwner[link.api], api: link.api, name: findApi(link.api)?.name },
    });
  }
  return {
    query: id,
    runId: run.id,
    scenario: run.scenario,
    status: run.status,
    correlationId: run.correlationId,
    chain,
    match: by === 'link' ? await linkMatch(store, id, run, chain) : by,
    otherRuns: others.map((r) => r.id),
  };
}

async function runsFor(store: Store, id: string): Promise<{ runs: RunRecord[]; by: string }> {
  const byId = await store.getRun(id);
  if (byId) return { runs: [byId], by: 'the run' };
  const event = await store.getEvent(id);
  const byCorrelation = await store.listRuns({ correlationId: event?.correlationId ?? id });
  if (byCorrelation.length) return { runs: byCorrelation, by: event ? 'an event of the journey' : "the journey's correlationId" };
  return { runs: await store.listRuns({ mentioning: id, limit: 50 }), by: 'link' };
}

// An id the run is linked by: one of its chain, or the answer of one of its calls.
async function linkMatch(store: Store, id: string, run: RunRecord, chain: readonly TraceNode[]): Promise<string> {
  const node = chain.find((n) => n.id === id);
  if (node) return `the ${node.role} of the chain`;
  const creating = (await store.listExchanges({ runId: run.id })).find((x) => x.method === 'POST' && (x.response as Doc | undefined)?.id === id);
  return creating ? `created by ${creating.method} ${creating.path} (step ${creating.step})` : 'linked to the run';
}
