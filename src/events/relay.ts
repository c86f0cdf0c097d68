import type { DeliveryRecord, Store } from '../store/port.js';
import { createWorker } from './worker.js';

/** How hard the relay tries: exponential backoff with jitter, capped, then gives up on a delivery. */
export interface RelayPolicy {
  baseDelayMs: number;
  maxDelayMs: number;
  maxAttempts: number;
  timeoutMs: number;
  batchSize: number;
}

export const defaultRelayPolicy: RelayPolicy = {
  baseDelayMs: 500,
  maxDelayMs: 60_000,
  maxAttempts: 15,
  timeoutMs: 5_000,
  batchSize: 50,
};

export interface RelayLogger {
  warn(obj: object, msg: string): void;
}

/** The process that turns committed outbox deliveries into HTTP POSTs to listeners. */
export interface Relay {
  start(): void;
  /** Runs passes until nothing is due now; for tests and shutdown. */
  drain(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Delivers at least once: a delivery stays pending until a listener answers 2xx, survives
 * restarts because it lives in the database, and is retried with backoff when the listener fails.
 */
export function createRelay(deps: { store: Store; now?: () => Date; policy?: Partial<RelayPolicy>; logger?: RelayLogger }): Relay {
  const policy = { ...defaultRelayPolicy, ...deps.policy };
  const now = deps.now ?? (() => new Date());

  async function pass(): Promise<number> {
    const due = await deps.store.dueDeliveries(now().toISOString(), policy.batchSize);
    await Promise.all(due.map(deliver));
    return due.length;
  }

  async function deliver(delivery: DeliveryRecord): Promise<void> {
    const event = await deps.store.getEventBySeq(delivery.eventSeq);
    if (!event) {
      await deps.store.recordDeliveryAttempt(delivery.seq, { delivered: false, at: now().toISOString(), error: 'event missing', giveUp: true });
      return;
    }
    let error: string | undefined;
    try {
      const response = await fetch(delivery.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(event.correlationId ? { 'x-correlation-id': event.correlationId } : {}) },
        body: JSON.stringify(event.envelope),
        signal: AbortSignal.timeout(policy.timeoutMs),
      });
      await response.arrayBuffer().catch(() => undefined);
      if (!response.ok) error = `listener answered ${response.status}`;
    } catch (cause) {
      error = cause instanceof Error ? cause.message : String(cause);
    }
    const at = now();
    if (!error) {
      await deps.store.recordDeliveryAttempt(delivery.seq, { delivered: true, at: at.toISOString() });
      return;
    }
    const attempts = delivery.attempts + 1;
    const giveUp = attempts >= policy.maxAttempts;
    deps.logger?.warn({ url: delivery.url, attempts, error, giveUp }, 'event delivery failed');
    await deps.store.recordDeliveryAttempt(delivery.seq, {
      delivered: false,
      at: at.toISOString(),
      nextAttemptAt: new Date(at.getTime() + backoffDelay(attempts, policy)).toISOString(),
      error,
      giveUp,
    });
  }

  const worker = createWorker({
    pass,
    async nextWakeMs() {
      const next = await deps.store.nextDeliveryTime();
      return next === undefined ? undefined : Math.min(new Date(next).getTime() - now().getTime(), policy.maxDelayMs);
    },
    onError: (cause) => deps.logger?.warn({ err: cause }, 'event relay pass failed'),
  });
  deps.store.onDeliveriesCommitted(() => worker.kick());
  return { start: worker.start, drain: worker.drain, stop: worker.stop };
}

/** Exponential backoff with full jitter: a random delay in [base/2, base·2^(n-1)], capped. */
export function backoffDelay(attempt: number, policy: Pick<RelayPolicy, 'baseDelayMs' | 'maxDelayMs'>, random = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  const floor = Math.min(ceiling, policy.baseDelayMs / 2);
  return Math.round(floor + random() * (ceiling - floor));
}
