import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSharedStream, type StreamSource } from './shared-stream';

// A stand-in for an EventSource: the test opens it, sends it messages, and the browser's giving up.
class FakeSource implements StreamSource {
  readyState = 0;
  closed = false;
  private readonly handlers = new Map<string, ((message: { data?: unknown }) => void)[]>();
  addEventListener(type: string, listener: (message: { data?: unknown }) => void) {
    this.handlers.set(type, [...(this.handlers.get(type) ?? []), listener]);
  }
  close() {
    this.closed = true;
    this.readyState = 2;
  }
  open() {
    this.readyState = 1;
    for (const h of this.handlers.get('open') ?? []) h({});
  }
  send(type: string, data: unknown) {
    if (this.closed) return;
    for (const h of this.handlers.get(type) ?? []) h({ data: JSON.stringify(data) });
  }
  /** Types with a handler, but for 'open': how many times each is hooked. */
  hooks() {
    return Object.fromEntries([...this.handlers].filter(([t]) => t !== 'open').map(([t, hs]) => [t, hs.length]));
  }
}

interface Messages { exchange: { runId: string }; event: { eventId: string } }

function stream() {
  const sources: FakeSource[] = [];
  const shared = createSharedStream<Messages>(() => {
    const source = new FakeSource();
    sources.push(source);
    return source;
  });
  return { shared, sources };
}

const settled = async (promise: Promise<void>) => {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((r) => setTimeout(r));
  return done;
};

afterEach(() => {
  vi.useRealTimers();
});

describe('the shared stream', () => {
  it('opens no connection until something listens, then one for every listener', () => {
    const { shared, sources } = stream();
    expect(sources).toHaveLength(0);
    shared.subscribe('exchange', () => undefined);
    shared.subscribe('exchange', () => undefined);
    shared.subscribe('event', () => undefined);
    expect(sources).toHaveLength(1);
    expect(shared.holders).toBe(3);
    // One handler per message type on the connection, whatever the number of listeners.
    expect(sources[0]!.hooks()).toEqual({ exchange: 1, event: 1 });
  });

  it('hands each message, parsed, to every listener of its type and to no other', () => {
    const { shared, sources } = stream();
    const heard: string[] = [];
    shared.subscribe('exchange', (x) => heard.push(`list ${x.runId}`));
    shared.subscribe('exchange', (x) => heard.push(`swimlane ${x.runId}`));
    shared.subscribe('event', (e) => heard.push(`event ${e.eventId}`));
    sources[0]!.send('exchange', { runId: 'run-1' });
    sources[0]!.send('event', { eventId: 'ev-1' });
    expect(heard).toEqual(['list run-1', 'swimlane run-1', 'event ev-1']);
  });

  it('stays open while anything listens, and closes when the last listener leaves', () => {
    const { shared, sources } = stream();
    const heard: string[] = [];
    const list = shared.subscribe('exchange', (x) => heard.push(`list ${x.runId}`));
    const swimlane = shared.subscribe('exchange', (x) => heard.push(`swimlane ${x.runId}`));
    swimlane.unsubscribe();
    expect(sources[0]!.closed).toBe(false);
    sources[0]!.send('exchange', { runId: 'run-1' });
    expect(heard).toEqual(['list run-1']);
    list.unsubscribe();
    expect(sources[0]!.closed).toBe(true);
    expect(shared.holders).toBe(0);
  });

  it('counts a subscription once however often it is stopped', () => {
    const { shared, sources } = stream();
    const list = shared.subscribe('exchange', () => undefined);
    const swimlane = shared.subscribe('exchange', () => undefined);
    swimlane.unsubscribe();
    swimlane.unsubscribe();
    expect(shared.holders).toBe(1);
    expect(sources[0]!.closed).toBe(false);
    list.unsubscribe();
    expect(sources[0]!.closed).toBe(true);
  });

  it('tells apart two subscriptions of the same listener', () => {
    const { shared, sources } = stream();
    const heard: string[] = [];
    const listener = (x: { runId: string }) => heard.push(x.runId);
    const first = shared.subscribe('exchange', listener);
    shared.subscribe('exchange', listener);
    first.unsubscribe();
    sources[0]!.send('exchange', { runId: 'run-1' });
    expect(heard).toEqual(['run-1']);
  });

  it('opens a new connection for a listener that comes after the last one left, with only the new listeners on it', () => {
    const { shared, sources } = stream();
    const heard: string[] = [];
    shared.subscribe('event', (e) => heard.push(`old ${e.eventId}`)).unsubscribe();
    shared.subscribe('exchange', (x) => heard.push(`new ${x.runId}`));
    expect(sources).toHaveLength(2);
    expect(sources[1]!.hooks()).toEqual({ exchange: 1 });
    sources[1]!.send('exchange', { runId: 'run-2' });
    expect(heard).toEqual(['new run-2']);
  });

  it('says when the connection is open: at once when it already is, else at its open', async () => {
    const { shared, sources } = stream();
    const first = shared.subscribe('exchange', () => undefined);
    expect(await settled(first.opened)).toBe(false);
    sources[0]!.open();
    expect(await settled(first.opened)).toBe(true);
    const second = shared.subscribe('exchange', () => undefined);
    expect(await settled(second.opened)).toBe(true);
  });

  it('replaces a connection the browser gave up on at the next subscription, keeping the listeners it had', async () => {
    const { shared, sources } = stream();
    const heard: string[] = [];
    shared.subscribe('exchange', (x) => heard.push(`list ${x.runId}`));
    sources[0]!.open();
    // The server answered with an error status: an EventSource does not reconnect after that.
    sources[0]!.close();
    const swimlane = shared.subscribe('exchange', (x) => heard.push(`swimlane ${x.runId}`));
    expect(sources).toHaveLength(2);
    expect(await settled(swimlane.opened)).toBe(false);
    sources[1]!.open();
    expect(await settled(swimlane.opened)).toBe(true);
    sources[1]!.send('exchange', { runId: 'run-1' });
    expect(heard).toEqual(['list run-1', 'swimlane run-1']);
  });

  it('keeps a connection that is reconnecting on its own (it resumes after its Last-Event-ID)', () => {
    const { shared, sources } = stream();
    shared.subscribe('exchange', () => undefined);
    sources[0]!.open();
    // Dropped: an EventSource reconnects by itself, readyState CONNECTING meanwhile.
    sources[0]!.readyState = 0;
    shared.subscribe('exchange', () => undefined);
    expect(sources).toHaveLength(1);
  });

  it('hands a message to every listener even when one of them throws, and reports the error', () => {
    vi.useFakeTimers();
    const { shared, sources } = stream();
    const heard: string[] = [];
    shared.subscribe('exchange', () => {
      throw new Error('broken view');
    });
    shared.subscribe('exchange', (x) => heard.push(x.runId));
    sources[0]!.send('exchange', { runId: 'run-1' });
    expect(heard).toEqual(['run-1']);
    expect(() => vi.runAllTimers()).toThrow('broken view');
  });
});
