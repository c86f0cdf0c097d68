import { statSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { createSqlStore } from './sql-store.js';
import { openSqlite, type SqliteHandle } from './sqlite.js';
import { tempDir } from '../../test/support/temp-dir.js';

const opened: SqliteHandle[] = [];
afterEach(async () => {
  for (const handle of opened.splice(0)) await handle.close();
});

describe('the SQLite file under a steady stream of commits', () => {
  it('keeps its WAL bounded: the checkpointer has it start over once it is long', async () => {
    const dir = tempDir('spine-wal-');
    const path = join(dir, 'spine.db');
    // 64 pages of 4 KB before a restart, so a test needs megabytes, not the default's 64 MB.
    const handle = await openSqlite(path, { walRestartFrames: 64 });
    opened.push(handle);
    handle.prepare('CREATE TABLE filler (id INTEGER PRIMARY KEY, body BLOB)').run();
    const insert = handle.prepare('INSERT INTO filler (body) VALUES (?)');
    const body = Buffer.alloc(1024, 7);
    let commits = 0;
    let largestWal = 0;
    // A few commits each turn of the event loop, with no pause long enough for a checkpoint to catch up.
    const until = Date.now() + 1500;
    while (Date.now() < until) {
      for (let i = 0; i < 4; i++, commits++) insert.run(body);
      largestWal = Math.max(largestWal, statSync(`${path}-wal`).size);
      await sleep(0);
    }
    // Each commit appends at least one 4 KB page: a WAL that never started over holds them all.
    expect(commits).toBeGreaterThan(1000);
    expect(largestWal).toBeLessThan((commits * 4096) / 2);
  });

  it('keeps its WAL bounded when a writer holds the lock almost all the time, as the journey runner does', async () => {
    const path = join(tempDir('spine-wal-busy-'), 'spine.db');
    const handle = await openSqlite(path, { walRestartFrames: 64 });
    const store = createSqlStore(handle);
    opened.push(handle);
    handle.prepare('CREATE TABLE filler (id INTEGER PRIMARY KEY, body BLOB)').run();
    const body = Buffer.alloc(3000, 7);
    let commits = 0;
    let largestWal = 0;
    // Transactions back to back, each holding the write lock across a pause, like a batch of journey steps.
    const until = Date.now() + 1500;
    while (Date.now() < until) {
      await store.transaction(async () => {
        for (let i = 0; i < 4; i++) handle.prepare('INSERT INTO filler (body) VALUES (?)').run(body);
        await sleep(1);
      });
      commits++;
      largestWal = Math.max(largestWal, statSync(`${path}-wal`).size);
    }
    // Each commit appends at least 3 pages; a WAL the checkpointer never got to start over holds them all.
    expect(commits).toBeGreaterThan(200);
    expect(largestWal).toBeLessThan((commits * 3 * 4096) / 2);
  });
});
