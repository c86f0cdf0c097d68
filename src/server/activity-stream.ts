import type { FastifyReply, FastifyRequest } from 'fastify';
import { createTransitionTracker } from '../orchestrator/transitions.js';
import type { Store } from '../store/port.js';

const POLL_MS = 100;
const HEARTBEAT_MS = 15_000;

/**
 * GET /spine/v1/stream: exchanges, events and transitions as Server-Sent Events, in commit order.
 * Each message id is `<eventSeq>.<exchangeSeq>`; a client reconnecting with Last-Event-ID (or
 * `?since=`) resumes after it. Without one the stream starts with what happens next; `?since=0.0`
 * replays everything.
 */
export async function streamActivity(store: Store, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const resume = String(request.headers['last-event-id'] ?? (request.query as { since?: string }).since ?? '');
  let { eventSeq, exchangeSeq } = /^\d+\.\d+$/.test(resume)
    ? { eventSeq: Number(resume.split('.')[0]), exchangeSeq: Number(resume.split('.')[1]) }
    : await store.latestActivity();
  const track = createTransitionTracker();

  reply.hijack();
  reply.raw.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  reply.raw.write(': spine activity stream\n\n');
  const send = (type: string, data: unknown) =>
    reply.raw.write(`id: ${eventSeq}.${exchangeSeq}\nevent: ${type}\ndata: ${JSON.stringify(data)}\n\n`);

  let closed = false;
  request.raw.on('close', () => {
    closed = true;
  });
  let lastWrite = Date.now();
  while (!closed) {
    const [exchanges, events] = await Promise.all([store.listExchanges({ afterSeq: exchangeSeq }), store.listEvents({ afterSeq: eventSeq })]);
    for (const exchange of exchanges) {
      exchangeSeq = exchange.seq;
      send('exchange', exchange);
    }
    for (const event of events) {
      eventSeq = event.seq;
      send('event', { seq: event.seq, api: event.api, resource: event.resource, resourceId: event.resourceId, ...event.envelope });
      for (const transition of track(event)) send('transition', transition);
    }
    if (exchanges.length || events.length) lastWrite = Date.now();
    else if (Date.now() - lastWrite > HEARTBEAT_MS) {
      reply.raw.write(': heartbeat\n\n');
      lastWrite = Date.now();
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
