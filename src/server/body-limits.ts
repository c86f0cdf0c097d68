import type { FastifyInstance } from 'fastify';
import { TmfError } from '../tmf/errors.js';

/**
 * How deep a request body may nest objects and arrays. TMF documents nest a dozen levels at most;
 * SQLite's JSON functions, which Spine's indexes and date filters read documents with, refuse a
 * document nested 1000 deep, so a deeper one must not be stored.
 */
export const MAX_BODY_DEPTH = 64;

// One value met in a walk of a body, with the way back to the body for naming it.
interface Visit {
  value: unknown;
  level: number;
  key?: string | number;
  parent?: Visit;
}

/**
 * What makes a parsed body unfit to store, or undefined: objects and arrays nested more than
 * `maxDepth` levels (the body itself is level 1), or a number beyond a double's range, which
 * JSON.parse reads as Infinity (`1e400`) and JSON.stringify would store as null.
 */
export function bodyProblem(body: unknown, maxDepth: number): string | undefined {
  // Iterative: a body nested deeper than the call stack must be refused, not crash the check.
  const pending: Visit[] = [{ value: body, level: 1 }];
  while (pending.length) {
    const visit = pending.pop()!;
    const { value, level } = visit;
    if (typeof value === 'number' && !Number.isFinite(value)) return `${pathOf(visit)} is a number beyond the range of a double (±${Number.MAX_VALUE})`;
    if (value === null || typeof value !== 'object') continue;
    if (level > maxDepth) return `the body nests objects and arrays more than ${maxDepth} levels deep`;
    const inArray = Array.isArray(value);
    for (const [key, child] of Object.entries(value)) pending.push({ value: child, level: level + 1, key: inArray ? Number(key) : key, parent: visit });
  }
  return undefined;
}

// `productOrderItem[0].quantity`, as schema validation names an attribute.
function pathOf(visit: Visit): string {
  const keys: Array<string | number> = [];
  for (let at = visit; at.parent; at = at.parent) keys.unshift(at.key!);
  return keys.map((key, i) => (typeof key === 'number' ? `[${key}]` : i ? `.${key}` : key)).join('') || 'the body';
}

/** Refuses, before any route runs, a body that bodyProblem finds unfit to store. */
export function limitBodies(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const problem = bodyProblem(request.body, MAX_BODY_DEPTH);
    if (problem !== undefined) throw new TmfError('INVALID_BODY', problem);
  });
}
