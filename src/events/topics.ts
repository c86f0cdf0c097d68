import type { Sources } from '../tmf/sources.js';
import type { Doc, Store } from '../store/port.js';
import { TmfError } from '../tmf/errors.js';
import { isPlainObject } from '../tmf/merge-patch.js';
import { listCollector, type ListQuery } from '../tmf/query/index.js';
import { findApi } from '../tmf/registry.js';
import { assertValid, isClientId, type ResourceBehaviour } from '../tmf/resource-service.js';
import type { SchemaValidator } from '../tmf/schemas.js';
import { eventEntityType } from './envelope.js';
import { toSubscription } from './hubs.js';
import { EVENT_API, publishEnvelope } from './publish.js';
import { parseSubscriptionQuery, TOPIC_QUERIES, topicMatcher, topicQueryFailed } from './subscription-filter.js';

// TMF688 topics are views over the one outbox: a topic holds the events posted to it and
// every event of the 26 APIs that passes its headerQuery/contentQuery.

/**
 * A topic's queries are checked when it is created: every write of the 26 APIs matches its events
 * against them, so a query the filter grammar refuses would otherwise fail those writes instead.
 * Its name is how producers and listeners tell topics apart, so a named topic's name is its own.
 * Its hubs listen to nothing once it is gone, so they go with it (and their pending deliveries).
 */
export const topicBehaviour: ResourceBehaviour = {
  async onCreate(tx, doc) {
    if (typeof doc.name === 'string') await refuseTopicName(tx, doc.name);
    for (const field of TOPIC_QUERIES) {
      try {
        parseSubscriptionQuery(doc[field] as string | undefined);
      } catch (error) {
        if (!(error instanceof TmfError)) throw error;
        throw new TmfError('INVALID_BODY', `${field} is not a TMF630 filter query: ${error.message}`);
      }
    }
  },
  async onDelete(tx, topic) {
    for (const hub of await tx.listHubs(EVENT_API)) if (hub.topicId === topic.id) await tx.deleteHub(hub.id);
  },
};

async function refuseTopicName(store: Store, name: string): Promise<void> {
  if (!name.trim()) throw new TmfError('INVALID_BODY', 'name must not be blank: leave it out for an unnamed topic');
  const topics = await store.listResources({ api: EVENT_API, resource: 'topic' });
  const taken = topics.find((topic) => topic.doc.name === name);
  if (taken) throw new TmfError('CONFLICT', `a topic named '${name}' exists already: ${String(taken.doc.id)}`);
}

/** The topic resource, or a 404 naming it. */
export async function mustGetTopic(store: Store, topicId: string): Promise<Doc> {
  const topic = await store.getResource(EVENT_API, 'topic', topicId);
  if (!topic) throw new TmfError('NOT_FOUND', `topic ${topicId} does not exist`);
  return topic.doc;
}

/** How many outbox events a topic listing reads at a time. */
export const TOPIC_SCAN_PAGE = 200;

/**
 * GET /topic/{id}/event: the topic's events, oldest first, with the TMF630 list query applied.
 * The outbox is read a page at a time and only the envelopes of the page asked for are kept: neither
 * the log nor the topic's events are ever in memory at once. Every page is read, since X-Total-Count
 * counts all the topic's events.
 */
export async function listTopicEvents(store: Store, topicId: string, query: ListQuery, baseUrl: string) {
  const belongs = topicMatcher(await mustGetTopic(store, topicId));
  const collector = listCollector(query);
  let afterSeq = 0;
  for (;;) {
    const events = await store.listEvents({ afterSeq, limit: TOPIC_SCAN_PAGE });
    for (const e of events) if (belongs(e, e.envelope)) collector.add(asTopicEvent(e.envelope, topicId, baseUrl));
    if (events.length < TOPIC_SCAN_PAGE) return collector.page();
    afterSeq = events[events.length - 1]!.seq;
  }
}

