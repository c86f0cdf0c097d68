import type { Doc, HubRecord, Store } from '../store/port.js';
import { buildEnvelope, type EventSpec } from './envelope.js';
import { envelopeMatches, topicMatcher } from './subscription-filter.js';

// A first attempt is due at once; the relay schedules retries on its own clock.
const DELIVER_AT_ONCE = new Date(0).toISOString();

/** The API id under which TMF688 (the event hub) keeps its own hubs and topics. */
export const EVENT_API = 'TMF688';

/** Where an event comes from: the API, resource collection and resource it describes. */
export interface EventSource {
  api: string;
  resource: string;
  resourceId: string;
}

/**
 * Writes an event into the outbox and one delivery row per matching subscriber, inside the
 * caller's transaction: the change, its event and its deliveries commit (or vanish) together.
 */
export async function publishEvent(tx: Store, source: EventSource, spec: EventSpec) {
  return publishEnvelope(tx, source, buildEnvelope(spec));
}

/** Same as publishEvent for an envelope that is already built (an event posted to a TMF688 topic). */
export async function publishEnvelope(tx: Store, source: EventSource, envelope: Doc) {
  const eventType = String(envelope.eventType);
  const eventTime = String(envelope.eventTime);
  const event = await tx.appendEvent({
    eventId: String(envelope.eventId),
    eventType,
    api: source.api,
    resource: source.resource,
    resourceId: source.resourceId,
    correlationId: typeof envelope.correlationId === 'string' ? envelope.correlationId : null,
    eventTime,
    envelope,
  });
  for (const hub of await subscribersOf(tx, source, envelope)) {
    await tx.insertDelivery({
      eventSeq: event.seq,
      hubId: hub.id,
      status: 'pending',
      nextAttemptAt: DELIVER_AT_ONCE,
    });
  }
  return event;
}

async function subscribersOf(tx: Store, source: EventSource, envelope: Doc): Promise<HubRecord[]> {
  const apiHubs = source.api === EVENT_API ? [] : await tx.listHubs(source.api);
  const eventHubs = await tx.listHubs(EVENT_API);
  const matching: HubRecord[] = [];
  for (const hub of [...apiHubs, ...eventHubs]) {
    if (hub.topicId) {
      const topic = await tx.getResource(EVENT_API, 'topic', hub.topicId);
      if (!topic || !topicMatcher(topic.doc)(source, envelope)) continue;
    }
    if (envelopeMatches(hub.query, envelope)) matching.push(hub);
  }
  return matching;
}
