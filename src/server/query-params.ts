import type { FastifyInstance } from 'fastify';
import { TmfError } from '../tmf/errors.js';

// Spine's own list endpoints read their few query parameters with these, so a parameter given twice
// or a limit that is not a count is refused with a 400, never passed on to SQL.

type QueryValue = string | string[] | undefined;

/** A parameter that may be given once. */
export function singleParam(name: string, value: QueryValue): string | undefined {
  if (Array.isArray(value)) throw new TmfError('INVALID_QUERY', `${name} may be given once`);
  return value;
}

/** `limit`: a whole number from 1 to `max`; `fallback` when absent. */
export function limitParam(value: QueryValue, { fallback, max }: { fallback: number; max: number }): number {
  const given = singleParam('limit', value);
  if (given === undefined) return fallback;
  const limit = /^\d+$/.test(given) ? Number(given) : NaN;
  if (!(limit >= 1 && limit <= max)) throw new TmfError('INVALID_QUERY', `limit must be a whole number from 1 to ${max}`);
  return limit;
}

/** What a /spine/v1 route declares in its options: `config: { query: [...] }`, the parameters it reads. */
export interface QueryConfig {
  query?: readonly string[];
}

/**
 * Spine's own routes (/spine/v1) take the query parameters they declare (QueryConfig) and no other:
 * a misspelt or unsupported one is refused with a 400 naming those it takes, not ignored.
 */
export function refuseUndeclaredParams(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    const route = request.routeOptions.url;
    if (!route?.startsWith('/spine/v1/')) return;
    const declared = (request.routeOptions.config as QueryConfig).query ?? [];
    const undeclared = Object.keys(request.query as object).find((name) => !declared.includes(name));
    if (undeclared === undefined) return;
    const takes = declared.length ? `it takes ${declared.join(', ')}` : 'it takes none';
    throw new TmfError('INVALID_QUERY', `${request.method} ${route} takes no query parameter "${undeclared}": ${takes}`);
  });
}
