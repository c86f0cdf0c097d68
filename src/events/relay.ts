import type { LeasedDelivery, Store } from '../store/port.js';
import { splitCredentials, withoutCredentials } from './callback-url.js';
import { listenerUrl } from './envelope.js';
import { createWorker } from './worker.js';

/** How hard the relay tries: exponential backoff with jitter, capped, then gives up on a delivery. */
export interface RelayPolicy {
  baseDelayMs: number;
  maxDelayMs: number;
  maxAttempts: number;
  timeoutMs: number;
  /** How many listeners are sent to at once (each its oldest due deliveries in turn, up to HUB_BATCH). */
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
  /** The deliveries being sent at this moment (their seq): pending in the store, leased until they are answered. */
  inFlight(): ReadonlySet<number>;
  /** Runs passes until nothing is due now; for tests and shutdown. */
  drain(): Promise<void>;
  stop(): Promise<void>;
}

// How long past the request timeout a claimed delivery waits before it is due again (see leaseDeliveries).
const LEASE_SLACK_MS = 1_000;
// How many of a hub's deliveries are claimed, sent (in turn) and recorded together.
const HUB_BATCH = 20;

type DeliveryOutcome = Parameters<Store['recordDeliveryAttempt']>[1];

/**
 * Delivers at least once: a delivery stays pending until a listener answers 2xx, survives
 * restarts because it lives in the database, and is retried with backoff when the listener fails.
 * A listener is sent its oldest due deliveries (up to HUB_BATCH) one at a time, in the order of the
 * outbox, and listeners are sent to side by side, so a slow or dead listener holds up only its own.
 */
