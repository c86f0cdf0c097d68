import type { Doc } from '../store/port.js';
import { TmfError } from '../tmf/errors.js';
import { matchesFilters, parseListQuery, type Filter } from '../tmf/query/index.js';
import type { EventSource } from './publish.js';

// The list parameters that pick from a whole collection; a subscription tests its events one at a time.
const LIST_ONLY_PARAMS = ['fields', 'sort', 'offset', 'limit'];

/**
 * Parses a hub `query` (or a TMF688 topic header/content query) in TMF630 filter syntax,
 * e.g. `eventType=ProductOrderStateChangeEvent&event.productOrder.state=completed`.
 * Throws an INVALID_QUERY TmfError for a query the filter grammar refuses.
 */
export function parseSubscriptionQuery(query: string | null | undefined): Filter[] {
  if (!query) return [];
  const params: Record<string, string[]> = {};
  for (const [key, value] of new URLSearchParams(query.replace(/^\?/, ''))) (params[key] ??= []).push(value);
  const listOnly = LIST_ONLY_PARAMS.find((name) => Object.hasOwn(params, name));
  if (listOnly !== undefined) {
    throw new TmfError('INVALID_QUERY', `parameter "${listOnly}": paging, sorting and fields do not apply to an event filter, which selects events one at a time`);
  }
  return parseListQuery(params).filters;
}

/** Whether an event envelope passes a hub's query (no query: every event). */
export function envelopeMatches(query: string | null, envelope: Doc): boolean {
  return matchesFilters(envelope, parseSubscriptionQuery(query));
}

/** A TMF688 topic's filters: `headerQuery` on the envelope without `event`, `contentQuery` on `event`. */
export const TOPIC_QUERIES = ['headerQuery', 'contentQuery'] as const;
export type TopicQuery = (typeof TOPIC_QUERIES)[number];

/**
 * Whether an event belongs to a TMF688 topic: it passes the topic's queries and, if a producer posted
 * it to a topic, it was to this one. One matcher can test a whole log (see topicQueryFailed).
 */
export function topicMatcher(topic: Doc): (source: EventSource, envelope: Doc) => boolean {
  const failed = topicQueryFailed(topic);
  return (source, envelope) => (source.resource !== 'event' || source.resourceId === topic.id) && failed(envelope) === undefined;
}

/**
 * The first of a topic's queries an event envelope does not pass (undefined: it passes them all).
 * Each query is parsed once, when an event first needs it.
 */
export function topicQueryFailed(topic: Doc): (envelope: Doc) => TopicQuery | undefined {
  const filters: Partial<Record<TopicQuery, Filter[]>> = {};
  return (envelope) => {
    const { event, ...header } = envelope;
    const parts: Record<TopicQuery, unknown> = { headerQuery: header, contentQuery: event };
    return TOPIC_QUERIES.find((query) => !matchesFilters(parts[query], (filters[query] ??= parseSubscriptionQuery(topic[query] as string | undefined))));
  };
}
