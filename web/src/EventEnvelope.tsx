import type { SpineEvent } from './api';

/** The TMF688 envelope of a run's event as listeners receive it: the run report's own index fields left out. */
export function envelopeOf({ seq: _seq, api: _api, resource: _resource, resourceId: _resourceId, ...envelope }: SpineEvent): Record<string, unknown> {
  return envelope;
}

/** The envelope of the event selected in the timeline (or of the journey's first event), as JSON. */
export function EventEnvelope({ event, selected }: { event: SpineEvent | undefined; selected: boolean }) {
  return (
    <div className="card" data-tour="event-envelope" data-testid="event-envelope">
      <h3>Inside an event{event ? `: ${event.eventType}` : ''}</h3>
      {event ? (
        <>
          <p className="muted">
            {selected ? 'Selected in the timeline' : "The journey's first event (pick a type in the timeline for another)"}, as every listener receives it; under{' '}
            <code>event.{Object.keys(event.event ?? {})[0]}</code>, the resource after the change.
          </p>
          <pre className="small" data-testid="event-envelope-json">{JSON.stringify(envelopeOf(event), null, 2)}</pre>
        </>
      ) : <p className="muted">This journey has no event in the APIs this mode shows.</p>}
    </div>
  );
}
