import { buildEnvelope } from '../events/envelope.js';
import { documentJson } from './document-json.js';
import { isPlainObject } from '../tmf/merge-patch.js';
import type { Doc, EventRecord } from './port.js';

/** An event envelope as the event table keeps it: the resource it carries apart from the rest. */
export interface SplitEnvelope {
  /** The envelope without its payload; '' when it is the standard envelope, rebuilt from the columns. */
  envelope: string;
  /** The attribute under `event` that carries the resource; null when the envelope is kept whole. */
  payloadKey: string | null;
  /** The resource as JSON; null when the envelope is kept whole. */
  payload: string | null;
  /** The envelope's domain when it is the standard envelope, else null. */
  domain: string | null;
}

/** The event columns a stored envelope is rebuilt from. */
export interface StoredEnvelope {
  event_id: string;
  event_type: string;
  correlation_id: string | null;
  event_time: string;
  envelope: string;
  payload_key: string | null;
  domain: string | null;
}

/**
 * Splits an envelope carrying one resource (`event: { <name>: {...} }`) into the resource and the
 * rest; the rest is left out entirely when it is exactly what `buildEnvelope` makes from the columns.
 * Any other envelope (an event posted to a TMF688 topic) is kept whole.
 */
export function splitEnvelope(event: Omit<EventRecord, 'seq'>): SplitEnvelope {
  const { envelope } = event;
  const carried = envelope.event;
  const keys = isPlainObject(carried) ? Object.keys(carried) : [];
  const key = keys.length === 1 ? keys[0]! : undefined;
  const payload = key === undefined ? undefined : (carried as Doc)[key];
  if (key === undefined || !isPlainObject(payload)) return { envelope: JSON.stringify(envelope), payloadKey: null, payload: null, domain: null };
  const domain = typeof envelope.domain === 'string' ? envelope.domain : undefined;
  const standard = domain !== undefined && isStandard(envelope, standardEnvelope(event, key, domain, payload));
  return { envelope: standard ? '' : JSON.stringify({ ...envelope, event: { [key]: null } }), payloadKey: key, payload: documentJson(payload), domain: standard ? domain : null };
}

// The same attributes in the same order with the same values (strings or absent), the payload aside.
function isStandard(envelope: Doc, standard: Doc): boolean {
  const keys = Object.keys(envelope);
  const expected = Object.keys(standard);
  return keys.length === expected.length && expected.every((key, i) => keys[i] === key && (key === 'event' || envelope[key] === standard[key]));
}

/** The envelope as it was appended, from its columns and its payload's JSON. */
export function joinEnvelope(row: StoredEnvelope, payload: string | null): Doc {
  if (row.payload_key === null || payload === null) return JSON.parse(row.envelope) as Doc;
  const resource = JSON.parse(payload) as Doc;
  if (row.domain !== null) {
    const envelope = standardEnvelope({ eventId: row.event_id, eventType: row.event_type, correlationId: row.correlation_id, eventTime: row.event_time }, row.payload_key, row.domain, resource);
    // As read back from JSON: an envelope without a correlationId has no such key.
    if (envelope.correlationId === undefined) delete envelope.correlationId;
    return envelope;
  }
  const envelope = JSON.parse(row.envelope) as Doc;
  (envelope.event as Doc)[row.payload_key] = resource;
  return envelope;
}

function standardEnvelope(event: Pick<EventRecord, 'eventId' | 'eventType' | 'correlationId' | 'eventTime'>, key: string, domain: string, payload: Doc): Doc {
  return buildEnvelope({ eventId: event.eventId, eventType: event.eventType, payloadKey: key, payload, correlationId: event.correlationId, domain, at: event.eventTime });
}
