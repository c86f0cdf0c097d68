import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it, vi } from 'vitest';
import { build } from './support/build.js';
import { demoApp, runScenario } from './support/change-journeys.js';

// GET /spine/v1/stream over a real socket: a journey's exchanges, events and transitions as
// Server-Sent Events, resumable with Last-Event-ID, a replay of the whole log in pages.

interface Message {
  id: string;
  event: string;
  data: { seq: number; runId?: string; eventId?: string; [key: string]: unknown };
}

/** Reads SSE messages until `enough` says so; the connection is closed then. */
async function readStream(app: FastifyInstance, query: string, headers: Record<string, string>, enough: (messages: Message[]) => boolean): Promise<Message[]> {
  const { port } = app.server.address() as AddressInfo;
  const controller = new AbortController();
  const response = await fetch(`http://127.0.0.1:${port}/spine/v1/stream${query}`, { headers, signal: controller.signal });
  expect(response.headers.get('content-type')).toBe('text/event-stream');
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const messages: Message[] = [];
  let buffered = '';
  const deadline = Date.now() + 20_000;
  while (!enough(messages)) {
    if (Date.now() > deadline) throw new Error(`stream: ${messages.length} messages and still waiting`);
    const { value, done } = await reader.read();
    if (done) break;
    buffered += value;
    let end: number;
    while ((end = buffered.indexOf('\n\n')) >= 0) {
      const frame = buffered.slice(0, end);
      buffered = buffered.slice(end + 2);
      const field = (name: string) => frame.split('\n').find((line) => line.startsWith(`${name}: `))?.slice(name.length + 2);
      if (field('event')) messages.push({ id: field('id')!, event: field('event')!, data: JSON.parse(field('data')!) });
    }
  }
  controller.abort();
  return messages;
}

const listening = async (): Promise<FastifyInstance> => {
  const app = await demoApp();
  await app.listen({ port: 0, host: '127.0.0.1' });
  return app;
};

const seqs = (messages: Message[], event: string) => messages.filter((m) => m.event === event).map((m) => m.data.seq);

describe('the activity stream', () => {
  it("sends a journey's exchanges and events as they commit, and resumes after the Last-Event-ID it is given, with nothing lost", async () => {
    const app = await listening();
    const live = readStream(app, '', {}, (messages) => messages.some((m) => m.event === 'event' && m.data.eventType === 'UsageCreateEvent'));
    // Once the stream is open: it starts with what happens next.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const report = await runScenario(app, 'gpon-ftth');
    const messages = await live;
    expect(seqs(messages, 'exchange')).toEqual(report.exchanges.map((x: { seq: number }) => x.seq));
    expect(seqs(messages, 'event')).toEqual(report.events.map((e: { seq: number }) => e.seq));
    expect(messages.filter((m) => m.event === 'transition').length).toBeGreaterThan(0);

    // Reconnecting after the 40th message: everything after it comes again, nothing before it does.
    const cut = messages[39]!;
    const rest = messages.slice(40).filter((m) => m.event !== 'transition');
    const resumed = await readStream(app, '', { 'last-event-id': cut.id }, (got) => got.filter((m) => m.event === 'event').length >= rest.filter((m) => m.event === 'event').length);
    const [eventSeq, exchangeSeq] = cut.id.split('.').map(Number) as [number, number];
    expect(seqs(resumed, 'exchange')).toEqual(seqs(messages, 'exchange').filter((seq) => seq > exchangeSeq));
    expect(seqs(resumed, 'event')).toEqual(seqs(messages, 'event').filter((seq) => seq > eventSeq));
  });

  // A client that reconnected to a server whose database was replaced waited, silently, for the
  // new log to grow past its old Last-Event-ID.
  it('sends a client reconnecting with a Last-Event-ID past the end a reset, then the log from its start', async () => {
    const app = await listening();
    await runScenario(app, 'gpon-ftth');
    const exchanges = (await app.spine.ctx.store.listExchanges({})).map((x) => x.seq);
    const events = (await app.spine.ctx.store.listEvents({})).map((e) => e.seq);
    const messages = await readStream(app, '', { 'last-event-id': '900000.900000' }, (got) => seqs(got, 'event').length >= events.length && seqs(got, 'exchange').length >= exchanges.length);
    expect(messages[0]).toMatchObject({ id: '0.0', event: 'reset', data: { lastEventId: '900000.900000', reason: expect.stringContaining('database was replaced') } });
    expect(seqs(messages, 'exchange')).toEqual(exchanges);
    expect(seqs(messages, 'event')).toEqual(events);
  });

  it('replays the whole log from ?since=0.0 in order, however long it is', async () => {
    const app = await listening();
    await runScenario(app, 'gpon-ftth');
    // More than a page (500) of each: a log a stream reads in pages.
    const store = app.spine.ctx.store;
    await store.transaction(async (tx) => {
      for (let i = 0; i < 600; i++) {
        const at = new Date(Date.UTC(2026, 10, 26, 11, 0, 0, i)).toISOString();
        await tx.appendExchange({ runId: null, step: null, correlationId: 'replay', from: 'channel', to: 'com', api: 'TMF622', method: 'GET', path: `/replay/${i}`, request: null, response: { i }, status: 200, startedAt: at, endedAt: at, events: [] });
        await tx.appendEvent({ eventId: `replay-${i}`, eventType: 'ProductOrderAttributeValueChangeEvent', api: 'TMF622', resource: 'productOrder', resourceId: `po-${i}`, correlationId: 'replay', eventTime: at, envelope: { eventId: `replay-${i}`, eventType: 'ProductOrderAttributeValueChangeEvent', eventTime: at, event: { productOrder: { id: `po-${i}` } } } });
      }
    });
    const exchanges = await store.listExchanges({});
    const events = await store.listEvents({});
    const replay = await readStream(app, '?since=0.0', {}, (got) => seqs(got, 'event').length === events.length && seqs(got, 'exchange').length === exchanges.length);
    expect(seqs(replay, 'exchange')).toEqual(exchanges.map((x) => x.seq));
    expect(seqs(replay, 'event')).toEqual(events.map((e) => e.seq));
  });
});

