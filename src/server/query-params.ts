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
