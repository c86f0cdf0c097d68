import { createSqlStore } from './sql-store.js';
import { openSqlite } from './sqlite.js';
import type { Store } from './port.js';

/** Opens the configured store: an SQLite file path or `:memory:`. */
export async function openStore(dbPath: string): Promise<Store> {
  return createSqlStore(await openSqlite(dbPath));
}
