// Armed faults: what `POST /spine/v1/faults` (or a failure scenario, or `spine run --fault`) armed.
// A fault fires when the simulated system it names handles a matching request: the behaviour
// answers with the TMF error, so the caller sees a real failure. Nothing is armed unless someone armed it.
//
// The board is kept in memory and in the database (a restart loads it). Firing counts down in both:
// in the transaction of the request it fails, and in memory, which a rollback does not undo, so a
// rolled-back attempt still used the fault up (a BNG timeout ×2 fails two attempts, then the third
// succeeds). What a rollback took back from the database is written again by `persistFired`, which
// the runner calls with the failure it records (so the count and the failed attempt commit together)
// and the server after a request that failed.

import type { ArmedFaultRecord, Doc, Store } from '../../store/port.js';
import { TmfError } from '../../tmf/errors.js';
import type { BehaviourEnv, ResourceBehaviour } from '../../tmf/resource-service.js';
import { faultCatalog, findFault, type FaultDefinition } from './catalog.js';

export interface ArmedFault {
  id: string;
  fault: string;
  title: string;
  target: string;
  step: string;
  /** How many times it fires in all; `remaining` counts down. */
  times: number;
  remaining: number;
  /** Only requests of this journey (a scenario arms its faults for its own run). */
  correlationId?: string;
  armedAt: string;
}

/** A fault to arm, as a client names it. */
export interface FaultRequest {
  fault: string;
  times?: number;
}

/** Refuses (400) a request that names no known fault or a count out of range. */
export function checkFaultRequest({ fault, times = 1 }: FaultRequest): FaultDefinition {
  const definition = findFault(fault);
  if (!definition) throw new TmfError('INVALID_BODY', `no fault ${fault}; known: ${faultCatalog.map((f) => f.id).join(', ')}`);
  if (!Number.isInteger(times) || times < 1 || times > MAX_FAULT_TIMES) throw new TmfError('INVALID_BODY', `times must be a whole number from 1 to ${MAX_FAULT_TIMES}`);
  return definition;
}

export interface FaultBoard {
  /** Reads what the database holds armed; once, before serving. */
  load(store: Store): Promise<void>;
  /** Arms a fault, written through `store` (a transaction's, to arm it with a run). */
  arm(store: Store, request: FaultRequest & { correlationId?: string }, at: string): Promise<ArmedFault>;
  list(): ArmedFault[];
  get(id: string): ArmedFault | undefined;
  clear(store: Store, id: string): Promise<boolean>;
  clearAll(store: Store): Promise<number>;
  /** Throws the fault's error when an armed fault applies to this request (and counts it down). */
  trip(target: string, operation: FaultDefinition['operation'], tx: Store, doc: Doc, env: BehaviourEnv): Promise<void>;
  /** Writes the count of every fault fired since the last call, whatever the transactions it fired in became. */
  persistFired(store: Store): Promise<void>;
}

export const MAX_FAULT_TIMES = 100;

export function createFaultBoard(): FaultBoard {
  const armed = new Map<string, ArmedFault>();
  const fired = new Set<string>();

  async function write(store: Store, entry: ArmedFault): Promise<void> {
    if (entry.remaining <= 0) await store.deleteArmedFault(entry.id);
    else await store.putArmedFault(toRecord(entry));
  }

  return {
    async load(store) {
      armed.clear();
      for (const record of await store.listArmedFaults()) {
        const definition = findFault(record.fault);
        if (definition) armed.set(record.id, fromRecord(record, definition));
      }
    },
    async arm(store, { fault, times = 1, correlationId }, at) {
      const definition = checkFaultRequest({ fault, times });
      const entry = fromRecord({ id: `flt-${await store.nextInSequence('armed-fault')}`, fault, times, remaining: times, correlationId: correlationId ?? null, armedAt: at }, definition);
      await write(store, entry);
      armed.set(entry.id, entry);
      return entry;
    },
    list: () => [...armed.values()],
    get: (id) => armed.get(id),
    async clear(store, id) {
      const known = armed.delete(id);
      return (await store.deleteArmedFault(id)) || known;
    },
    async clearAll(store) {
      const ids = [...armed.keys()];
      armed.clear();
      for (const id of ids) await store.deleteArmedFault(id);
      return ids.length;
    },
    async trip(target, operation, tx, doc, env) {
      for (const entry of armed.values()) {
        const definition = findFault(entry.fault)!;
        if (definition.target !== target || definition.operation !== operation) continue;
        if (entry.correlationId && entry.correlationId !== env.meta.correlationId) continue;
        if (!(await definition.applies(tx, doc))) continue;
        entry.remaining -= 1;
        if (entry.remaining <= 0) armed.delete(entry.id);
        fired.add(entry.id);
        await write(tx, entry);
        throw new TmfError(definition.answer.kind, definition.answer.message);
      }
    },
    async persistFired(store) {
      for (const id of [...fired]) {
        const entry = armed.get(id);
        if (entry) await write(store, entry);
        else await store.deleteArmedFault(id);
        fired.delete(id);
      }
    },
  };
}

function fromRecord(record: ArmedFaultRecord, definition: FaultDefinition): ArmedFault {
  return {
    id: record.id,
    fault: record.fault,
    title: definition.title,
    target: definition.target,
    step: definition.step,
    times: record.times,
    remaining: record.remaining,
    ...(record.correlationId && { correlationId: record.correlationId }),
    armedAt: record.armedAt,
  };
}

function toRecord(entry: ArmedFault): ArmedFaultRecord {
  return { id: entry.id, fault: entry.fault, times: entry.times, remaining: entry.remaining, correlationId: entry.correlationId ?? null, armedAt: entry.armedAt };
}

/** The behaviours with the fault hooks in front: a faulted system answers before doing anything. */
export function withFaults(behaviours: Record<string, ResourceBehaviour>, board: FaultBoard): Record<string, ResourceBehaviour> {
  const result = { ...behaviours };
  for (const target of new Set(faultCatalog.map((f) => f.target))) {
    const inner = behaviours[target] ?? {};
    result[target] = {
      ...inner,
      async onCreate(tx, doc, env) {
        await board.trip(target, 'create', tx, doc, env);
        return inner.onCreate ? inner.onCreate(tx, doc, env) : doc;
      },
      async onPatch(tx, current, next, env) {
        await board.trip(target, 'patch', tx, next, env);
        return inner.onPatch ? inner.onPatch(tx, current, next, env) : next;
      },
    };
  }
  return result;
}
