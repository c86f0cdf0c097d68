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
type StateField = (typeof STATE_FIELDS)[number];

/**
 * Follows events one by one and reports the transitions they show: an entity's first event gives
 * its initial states, each later event that changes a lifecycle attribute is a transition from the
 * previous value. Stateful, so a live stream can feed it as events arrive. `entitiesKept` bounds
 * what it remembers (a stream may stay open for days): an entity it has forgotten, the one that
 * changed least recently, shows its next state as an initial one again (from null).
 */
export function createTransitionTracker({ entitiesKept = Infinity }: { entitiesKept?: number } = {}): (event: EventRecord) => Transition[] {
  const last = new Map<string, Partial<Record<StateField, string>>>();
  return (event) => {
    const payload = Object.values((event.envelope.event ?? {}) as Record<string, Record<string, unknown>>)[0];
    if (!payload) return [];
    const entity = `${event.api}/${event.resource}/${event.resourceId}`;
    const states = last.get(entity) ?? {};
    // Delete and set again: the Map's order is then least recently changed first.
    last.delete(entity);
    last.set(entity, states);
    if (last.size > entitiesKept) last.delete(last.keys().next().value!);
    const transitions: Transition[] = [];
    for (const field of STATE_FIELDS) {
      const value = payload[field];
      if (typeof value !== 'string') continue;
      const previous = states[field];
      states[field] = value;
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
