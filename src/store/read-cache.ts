import type { Selectable } from 'kysely';
import type { HubRecord, RunRecord } from './port.js';
import type { ResourceTable, RunStepTable, RunTable } from './schema.js';
import type { SqliteHandle } from './sqlite.js';

// More entries than this in one map and the cache starts over: a journey reads a few dozen rows.
const MAX_ENTRIES = 8192;

/**
 * The rows this connection read or wrote, kept across transactions: each journey step reads back its
 * run, its job, the hubs and the resources earlier steps wrote. It holds only what the database holds
 * (every write updates it after its statement ran) and is dropped whenever it could be wrong: when
 * another connection committed since (SQLite's `data_version` moved) and when a transaction or a
 * savepoint rolls back. Entries are rows as stored; a resource row's document is parsed once and
 * shared, frozen (sql-store.ts).
 */
export interface ReadCache {
  /** By resourceKey; null remembers that the row does not exist. */
  resources: Map<string, Selectable<ResourceTable> | null>;
  runs: Map<string, { row: Selectable<RunTable>; record: RunRecord }>;
  /** By runStepKey. */
  runSteps: Map<string, Selectable<RunStepTable>>;
  hubs: Map<string, HubRecord[]>;
  /** The run_link rows known to exist, by runLinkKey. */
  links: Set<string>;
  /** Drops everything if another connection committed since the last look; call before reading. */
  revalidate(): void;
  clear(): void;
}

export const resourceKey = (api: string, resource: string, id: string) => `${api}\u0000${resource}\u0000${id}`;
export const runStepKey = (runId: string, position: number) => `${runId}\u0000${position}`;
export const runLinkKey = (id: string, runId: string) => `${id}\u0000${runId}`;

export function createReadCache(handle: SqliteHandle): ReadCache {
  let seenVersion: number | undefined;
  const cache: ReadCache = {
    resources: new Map(),
    runs: new Map(),
    runSteps: new Map(),
    hubs: new Map(),
    links: new Set(),
    revalidate() {
      const version = handle.prepare('PRAGMA data_version').pluck().get() as number;
      if (version !== seenVersion) cache.clear();
      seenVersion = version;
      if (Math.max(cache.resources.size, cache.runs.size, cache.runSteps.size, cache.links.size) > MAX_ENTRIES) cache.clear();
    },
    clear() {
      cache.resources.clear();
      cache.runs.clear();
      cache.runSteps.clear();
      cache.hubs.clear();
      cache.links.clear();
    },
  };
  return cache;
}
