// Armed faults: what `POST /spine/v1/faults` (or a failure scenario, or `spine run --fault`) armed.
// A fault fires when the simulated system it names handles a matching request: the behaviour
// answers with the TMF error, so the caller sees a real failure. Firing counts down outside any
// transaction, so a rolled-back attempt still used the fault up (a BNG timeout ×2 fails two
// attempts, then the third succeeds). Nothing is armed unless someone armed it.

import type { Doc, Store } from '../../store/port.js';
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

export interface FaultBoard {
  arm(request: { fault: string; times?: number; correlationId?: string }, at: string): ArmedFault;
  list(): ArmedFault[];
  get(id: string): ArmedFault | undefined;
  clear(id: string): boolean;
  clearAll(): number;
  /** Throws the fault's error when an armed fault applies to this request (and counts it down). */
  trip(target: string, operation: FaultDefinition['operation'], tx: Store, doc: Doc, env: BehaviourEnv): Promise<void>;
}

export const MAX_FAULT_TIMES = 100;

export function createFaultBoard(): FaultBoard {
  const armed = new Map<string, ArmedFault>();
  let counter = 0;
  return {
    arm({ fault, times = 1, correlationId }, at) {
      const definition = findFault(fault);
      if (!definition) throw new TmfError('INVALID_BODY', `no fault ${fault}; known: ${faultCatalog.map((f) => f.id).join(', ')}`);
      if (!Number.isInteger(times) || times < 1 || times > MAX_FAULT_TIMES) throw new TmfError('INVALID_BODY', `times must be a whole number from 1 to ${MAX_FAULT_TIMES}`);
      const entry: ArmedFault = {
        id: `flt-${++counter}`,
        fault,
        title: definition.title,
        target: definition.target,
        step: definition.step,
        times,
        remaining: times,
        ...(correlationId && { correlationId }),
        armedAt: at,
      };
      armed.set(entry.id, entry);
      return entry;
    },
    list: () => [...armed.values()],
    get: (id) => armed.get(id),
    clear: (id) => armed.delete(id),
    clearAll() {
      const n = armed.size;
      armed.clear();
      return n;
    },
    async trip(target, operation, tx, doc, env) {
      for (const entry of armed.values()) {
        const definition = findFault(entry.fault)!;
        if (definition.target !== target || definition.operation !== operation) continue;
        if (entry.correlationId && entry.correlationId !== env.meta.correlationId) continue;
        if (!(await definition.applies(tx, doc))) continue;
        entry.remaining -= 1;
        if (entry.remaining <= 0) armed.delete(entry.id);
        throw new TmfError(definition.answer.kind, definition.answer.message);
      }
    },
  };
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
