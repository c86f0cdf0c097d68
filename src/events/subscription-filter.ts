import type { Doc } from '../store/port.js';
import { matchesFilters, parseListQuery, type Filter } from '../tmf/query/index.js';
import type { EventSource } from './publish.js';

/**
 * Parses a hub `query` (or a TMF688 topic header/content query) in TMF630 filter syntax,
 * e.g. `eventType=ProductOrderStateChangeEvent&event.productOrder.state=completed`.
 * Throws an INVALID_QUERY TmfError for a query the filter grammar refuses.
 */
export function parseSubscriptionQuery(query: string | null | undefined): Filter[] {
  if (!query) return [];
  const params: Record<string, string[]> = {};
  for (const [key, value] of new URLSearchParams(query.replace(/^\?/, ''))) (params[key] ??= []).push(value);
  return parseListQuery(params).filters;
}

/** Whether an event envelope passes a hub's query (no query: every event). */
export function envelopeMatches(query: string | null, envelope: Doc): boolean {
  return matchesFilters(envelope, parseSubscriptionQuery(query));
}

/**
 * Whether an event belongs to a TMF688 topic: events posted to the topic itself, or any
 * outbox event passing the topic's headerQuery (on the envelope) and contentQuery (on `event`).
 * Each query is parsed once, when an event first needs it, so one matcher can test a whole log.
 */
export function topicMatcher(topic: Doc): (source: EventSource, envelope: Doc) => boolean {
  let headerFilters: Filter[] | undefined;
  let contentFilters: Filter[] | undefined;
  return (source, envelope) => {
    if (source.resource === 'event') return source.resourceId === topic.id;
    const { event, ...header } = envelope;
    return (
      matchesFilters(header, (headerFilters ??= parseSubscriptionQuery(topic.headerQuery as string | undefined))) &&
      matchesFilters(event, (contentFilters ??= parseSubscriptionQuery(topic.contentQuery as string | undefined)))
    );
  };
}