export function createRelay(deps: { store: Store; now?: () => Date; policy?: Partial<RelayPolicy>; logger?: RelayLogger }): Relay {
  const policy = { ...defaultRelayPolicy, ...deps.policy };
  const now = deps.now ?? (() => new Date());
  // Each hub being sent to, by id: its batches one after another until none is due.
  const sending = new Map<string, Promise<void>>();
  const inFlight = new Set<number>();
  let passes: Promise<number> = Promise.resolve(0);
  let stopping = false;
  // Aborts the sends in flight on stop: a listener that does not answer must not hold the shutdown up.
  let stopped = new AbortController();

  const lease = (extra: { hubs: number; busyHubs: readonly string[]; hubId?: string }) => {
    const at = now();
    return { now: at.toISOString(), until: new Date(at.getTime() + policy.timeoutMs + LEASE_SLACK_MS).toISOString(), perHub: HUB_BATCH, ...extra };
  };

  // One pass at a time (the worker's and drain's), so that no hub is claimed twice.
  const pass = (): Promise<number> => (passes = passes.catch(() => 0).then(claimHubs));

  // Claims the oldest due deliveries of idle hubs, as many hubs as there is room for, and starts sending.
  async function claimHubs(): Promise<number> {
    const room = policy.batchSize - sending.size;
    if (room <= 0 || stopping) return 0;
    const claimed = await deps.store.leaseDeliveries(lease({ hubs: room, busyHubs: [...sending.keys()] }));
    const byHub = new Map<string, LeasedDelivery[]>();
    for (const delivery of claimed) byHub.set(delivery.hubId, [...(byHub.get(delivery.hubId) ?? []), delivery]);
    for (const [hubId, batch] of byHub) {
      const hub = sendInTurn(batch)
        .catch((cause) => deps.logger?.warn({ err: cause, hub: hubId }, 'event delivery could not be recorded'))
        .finally(() => {
          sending.delete(hubId);
          worker.kick();
        });
      sending.set(hubId, hub);
    }
    return byHub.size;
  }

  // Sends a hub's claimed deliveries one after another, oldest first, so that a listener gets its events
  // in the order they happened; then records the outcomes and claims the hub's next ones in one
  // transaction, until none is due.
  async function sendInTurn(claimed: LeasedDelivery[]): Promise<void> {
    const hubId = claimed[0]!.hubId;
    // Sent where the hub's callback says, with each event's listener path (listenerUrl).
    const callback = (await deps.store.getHub(hubId))?.callback;
    for (let batch = claimed; batch.length; ) {
      const leasedAt = Date.now();
      const outcomes: (DeliveryOutcome | undefined)[] = [];
      for (const delivery of batch) {
        // A send starts only if its timeout ends within the lease: the rest of the batch is claimed again.
        if (stopping || Date.now() - leasedAt > LEASE_SLACK_MS) break;
        inFlight.add(delivery.seq);
        try {
          outcomes.push(await send(delivery, callback));
        } finally {
          inFlight.delete(delivery.seq);
        }
      }
      const sent = batch;
      batch = await deps.store.transaction(async (tx) => {
        for (const [i, delivery] of sent.entries()) if (outcomes[i]) await tx.recordDeliveryAttempt(delivery.seq, outcomes[i]);
        // Not sent, or a send the shutdown cut short: no attempt. Due at once, in the order they were.
        await tx.releaseDeliveries(sent.filter((_, i) => !outcomes[i]).map((d) => d.seq), now().toISOString());
        return stopping ? [] : tx.leaseDeliveries(lease({ hubs: 1, busyHubs: [], hubId }));
      });
    }
  }

  async function send({ event, attempts: before }: LeasedDelivery, callback: string | undefined): Promise<DeliveryOutcome | undefined> {
    if (!event) return { delivered: false, at: now().toISOString(), error: 'event missing', giveUp: true };
    // A hub unregistered since the lease: its deliveries are cancelled, and stay so whatever is recorded.
    if (!callback) return { delivered: false, at: now().toISOString(), error: 'hub unregistered', giveUp: true };
    let error: string | undefined;
    const url = listenerUrl(callback, event.eventType);
    const target = splitCredentials(url);
    try {
      const response = await fetch(target.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(event.correlationId ? { 'x-correlation-id': event.correlationId } : {}),
          ...(target.authorization ? { authorization: target.authorization } : {}),
        },
        body: JSON.stringify(event.envelope),
        signal: AbortSignal.any([AbortSignal.timeout(policy.timeoutMs), stopped.signal]),
      });
      await response.arrayBuffer().catch(() => undefined);
      if (!response.ok) error = `listener answered ${response.status}`;
    } catch (cause) {
      if (stopped.signal.aborted) return undefined;
      error = cause instanceof Error ? cause.message : String(cause);
    }
    const at = now();
    if (!error) return { delivered: true, at: at.toISOString() };
    const attempts = before + 1;
    const giveUp = attempts >= policy.maxAttempts;
    deps.logger?.warn({ url: withoutCredentials(url), attempts, error, giveUp }, 'event delivery failed');
    return { delivered: false, at: at.toISOString(), nextAttemptAt: new Date(at.getTime() + backoffDelay(attempts, policy)).toISOString(), error, giveUp };
  }

  const worker = createWorker({
    pass,
    async nextWakeMs() {
      // A busy hub's next delivery, or any while every slot is taken, waits for a send to end (which kicks the worker).
      if (sending.size >= policy.batchSize) return undefined;
      const next = await deps.store.nextDeliveryTime([...sending.keys()]);
      return next === undefined ? undefined : Math.min(new Date(next).getTime() - now().getTime(), policy.maxDelayMs);
    },
    onError: (cause) => deps.logger?.warn({ err: cause }, 'event relay pass failed'),
  });
  deps.store.onDeliveriesCommitted(() => worker.kick());
  return {
    inFlight: () => inFlight,
    start() {
      stopping = false;
      stopped = new AbortController();
      worker.start();
    },
    async drain() {
      for (;;) {
        await worker.drain();
        if (!sending.size) return;
        await Promise.all(sending.values());
      }
    },
    async stop() {
      stopping = true;
      stopped.abort();
      await worker.stop();
      await Promise.all(sending.values());
    },
  };
}

/** Exponential backoff with full jitter: a random delay in [base/2, base·2^(n-1)], capped. */
export function backoffDelay(attempt: number, policy: Pick<RelayPolicy, 'baseDelayMs' | 'maxDelayMs'>, random = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  const floor = Math.min(ceiling, policy.baseDelayMs / 2);
  return Math.round(floor + random() * (ceiling - floor));
}
