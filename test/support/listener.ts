import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach } from 'vitest';

export interface Received {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: any;
}

export interface Listener {
  url: string;
  received: Received[];
  /** Calls answered with a 5xx so far (when told to fail). */
  failures: number;
  /** The most calls it was holding unanswered at one time. */
  maxConcurrent: number;
  waitFor(count: number, timeoutMs?: number): Promise<Received[]>;
  close(): Promise<void>;
}

const open: Server[] = [];
// Connections are cut first: a held request would keep the server from closing.
const shut = (server: Server) => new Promise<void>((resolve) => {
  server.closeAllConnections();
  server.close(() => resolve());
});
afterEach(async () => {
  await Promise.all(open.splice(0).map(shut));
});

/**
 * A real HTTP listener on loopback that records every event POSTed to it; fails the first `failFirst`
 * calls; with `hang`, records each call and never answers it (a listener that has stopped responding);
 * with `answerAfterMs`, takes that long to answer each call.
 */
export async function startListener(options: { failFirst?: number; port?: number; hang?: boolean; answerAfterMs?: number } = {}): Promise<Listener> {
  const received: Received[] = [];
  const state = { failures: 0, concurrent: 0, maxConcurrent: 0 };
  const server = createServer((request, response) => {
    state.maxConcurrent = Math.max(state.maxConcurrent, ++state.concurrent);
    response.on('close', () => state.concurrent--);
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      if (state.failures < (options.failFirst ?? 0)) {
        state.failures++;
        response.writeHead(503).end();
        return;
      }
      received.push({ path: request.url ?? '', headers: request.headers, body: JSON.parse(body) });
      if (!options.hang) setTimeout(() => response.writeHead(201).end(), options.answerAfterMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  open.push(server);
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/callback`,
    received,
    get failures() {
      return state.failures;
    },
    get maxConcurrent() {
      return state.maxConcurrent;
    },
    async waitFor(count, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error(`listener got ${received.length} of ${count} events`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return received;
    },
    close: () => shut(server),
  };
}
