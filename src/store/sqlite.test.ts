import { statSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
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
});
