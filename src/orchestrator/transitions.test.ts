import { describe, expect, it } from 'vitest';
import type { EventRecord } from '../store/port.js';
import { createTransitionTracker, deriveTransitions } from './transitions.js';

let seq = 0;
const event = (eventType: string, resource: string, payload: Record<string, unknown>): EventRecord => ({
  seq: ++seq,
  eventId: `e${seq}`,
  eventType,
  api: 'TMF622',
  resource,
  resourceId: String(payload.id),
  correlationId: 'c',
  eventTime: `2026-11-26T10:00:0${seq % 10}Z`,
  envelope: { event: { [resource]: payload } },
});

describe('deriveTransitions', () => {
  it('turns a create and its state changes into a path with from and to', () => {
    const path = deriveTransitions([
      event('ProductOrderCreateEvent', 'productOrder', { id: 'po-1', state: 'acknowledged' }),
      event('ProductOrderAttributeValueChangeEvent', 'productOrder', { id: 'po-1', state: 'acknowledged', note: 'x' }),
      event('ProductOrderStateChangeEvent', 'productOrder', { id: 'po-1', state: 'inProgress' }),
      event('ProductOrderStateChangeEvent', 'productOrder', { id: 'po-1', state: 'completed' }),
    ]);
    expect(path.map((t) => [t.from, t.to])).toEqual([
      [null, 'acknowledged'],
      ['acknowledged', 'inProgress'],
      ['inProgress', 'completed'],
    ]);
  });

  it('follows each lifecycle attribute of a resource separately', () => {
    const path = deriveTransitions([
      event('ResourceCreateEvent', 'resource', { id: 'r', usageState: 'idle', resourceStatus: 'available' }),
      event('ResourceAttributeValueChangeEvent', 'resource', { id: 'r', usageState: 'active', resourceStatus: 'reserved' }),
    ]);
    expect(path.filter((t) => t.from !== null).map((t) => `${t.field}:${t.from}->${t.to}`)).toEqual(['usageState:idle->active', 'resourceStatus:available->reserved']);
  });

  it('forgets the entity that changed least recently once it keeps too many, and then starts it over', () => {
    const track = createTransitionTracker({ entitiesKept: 2 });
    const seen = (id: string, state: string) => track(event('ProductOrderStateChangeEvent', 'productOrder', { id, state })).map((t) => `${t.resourceId}:${t.from}->${t.to}`);
    seen('a', 'acknowledged');
    seen('b', 'acknowledged');
    expect(seen('a', 'inProgress')).toEqual(['a:acknowledged->inProgress']);
    seen('c', 'acknowledged'); // b, the least recently changed, is forgotten; a is kept
    expect(seen('a', 'completed')).toEqual(['a:inProgress->completed']);
    expect(seen('b', 'inProgress')).toEqual(['b:null->inProgress']);
  });
});
