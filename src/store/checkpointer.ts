import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

export interface Checkpointer {
  /** True while a RESTART checkpoint waits for the write lock: this process's writers hold off until it is done. */
  restartPending(): boolean;
  stop(): Promise<void>;
}

const EVERY_MS = 100;
// A WAL longer than this (4 KB pages: 64 MB) is started over: see startCheckpointer.
const RESTART_AFTER_FRAMES = 16_384;

// The worker is plain CommonJS passed as text, so it runs the same from the compiled build and from
// the TypeScript sources under the test runner; it loads better-sqlite3 by the path resolved here.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path);
db.pragma('busy_timeout = ' + workerData.restartWaitMs);
const pending = new Int32Array(workerData.pending);
const timer = setInterval(() => {
  try {
    const [{ log }] = db.pragma('wal_checkpoint(PASSIVE)');
    if (log > workerData.restartAfterFrames) {
      Atomics.store(pending, 0, 1);
      try {
        db.pragma('wal_checkpoint(RESTART)');
      } finally {
        Atomics.store(pending, 0, 0);
      }
    }
  } catch { /* busy: the next tick tries again */ }
}, workerData.everyMs);
parentPort.on('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

/**
 * Copies the WAL back into the database file from a worker thread, on its own connection, so the
 * connection that serves requests and journeys never pays for checkpoints (it runs with
 * `wal_autocheckpoint = 0`). PASSIVE checkpoints never block a writer, but under a steady stream of
 * commits they never catch up with it either, and SQLite starts the WAL over only once a checkpoint
 * has caught up: the WAL would grow without end (10 GB after 4,000 journeys), and every page read
 * searches more of it. So once it is longer than `restartAfterFrames`, a RESTART checkpoint holds
 * writers off while it copies what PASSIVE left, and the next commit starts the WAL from its
 * beginning (the connection's journal_size_limit then truncates the file).
 *
 * A RESTART needs the write lock, which a busy writer takes again at once after each commit: the
 * checkpoint's waits between tries would miss every gap, and the WAL would grow after all (57 MB in
 * 3 s against a 256 KB threshold). So while one waits, `restartPending` says so through memory both
 * threads share, and this process's writers hold off (sqlite.ts) until it is done; it waits at most
 * `restartWaitMs`, well inside the writers' own patience.
 */
export function startCheckpointer(path: string, { restartWaitMs, restartAfterFrames = RESTART_AFTER_FRAMES }: { restartWaitMs: number; restartAfterFrames?: number }): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const pending = new SharedArrayBuffer(4);
  const flag = new Int32Array(pending);
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { path, driver, everyMs: EVERY_MS, restartAfterFrames, restartWaitMs, pending } });
  worker.unref();
  return {
    restartPending: () => Atomics.load(flag, 0) === 1,
    async stop() {
      // Held again while it stops: otherwise a process with nothing else to do exits before the worker has.
      worker.ref();
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      worker.postMessage('stop');
      await exited;
    },
  };
}
