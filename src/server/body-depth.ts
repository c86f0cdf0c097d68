import type { FastifyInstance } from 'fastify';
import { TmfError } from '../tmf/errors.js';

/**
 * How deep a request body may nest objects and arrays. TMF documents nest a dozen levels at most;
 * SQLite's JSON functions, which Spine's indexes and date filters read documents with, refuse a
 * document nested 1000 deep, so a deeper one must not be stored.
 */
export const MAX_BODY_DEPTH = 64;

/** Whether `value` nests objects or arrays more than `limit` levels deep (the body itself is level 1). */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  // Iterative: a body nested deeper than the call stack must be refused, not crash the check.
  const pending: Array<[unknown, number]> = [[value, 1]];
  while (pending.length) {
    const [node, level] = pending.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (level > limit) return true;
    for (const child of Object.values(node)) pending.push([child, level + 1]);
  }
  return false;
}

/** Refuses, before any route runs, a body that nests deeper than MAX_BODY_DEPTH. */
export function limitBodyDepth(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    if (nestsDeeperThan(request.body, MAX_BODY_DEPTH)) {
      throw new TmfError('INVALID_BODY', `the body nests objects and arrays more than ${MAX_BODY_DEPTH} levels deep`);
    }
  });
}
