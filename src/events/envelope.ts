import type { Doc } from '../store/port.js';

/** What a change needs to become a TMF event (v4 envelope, TMF688 `Event`). */
export interface EventSpec {
  eventId: string;
  eventType: string;
  /** The attribute under `event` that carries the resource, e.g. `productOrder`. */
  payloadKey: string;
  payload: Doc;
  correlationId: string | null;
  /** The TMF API name the event belongs to, e.g. `productOrderingManagement`. */
  domain: string;
  at: string;
  title?: string;
  description?: string;
  priority?: string;
}

/**
 * Builds the envelope exactly as the v4 specs spell it, `timeOcurred` typo included,
 * so TMF listeners written against the spec deserialise it unchanged.
 */
export function buildEnvelope(spec: EventSpec): Doc {
  return {
    eventId: spec.eventId,
    eventTime: spec.at,
    eventType: spec.eventType,
    correlationId: spec.correlationId ?? undefined,
    domain: spec.domain,
    title: spec.title ?? spec.eventType,
    description: spec.description ?? `${spec.eventType} for ${spec.payloadKey} ${String(spec.payload.id ?? '')}`.trim(),
    priority: spec.priority ?? 'normal',
    timeOcurred: spec.at,
    ...eventEntityType(spec.eventType),
    event: { [spec.payloadKey]: spec.payload },
  };
}

/** What kind of entity an event is, as TMF630 says it (`@type` is kept by every `fields=` selection). */
export function eventEntityType(eventType: string): { '@type': string; '@baseType': 'Event' } {
  return { '@type': eventType, '@baseType': 'Event' };
}

/** `ProductOrderStateChangeEvent` → `productOrderStateChangeEvent`, the listener path segment. */
export function listenerName(eventType: string): string {
  return eventType.charAt(0).toLowerCase() + eventType.slice(1);
}

/** Where a hub's listener gets an event: the listener path after the callback's path (not doubling a slash), before its query. */
export function listenerUrl(callback: string, eventType: string): string {
  const url = new URL(callback);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/listener/${listenerName(eventType)}`;
  return url.href;
}