describe('the activity stream asked badly', () => {
  // HEAD never answered: the poll loop ran for it, and node sends a HEAD's headers only with its end.
  it('answers HEAD with the headers alone, at once, leaving nothing polling', async () => {
    const app = await listening();
    const { port } = app.server.address() as AddressInfo;
    const polls = vi.spyOn(app.spine.ctx.store, 'listExchanges');
    const response = await fetch(`http://127.0.0.1:${port}/spine/v1/stream`, { method: 'HEAD', signal: AbortSignal.timeout(2_000) });
    expect([response.status, response.headers.get('content-type')]).toEqual([200, 'text/event-stream']);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(polls).not.toHaveBeenCalled();
  });

  // A resume point the stream never emitted started it live: the client silently missed what it asked for.
  it.each([
    ['?since=garbage', {}, 'since "garbage"'],
    ['?since=-1', {}, 'since "-1"'],
    ['?since=', {}, 'since ""'],
    ['?since=12', {}, 'since "12"'],
    ['?since=1.2.3', {}, 'since "1.2.3"'],
    ['', { 'last-event-id': 'garbage' }, 'Last-Event-ID "garbage"'],
    ['?since=0.0', { 'last-event-id': '-1' }, 'Last-Event-ID "-1"'],
  ])('refuses %s %j with a 400 naming it', async (query, headers, mentions) => {
    const app = await build();
    const response = await app.inject({ method: 'GET', url: `/spine/v1/stream${query}`, headers });
    expect([response.statusCode, response.json().code]).toEqual([400, 'last-event-id' in headers ? 'SPN-400-INVALID-HEADER' : 'SPN-400-INVALID-QUERY']);
    expect(response.json().message).toContain(`${mentions} is not a message id of the stream`);
  }, 5_000); // a stream started instead would never end the request

  it('refuses ?since= past the last message with a 400 naming both', async () => {
    const app = await build();
    const latest = await app.spine.ctx.store.latestActivity();
    const response = await app.inject({ method: 'GET', url: `/spine/v1/stream?since=${latest.eventSeq + 1}.0` });
    expect([response.statusCode, response.json().code]).toEqual([400, 'SPN-400-INVALID-QUERY']);
    expect(response.json().message).toContain(`since ${latest.eventSeq + 1}.0 is past the last message of the stream, ${latest.eventSeq}.${latest.exchangeSeq}`);
  }, 5_000);
});
