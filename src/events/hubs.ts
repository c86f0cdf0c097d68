import type { Sources } from '../tmf/sources.js';
import { DeliveryStatus, type DeliveryOfEvent, type HubRecord, type Store } from '../store/port.js';
import { TmfError } from '../tmf/errors.js';
import { isPlainObject } from '../tmf/merge-patch.js';
import { withoutCredentials } from './callback-url.js';
import { listenerUrl } from './envelope.js';
import { EVENT_API } from './publish.js';
import { parseSubscriptionQuery } from './subscription-filter.js';

/** The TMF `EventSubscription` as POST /hub answers it. */
export interface EventSubscription {
  id: string;
  callback: string;
  query: string | null;
}

/** Registers a listener for an API's events (or a TMF688 topic's), after checking callback and query. */
export async function registerHub(
  store: Store,
  target: { api: string; topicId?: string },
  body: unknown,
  sources: Sources,
): Promise<EventSubscription> {
  if (!isPlainObject(body)) throw new TmfError('INVALID_BODY', 'the request body must be a JSON object');
  const { callback, query } = body;
  if (typeof callback !== 'string' || !isHttpUrl(callback)) {
    throw new TmfError('INVALID_BODY', 'callback is required and must be an absolute http(s) URL');
  }
  if (callback.includes('#')) {
    throw new TmfError('INVALID_BODY', 'callback must not have a fragment (#…): a fragment is never sent to a server');
  }
  if (query !== undefined && query !== null && typeof query !== 'string') {
    throw new TmfError('INVALID_BODY', 'query must be a string in TMF630 filter syntax');
  }
  parseSubscriptionQuery(query);
  const hub: HubRecord = {
    id: sources.uuid(),
    api: target.api,
    topicId: target.topicId ?? null,
    callback,
    query: query ?? null,
    createdAt: sources.now().toISOString(),
  };
  await store.insertHub(hub);
  // The registrant's own answer: the callback as it sent it.
  return { id: hub.id, callback: hub.callback, query: hub.query };
}

/** Removes a listener of this API (404 when it is not one); its undelivered events are dropped. */
export async function unregisterHub(store: Store, target: { api: string; topicId?: string }, id: string): Promise<void> {
  await store.transaction(async (tx) => {
    const hub = await tx.getHub(id);
    if (!hub || hub.api !== target.api || hub.topicId !== (target.topicId ?? null)) {
      throw new TmfError('NOT_FOUND', `hub ${id} does not exist`);
    }
    await tx.deleteHub(id);
  });
}

/** A listener as the stack-wide hub list shows it: what it listens to, and how its deliveries stand. */
export interface HubOverview extends EventSubscription {
  api: string;
  topicId: string | null;
  createdAt: string;
  /** Where `DELETE` unsubscribes it. */
  path: string;
  deliveries: Record<DeliveryStatus, number>;
}

/**
 * Every listener registered on the stack, on any API's /hub or a TMF688 topic's, oldest first, with
 * its deliveries counted by status: of one journey's events when `correlationId` is given, else of all.
 */
export async function listHubOverviews(
  store: Store,
  apis: readonly { id: string; basePath: string }[],
  selector: { correlationId?: string },
): Promise<HubOverview[]> {
  const hubs = await store.listHubs();
  const counts = await store.countDeliveries(selector);
  const basePath = (api: string) => apis.find((a) => a.id === api)?.basePath ?? '';
  return hubs.map((hub) => ({
    ...toSubscription(hub),
    api: hub.api,
    topicId: hub.topicId,
    createdAt: hub.createdAt,
    path: hub.topicId ? `${basePath(EVENT_API)}/topic/${hub.topicId}/hub/${hub.id}` : `${basePath(hub.api)}/hub/${hub.id}`,
    deliveries: Object.fromEntries(
      Object.values(DeliveryStatus).map((status) => [status, counts.find((c) => c.hubId === hub.id && c.status === status)?.count ?? 0]),
    ) as Record<DeliveryStatus, number>,
  }));
}

/**
 * One event's delivery to one listener: which event, where it went, and how that went so far;
 * `sending` while the relay waits for the listener's answer (nextAttemptAt is then the lease's end).
 */
export type HubDelivery = Omit<DeliveryOfEvent, 'eventSeq' | 'hubId'> & { url: string; sending?: true };

/**
 * A hub's deliveries, oldest first, of one journey's events when `correlationId` is given; 404 for an
 * unknown hub. `inFlight`: the relay's deliveries being sent now, which are marked `sending`.
 */
export async function listHubDeliveries(store: Store, hubId: string, selector: { correlationId?: string; limit: number }, inFlight: ReadonlySet<number> = new Set()): Promise<HubDelivery[]> {
  const hub = await store.getHub(hubId);
  if (!hub) throw new TmfError('NOT_FOUND', `no hub ${hubId}`);
  // Where the relay sends it: the callback with the event's listener path.
  return (await store.listDeliveries({ hubId, ...selector })).map(({ eventSeq: _seq, hubId: _hub, ...rest }) => {
    const delivery = { ...rest, url: withoutCredentials(listenerUrl(hub.callback, rest.eventType)) };
    return delivery.status === DeliveryStatus.pending && inFlight.has(delivery.seq) ? { ...delivery, sending: true as const } : delivery;
  });
}

/** A listener as any reader sees it: credentials in its callback's URL are not shown (the relay still uses them). */
export function toSubscription(hub: HubRecord): EventSubscription {
  return { id: hub.id, callback: withoutCredentials(hub.callback), query: hub.query };
}

function isHttpUrl(value: string): boolean {
  // new URL() trims what surrounds the URL; the callback is stored and shown as sent, so it must be the URL alone.
  if (value !== value.trim()) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
