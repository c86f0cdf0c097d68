import type { EventRecord } from '../store/port.js';

/** One observed state change of one entity: the lifecycle view of a run. */
export interface Transition {
  eventId: string;
  at: string;
  api: string;
  resource: string;
  resourceId: string;
  field: string;
  from: string | null;
  to: string;
}

// The lifecycle attributes a payload may carry; TMF639 resources have several at once.
const STATE_FIELDS = ['state', 'status', 'usageState', 'resourceStatus', 'administrativeState', 'operationalState'] as const;

/**
 * Follows events one by one and reports the transitions they show: an entity's first event gives
 * its initial states, each later event that changes a lifecycle attribute is a transition from the
 * previous value. Stateful, so a live stream can feed it as events arrive.
 */
export function createTransitionTracker(): (event: EventRecord) => Transition[] {
  const last = new Map<string, string>();
  return (event) => {
    const payload = Object.values((event.envelope.event ?? {}) as Record<string, Record<string, unknown>>)[0];
    if (!payload) return [];
    const transitions: Transition[] = [];
    for (const field of STATE_FIELDS) {
      const value = payload[field];
      if (typeof value !== 'string') continue;
      const key = `${event.api}/${event.resource}/${event.resourceId}/${field}`;
      const previous = last.get(key);
      last.set(key, value);
      if (previous === value) continue;
      transitions.push({
        eventId: event.eventId,
        at: event.eventTime,
        api: event.api,
        resource: event.resource,
        resourceId: event.resourceId,
        field,
        from: previous ?? null,
        to: value,
      });
    }
    return transitions;
  };
}

/** The transitions of a run's events, oldest first. */
export function deriveTransitions(events: readonly EventRecord[]): Transition[] {
  const track = createTransitionTracker();
  return events.flatMap((event) => track(event));
}
