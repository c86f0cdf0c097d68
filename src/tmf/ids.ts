import type { Sources } from './sources.js';
import type { Doc, Store } from '../store/port.js';

/** How one kind of resource gets a readable id: `${prefix}-${year}-${00000}` or `${prefix}-${00000}`. */
export interface IdRule {
  api: string;
  resource: string;
  /** Chooses the prefix from the new document (e.g. CFS vs RFS services); a string for a fixed one. */
  prefix: string | ((doc: Doc) => string);
  withYear: boolean;
  width: number;
}

/** Assigns ids to new resources: readable sequences where a rule exists, UUIDs elsewhere. */
export interface IdGenerator {
  next(tx: Store, target: { api: { id: string }; resource: { name: string } }, doc: Doc): Promise<string>;
}

/** The sequence a rule draws from for a prefix and year, e.g. `po-ord-2026`. */
export function sequenceName(prefix: string, year: number | undefined): string {
  return year === undefined ? prefix : `${prefix}-${year}`;
}

/** An id generator over persisted sequences; `year` comes from the clock so a new year restarts at 1. */
export function createIdGenerator(rules: readonly IdRule[], sources: Sources): IdGenerator {
  return {
    async next(tx, { api, resource }, doc) {
      const rule = rules.find((r) => r.api === api.id && r.resource === resource.name);
      if (!rule) return sources.uuid();
      const prefix = typeof rule.prefix === 'string' ? rule.prefix : rule.prefix(doc);
      const year = rule.withYear ? sources.now().getUTCFullYear() : undefined;
      const n = await tx.nextInSequence(sequenceName(prefix, year));
      return `${sequenceName(prefix, year)}-${String(n).padStart(rule.width, '0')}`;
    },
  };
}