/** GET /topic/{id}/hub: the topic's listeners, oldest first, with the TMF630 list query applied. */
export async function listTopicHubs(store: Store, topicId: string, query: ListQuery) {
  await mustGetTopic(store, topicId);
  const collector = listCollector(query);
  for (const hub of await store.listHubs(EVENT_API)) if (hub.topicId === topicId) collector.add({ ...toSubscription(hub) });
  return collector.page();
}

// An event as a topic serves it: addressable at its place in the topic (TMF630: every entity has an href).
function asTopicEvent(envelope: Doc, topicId: string, baseUrl: string): Doc {
  return envelope.href !== undefined ? envelope : { ...envelope, href: topicEventHref(baseUrl, topicId, String(envelope.eventId)) };
}

const topicEventHref = (baseUrl: string, topicId: string, eventId: string) =>
  `${baseUrl}${findApi(EVENT_API)!.basePath}/topic/${encodeURIComponent(topicId)}/event/${encodeURIComponent(eventId)}`;

/** GET /topic/{id}/event/{eventId}. */
export async function retrieveTopicEvent(store: Store, topicId: string, eventId: string, baseUrl: string): Promise<Doc> {
  const topic = await mustGetTopic(store, topicId);
  const event = await store.getEvent(eventId);
  if (!event || !topicMatcher(topic)(event, event.envelope)) {
    throw new TmfError('NOT_FOUND', `event ${eventId} does not exist in topic ${topicId}`);
  }
  return asTopicEvent(event.envelope, topicId, baseUrl);
}

/**
 * POST /topic/{id}/event: a producer publishes its own event, which must pass the topic's queries (a
 * topic carries only what they select). Spine stamps eventId and times if absent, href, and `@type`
 * as on its own events.
 */
export async function postTopicEvent(
  store: Store,
  topicId: string,
  body: unknown,
  sources: Sources & { validator: SchemaValidator; baseUrl: string },
  correlationId: string | null,
) {
  const { posted, eventType, chosenId } = checkPostedEvent(sources, body);
  return store.transaction(async (tx) => {
    const topic = await mustGetTopic(tx, topicId);
    const eventId = chosenId ?? sources.uuid();
    if (await tx.getEvent(eventId)) throw new TmfError('CONFLICT', `event ${eventId} already exists`);
    const at = sources.now().toISOString();
    const href = topicEventHref(sources.baseUrl, topicId, eventId);
    const envelope: Doc = { eventTime: at, timeOcurred: at, correlationId: correlationId ?? undefined, ...eventEntityType(eventType), ...posted, eventId, href };
    const failed = topicQueryFailed(topic)(envelope);
    if (failed !== undefined) {
      throw new TmfError('INVALID_BODY', `the event does not pass the topic's ${failed} ${String(topic[failed])}: a topic carries only the events its queries select`);
    }
    await publishEnvelope(tx, { api: EVENT_API, resource: 'event', resourceId: topicId }, envelope);
    return envelope;
  });
}

function checkPostedEvent(sources: { validator: SchemaValidator }, body: unknown): { posted: Doc; eventType: string; chosenId?: string } {
  if (!isPlainObject(body)) throw new TmfError('INVALID_BODY', 'the request body must be a JSON object');
  assertValid(sources, findApi(EVENT_API)!, 'Event_Create', body);
  const serverSet = sources.validator.skippedProperties(EVENT_API, 'Event_Create').find((name) => name in body);
  if (serverSet !== undefined) {
    throw new TmfError('INVALID_BODY', `${serverSet} is set by the server (Event_Create leaves it out): leave it out of the POST, and name the event with eventId`);
  }
  const { eventType, eventId } = body;
  if (typeof eventType !== 'string' || !eventType) throw new TmfError('INVALID_BODY', 'eventType is required');
  // The eventId names the event in its href, so it follows the rule of a client-chosen resource id.
  if (eventId !== undefined && !isClientId(eventId)) {
    throw new TmfError('INVALID_BODY', 'eventId must be a string of letters, digits and ._:- (at most 128 characters)');
  }
  return { posted: body, eventType, chosenId: eventId };
}
