import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { addressSqlFunctions } from '../tmf/address-words.js';
import { startCheckpointer } from './checkpointer.js';
import { migrations } from './migrations/index.js';
import type { Schema } from './schema.js';

/** The one connection, two ways in: Kysely for composed queries, cached prepared statements for hot ones. */
export interface SqliteHandle {
  db: Kysely<Schema>;
  /** A prepared statement for this SQL text, reused across calls. */
  prepare(sql: string): SQLite.Statement;
  /**
   * Starts a write transaction (BEGIN IMMEDIATE) without waiting: undefined when it began, the
   * SQLITE_BUSY error when another connection holds the write lock, or while the checkpointer waits
   * to start the WAL over (checkpointer.ts).
   */
  tryBeginWrite(): Error | undefined;
  inTransaction(): boolean;
  close(): Promise<void>;
}

/**
 * Opens (creating if needed) the embedded SQLite database in WAL mode and applies pending migrations.
 * `walRestartFrames`: the WAL length at which the checkpointer has it start over (see checkpointer.ts).
 */
export async function openSqlite(path: string, { walRestartFrames }: { walRestartFrames?: number } = {}): Promise<SqliteHandle> {
  const sqlite = openFile(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  // SQLite's default 2 MB page cache holds too little of the journey tables' indexes: pages read back
  // from the file mid-step wait on the disk whenever the checkpoint worker is flushing it.
  sqlite.pragma('cache_size = -65536');
  const cached = withStatementCache(sqlite);
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: cached }) });
  await migrate(db);
  const inFile = path !== ':memory:';
  if (inFile) {
    sqlite.pragma('wal_autocheckpoint = 0');
    // Once the checkpointer has had the WAL restarted, the file shrinks back to this size.
    sqlite.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`);
  }
  const checkpointer = inFile ? startCheckpointer(path, { restartWaitMs: RESTART_WAIT_MS, restartAfterFrames: walRestartFrames }) : undefined;
  return {
    db,
    prepare: cached.prepare,
    tryBeginWrite() {
      if (checkpointer?.restartPending()) return Object.assign(new Error('the WAL is being started over'), { code: 'SQLITE_BUSY' });
      cached.prepare('PRAGMA busy_timeout = 0').get();
      try {
        cached.prepare('BEGIN IMMEDIATE').run();
        return undefined;
      } catch (error) {
        if ((error as { code?: string }).code === 'SQLITE_BUSY') return error as Error;
        throw error;
      } finally {
        cached.prepare(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`).get();
      }
    },
    inTransaction: () => sqlite.inTransaction,
    async close() {
      await checkpointer?.stop();
      await db.destroy();
    },
  };
}

// The database file, its directory created first; a path that cannot hold one is refused with the reason.
function openFile(path: string): SQLite.Database {
  try {
    if (path !== ':memory:') ensureDirectory(dirname(path));
    return withSqlFunctions(new SQLite(path));
  } catch (error) {
    throw new Error(`cannot open the database ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * Registers the functions Spine's indexes are computed with (migration 0018): a connection without
 * them can read the database but SQLite refuses its writes to the resource table.
 */
export function withSqlFunctions(sqlite: SQLite.Database): SQLite.Database {
  for (const [name, fn] of Object.entries(addressSqlFunctions)) sqlite.function(name, { deterministic: true }, fn);
  return sqlite;
}

// One level at a time: Node's recursive mkdirSync never returns for a missing directory under /proc.
function ensureDirectory(dir: string): void {
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory()) throw new Error(`${dir} is not a directory`);
    return;
  }
  const parent = dirname(dir);
  if (parent !== dir) ensureDirectory(parent);
  mkdirSync(dir);
}

const STATEMENT_CACHE_SIZE = 256;
/** How long a statement waits for a lock another connection holds before it fails with SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 5000;
const WAL_SIZE_LIMIT_BYTES = 64 * 1024 * 1024;
// How long a RESTART checkpoint may hold this process's writers off: a fifth of their patience.
const RESTART_WAIT_MS = BUSY_TIMEOUT_MS / 5;

// Kysely prepares every query anew; preparing costs more than running most of Spine's statements,
// so the database handed to Kysely reuses prepared statements by SQL text (better-sqlite3 runs each
// synchronously, so one statement is never used by two queries at once).
function withStatementCache(sqlite: SQLite.Database) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string): SQLite.Statement {
      let statement = cache.get(sql);
      if (!statement) {
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
        statement = sqlite.prepare(sql);
        cache.set(sql, statement);
      }
      return statement;
    },
  };
}

/** Brings a database to the latest schema; fails loudly with the migration that broke. */
export async function migrate(db: Kysely<Schema>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`migration ${failed?.migrationName ?? '?'} failed: ${String(error)}`);
  }
  return (results ?? []).map((r) => r.migrationName);
}
