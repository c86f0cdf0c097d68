/** A background loop over persisted work: the event relay's deliveries, the runner's journey steps. */
export interface Worker {
  start(): void;
  /** Asks for a pass soon: at once when idle, right after the current pass otherwise. */
  kick(): void;
  /** Runs passes until nothing is due now; for tests, the CLI and shutdown. */
  drain(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Runs `pass` (which handles what is due and says how many it handled) until nothing is due, then
 * sleeps until `nextWakeMs` says (undefined: until kicked). One pass at a time; errors go to `onError`.
 */
export function createWorker(deps: {
  pass: () => Promise<number>;
  nextWakeMs: () => Promise<number | undefined>;
  onError: (error: unknown) => void;
}): Worker {
  let started = false;
  let running: Promise<void> | undefined;
  let again = false;
  let timer: NodeJS.Timeout | undefined;

  async function loop(): Promise<void> {
    do {
      again = false;
      while (started && (await deps.pass()) > 0) {
        // better-sqlite3 is synchronous: yield so HTTP requests and timers get a turn between passes.
        await new Promise((resolve) => setImmediate(resolve));
      }
    } while (again && started);
    if (!started) return;
    const wake = await deps.nextWakeMs();
    clearTimeout(timer);
    if (wake === undefined) return;
    timer = setTimeout(kick, Math.max(0, wake));
    timer.unref();
  }

  function kick(): void {
    if (!started) return;
    if (running) {
      again = true;
      return;
    }
    running = loop()
      .catch(deps.onError)
      .finally(() => {
        running = undefined;
      });
  }

  return {
    start() {
      started = true;
      kick();
    },
    kick,
    async drain() {
      await running;
      while ((await deps.pass()) > 0) {
        /* handle everything due */
      }
    },
    async stop() {
      started = false;
      clearTimeout(timer);
      await running;
    },
  };
}
