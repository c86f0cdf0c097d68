// `npm run bench`: Spine's throughput as a ratio of ceilings measured in the same run on the same
// machine, so the numbers mean something on any hardware. Loopback only, bounded in time.
// BENCH_SECONDS (default 5): each measure's time budget. BENCH_JOURNEYS (default 200): most journeys per K.
// BENCH_ONLY=journeys skips the HTTP measures. BENCH_HISTORY (default 1000; 0 skips): journeys run after the
// measures, untimed, before the largest K is measured again on the grown database; BENCH_CUSTOMER_BASE
// (default 10000; 0 skips): premises (an address and a drop each) added to it first (bench/customer-base.ts).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import SQLite from 'better-sqlite3';
import { buildApp } from '../src/server/app.js';
import { openStore } from '../src/store/open-store.js';
import { journeyBench } from './journeys.js';

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 5);
const MAX_JOURNEYS = Number(process.env.BENCH_JOURNEYS ?? 200);
const ONLY = process.env.BENCH_ONLY;
const HISTORY = Number(process.env.BENCH_HISTORY ?? 1000);
const CUSTOMER_BASE = Number(process.env.BENCH_CUSTOMER_BASE ?? 10_000);
const CONNECTIONS = 10;
const ORDER = JSON.stringify({ productOrderItem: [{ id: '1', action: 'add', productOffering: { id: 'po-gpon-ftth-001' } }] });

interface Measure {
  name: string;
  perSecond: number;
}

async function load(url: string, options: { method?: 'GET' | 'POST'; body?: string } = {}): Promise<number> {
  const result = await autocannon({
    url,
    method: options.method ?? 'GET',
    body: options.body,
    headers: options.body ? { 'content-type': 'application/json' } : undefined,
    connections: CONNECTIONS,
    duration: DURATION_S,
  });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return result.requests.average;
}

/** Ceiling 1: the cheapest possible HTTP JSON response from node:http on this machine. */
async function bareHttp(): Promise<Measure> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"hello":"world"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const perSecond = await load(`http://127.0.0.1:${port}/`);
  server.close();
  return { name: 'bare node:http JSON route (ceiling)', perSecond };
}

/** Ceiling 2: raw better-sqlite3 inserts of a JSON document plus an outbox row, one transaction each. */
function rawSqliteWrites(dir: string): Measure {
  const db = new SQLite(join(dir, 'raw.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('create table doc (id text primary key, body text); create table outbox (seq integer primary key, body text)');
  const insertDoc = db.prepare('insert into doc values (?, ?)');
  const insertEvent = db.prepare('insert into outbox (body) values (?)');
  const write = db.transaction((i: number) => {
    insertDoc.run(`d-${i}`, ORDER);
    insertEvent.run(ORDER);
  });
  const started = performance.now();
  let i = 0;
  while (performance.now() - started < DURATION_S * 1000) write(i++);
  const perSecond = i / ((performance.now() - started) / 1000);
  db.close();
  return { name: 'raw SQLite doc + outbox insert (ceiling)', perSecond };
}

async function spine(dir: string): Promise<Measure[]> {
  const store = await openStore(join(dir, 'spine.db'));
  const app = await buildApp({ store, baseUrl: 'http://127.0.0.1' });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}/tmf-api/productOrderingManagement/v4/productOrder`;
  const created = await load(base, { method: 'POST', body: ORDER });
  const first = (await (await fetch(`${base}?limit=1`)).json()) as Array<{ id: string }>;
  const read = await load(`${base}/${first[0]!.id}`);
  await app.close();
  await store.close();
  return [
    { name: 'Spine POST productOrder (validate, id, store, event)', perSecond: created },
    { name: 'Spine GET productOrder/{id}', perSecond: read },
  ];
}

const dir = mkdtempSync(join(tmpdir(), 'spine-bench-'));
try {
  process.stdout.write(`Spine bench: ${DURATION_S}s per measure, ${CONNECTIONS} connections, loopback only; node ${process.version}, ${availableParallelism()} CPUs\n`);
  if (ONLY !== 'journeys') await httpBench();
  await journeyBench(dir, { budgetMs: DURATION_S * 1000, maxJourneys: MAX_JOURNEYS, concurrency: [1, 16], accountJourneys: 4, history: HISTORY, customerBase: CUSTOMER_BASE });
} finally {
  rmSync(dir, { recursive: true, force: true });
}

async function httpBench(): Promise<void> {
  const http = await bareHttp();
  const sqlite = rawSqliteWrites(dir);
  const [create, read] = await spine(dir);
  const rows: Array<[Measure, Measure | undefined]> = [
    [http, undefined],
    [sqlite, undefined],
    [create!, sqlite],
    [create!, http],
    [read!, http],
  ];
  for (const [measure, ceiling] of rows) {
    const ratio = ceiling ? `  = ${(measure.perSecond / ceiling.perSecond).toFixed(3)} × ${ceiling.name.replace(' (ceiling)', '')}` : '';
    process.stdout.write(`${measure.name.padEnd(56)} ${Math.round(measure.perSecond).toString().padStart(8)}/s${ratio}\n`);
  }
}
