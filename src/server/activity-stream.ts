import type { FastifyReply, FastifyRequest } from 'fastify';
import { createTransitionTracker } from '../orchestrator/transitions.js';
import type { Store } from '../store/port.js';
import { TmfError } from '../tmf/errors.js';
import { singleParam } from './query-params.js';

const POLL_MS = 100;
const HEARTBEAT_MS = 15_000;
// Read at most this many exchanges and events at a time: a replay of a large database is sent in
// pages, each once the client has taken the last.
const PAGE = 500;
// The entities whose last states a stream remembers to show transitions from: the last few hundred journeys'.
const ENTITIES_TRACKED = 10_000;
// A message id, `<eventSeq>.<exchangeSeq>`; each within Number's exact integers.
const MESSAGE_ID = /^(\d{1,15})\.(\d{1,15})$/;

interface Cursor {
  eventSeq: number;
  exchangeSeq: number;
}

/**
 * GET /spine/v1/stream: exchanges, events and transitions as Server-Sent Events, in commit order.
 * Each message id is `<eventSeq>.<exchangeSeq>`; a client reconnecting with Last-Event-ID (or
 * `?since=`) resumes after it. Without one the stream starts with what happens next; `?since=0.0`
 * replays everything. A Last-Event-ID past the end gets a `reset` message and the log from its start.
 */
export async function streamActivity(store: Store, request: FastifyRequest, reply: FastifyReply, closing: AbortSignal): Promise<void> {
  const latest = await store.latestActivity();
  const resume = resumePoint(request);
  // A resume point past the end names a message of another log (the database was replaced since):
  // asked for, it is an error; a reconnecting client is sent this log from its start, after a reset.
  const beyond = resume && (resume.cursor.eventSeq > latest.eventSeq || resume.cursor.exchangeSeq > latest.exchangeSeq);
  if (beyond && resume.from === 'since') {
    throw new TmfError('INVALID_QUERY', `since ${idOf(resume.cursor)} is past the last message of the stream, ${idOf(latest)}: use a message id the stream sent, or 0.0 to replay everything`);
  }
  let { eventSeq, exchangeSeq } = beyond ? { eventSeq: 0, exchangeSeq: 0 } : (resume?.cursor ?? latest);
  const track = createTransitionTracker({ entitiesKept: ENTITIES_TRACKED });

  reply.hijack();
  reply.raw.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  // The headers are all a HEAD gets: no poll loop may be left running for it until its client leaves.
  if (request.method === 'HEAD') return void reply.raw.end();
  reply.raw.write(': spine activity stream\n\n');
  const send = (type: string, data: unknown) =>
    reply.raw.write(`id: ${eventSeq}.${exchangeSeq}\nevent: ${type}\ndata: ${JSON.stringify(data)}\n\n`);
  if (beyond) send('reset', { lastEventId: idOf(resume.cursor), latest: idOf(latest), reason: 'the stream no longer holds that message (the database was replaced); what follows is its log from the start' });

  let closed = false;
  request.raw.on('close', () => {
    closed = true;
  });
  // The server is shutting down: the stream ends, or its client would hold the shutdown open for ever.
  const end = () => {
    closed = true;
    reply.raw.end();
  };
  if (closing.aborted) end();
  else closing.addEventListener('abort', end, { once: true });
  request.raw.once('close', () => closing.removeEventListener('abort', end));
  let lastWrite = Date.now();
  // The client's pace: whatever it has not read yet waits in the socket, not in this process.
  const taken = () =>
    reply.raw.writableNeedDrain && !closed
      ? new Promise<void>((resolve) => {
          const done = () => {
            reply.raw.off('drain', done);
            request.raw.off('close', done);
            resolve();
          };
          reply.raw.on('drain', done);
          request.raw.on('close', done);
        })
      : undefined;
  while (!closed) {
    const [exchanges, events] = await Promise.all([store.listExchanges({ afterSeq: exchangeSeq, limit: PAGE }), store.listEvents({ afterSeq: eventSeq, limit: PAGE })]);
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
    await taken();
    const more = exchanges.length === PAGE || events.length === PAGE;
    await new Promise((resolve) => (more ? setImmediate(resolve) : setTimeout(resolve, POLL_MS)));
  }
}

/**
 * Where a reconnecting client resumes: after its Last-Event-ID, else after `?since=`; undefined to
 * start live. A value that is no message id is refused: ignored, it would start the stream live and
 * the client would silently miss what it asked to be sent again.
 */
function resumePoint(request: FastifyRequest): { cursor: Cursor; from: 'Last-Event-ID' | 'since' } | undefined {
  const header = request.headers['last-event-id'];
  const since = singleParam('since', (request.query as { since?: string | string[] }).since);
  // An empty Last-Event-ID names no message (an EventSource does not send one).
  const fromHeader = header ? cursorOf(String(header), 'Last-Event-ID', 'INVALID_HEADER') : undefined;
  const fromQuery = since === undefined ? undefined : cursorOf(since, 'since', 'INVALID_QUERY');
  if (fromHeader) return { cursor: fromHeader, from: 'Last-Event-ID' };
  return fromQuery && { cursor: fromQuery, from: 'since' };
}

const idOf = ({ eventSeq, exchangeSeq }: Cursor) => `${eventSeq}.${exchangeSeq}`;

function cursorOf(value: string, name: string, kind: 'INVALID_HEADER' | 'INVALID_QUERY'): Cursor {
  const match = MESSAGE_ID.exec(value);
  if (!match) throw new TmfError(kind, `${name} "${value.slice(0, 40)}" is not a message id of the stream: <eventSeq>.<exchangeSeq>, e.g. 0.0 to replay everything`);
  return { eventSeq: Number(match[1]), exchangeSeq: Number(match[2]) };
}
