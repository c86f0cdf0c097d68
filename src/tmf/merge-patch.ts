// RFC 7386 JSON Merge Patch, the PATCH semantics TMF630 makes mandatory.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Applies a merge patch: objects merge recursively, `null` removes, anything else replaces (arrays whole). */
export function mergePatch<T>(target: T, patch: unknown): T {
  if (!isPlainObject(patch)) return patch as T;
  const result: Record<string, unknown> = isPlainObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key], value);
  }
  return result as T;
}

/** True for `{…}` (not arrays, not null): the only shape a TMF resource or patch may have. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export type { Json };
