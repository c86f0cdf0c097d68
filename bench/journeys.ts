// The journey bench: N real GPON FTTH journeys run in-process by the durable runner on a fresh file
// database, as journeys/s and start → terminal latency, and the same-run ceiling of raw SQLite
// writing the same rows (count and size) in transactions of the same shape.
//
// How N journeys complete on a network with room for a few: each premises' drop is held by a journey
// from its reservation on, so journeys run in waves of K (one premises each: the demo's two plus the
// bench premises of bench/network.ts) and, after each wave, the bench gives the resources back through
// the TMF APIs (TMF702 activations locked, TMF685 reservation cancelled). Only waves are timed; the
// release is not part of any measure (its cost is reported on its own).
//
// The installation calendar (2 crews, 2 shifts a weekday) is the other finite resource: a completed
// appointment keeps its slot. The app's clock is the wall clock plus an offset that the bench moves
// one day ahead per journey between waves (untimed), as if the journeys were spread over time.
// Within a wave it runs at real speed, so latencies are real.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { OfferingIds } from '../src/catalog/index.js';
import { tmfPath } from '../src/orchestrator/tmf-caller.js';
import { gponProvision } from '../src/orchestrator/flows/gpon-provision.js';
import { DemoAddressIds } from '../src/scenarios/demo-data/addresses.js';
import { loadDataset } from '../src/scenarios/demo-dataset.js';
import { buildApp } from '../src/server/app.js';
import { openStore } from '../src/store/open-store.js';
import type { Doc, RunRecord, Store } from '../src/store/port.js';
import { systemSources } from '../src/tmf/sources.js';
import { growCustomerBase } from './customer-base.js';
import { benchDataset, benchNetwork, benchOntIds, benchPremises } from './network.js';

export const SCENARIO = 'gpon-ftth';

/** One journey's input; each occupies one premises until released. */
export type JourneyInput = { customerId: string; offeringId: string; addressId: string };

/** The premises journeys can run at concurrently: the demo's two that qualify, then the bench's. */
export function journeySlots(): JourneyInput[] {
  const residential = ['cust-56789', 'cust-56790', 'cust-56791', 'cust-56793'];
  return [
    { customerId: 'cust-56789', offeringId: OfferingIds.gponResidential, addressId: DemoAddressIds.janeSmith },
    { customerId: 'cust-56792', offeringId: OfferingIds.gponBusiness, addressId: DemoAddressIds.enterprise },
    ...benchPremises.map((p, i) => ({ customerId: residential[i % residential.length]!, offeringId: OfferingIds.gponResidential, addressId: p.addressId })),
  ];
}

export interface JourneyApp {
  app: FastifyInstance;
  store: Store;
  dbPath: string;
  /** The app's clock in ms: the wall clock plus the bench's offset. */
  now(): number;
  /** Moves the app's clock ahead, between waves. */
  advanceDays(days: number): void;
  close(): Promise<void>;
}

/** A fresh file database, the whole app (runner and relay started), the demo dataset and the bench premises. */
export async function openJourneyApp(dir: string): Promise<JourneyApp> {
  const dbPath = join(dir, 'journeys.db');
  const store = await openStore(dbPath);
  let offsetMs = 0;
  const now = () => Date.now() + offsetMs;
  const app = await buildApp({ store, baseUrl: 'http://127.0.0.1', now: () => new Date(now()), network: benchNetwork });
  await app.ready();
  await loadDataset(app.spine.ctx, benchDataset);
  return {
    app,
    store,
    dbPath,
    now,
    advanceDays(days) {
      offsetMs += days * 86_400_000;
    },
    async close() {
      await app.close();
      await store.close();
    },
  };
}

export interface JourneyResult {
  run: RunRecord;
  latencyMs: number;
}

export interface Wave {
  wallMs: number;
  results: JourneyResult[];
}

const WAVE_TIMEOUT_MS = 60_000;
// The runner's worker does not yield between steps, so the first polls cost nothing; a journey
// waiting for a retry (backoff) is polled every millisecond instead of spinning.
const pause = (polls: number) => new Promise<void>((resolve) => (polls < 1000 ? setImmediate(resolve) : setTimeout(resolve, 1)));

/**
 * Starts one journey per input at once and waits until every one is terminal (polling the store).
 * Latency is start (just before startRun) to the run's terminal updatedAt, both on the wall clock.
 */
export async function runWave({ app, store, now }: JourneyApp, inputs: readonly JourneyInput[]): Promise<Wave> {
  const began = performance.now();
  const started = await Promise.all(
    inputs.map(async (input) => {
      const at = now();
      return { at, run: await app.spine.runner.startRun(SCENARIO, { ...input }) };
    }),
  );
  const pending = new Map(started.map((s) => [s.run.id, s]));
  const results: JourneyResult[] = [];
  for (let polls = 0; pending.size; polls++) {
    if (performance.now() - began > WAVE_TIMEOUT_MS) throw new Error(`${pending.size} journeys still running after ${WAVE_TIMEOUT_MS} ms: ${[...pending.keys()].join(', ')}`);
    for (const [id, { at }] of pending) {
      const run = await store.getRun(id);
      if (run && run.status !== 'running') {
        results.push({ run, latencyMs: Date.parse(run.updatedAt) - at });
        pending.delete(id);
      }
    }
    if (pending.size) await pause(polls);
  }
  return { wallMs: performance.now() - began, results };
}

async function patch(app: FastifyInstance, path: string, body: Doc): Promise<void> {
  const response = await app.inject({ method: 'PATCH', url: path, payload: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
  if (response.statusCode !== 200) throw new Error(`PATCH ${path}: ${response.statusCode} ${response.body}`);
}

/**
 * Gives a journey's resources back through the APIs, as an operator ceasing the service would:
 * each TMF702 activation locked (taken off the network), then the TMF685 reservation cancelled.
 * A journey that failed before reserving holds nothing.
 */
export async function releaseRun(app: FastifyInstance, run: RunRecord): Promise<void> {
  const context = run.context as { activations?: Record<string, string>; reservationId?: string };
  for (const id of Object.values(context.activations ?? {}).reverse()) await patch(app, tmfPath('TMF702', 'resource', id), { administrativeState: 'locked' });
  if (context.reservationId) await patch(app, tmfPath('TMF685', 'reservation', context.reservationId), { state: 'cancelled' });
}

/** After a wave, untimed: its resources back, the clock a day ahead per journey (fresh installation slots). */
export async function settleWave(spine: JourneyApp, wave: Wave): Promise<void> {
  for (const { run } of wave.results) await releaseRun(spine.app, run);
  spine.advanceDays(wave.results.length);
}

/** Latency quantile (nearest rank) of sorted values. */
export function quantile(sorted: readonly number[], q: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export interface Measured {
  k: number;
  waves: number;
  completed: number;
  failed: number;
  failures: Map<string, number>;
  measuredMs: number;
  latencies: number[];
  releaseMs: number;
  /** CPU time of the process (every thread) while the waves ran, in ms. */
  cpuMs: number;
}

/**
 * Waves of K journeys until `budgetMs` of measured (wave) time or `maxJourneys` journeys; after each
 * wave the resources are released, untimed. Failed journeys are counted apart, by error.
 */
export async function measureJourneys(spine: JourneyApp, k: number, budgetMs: number, maxJourneys: number, slots = journeySlots()): Promise<Measured> {
  if (k > slots.length) throw new Error(`K=${k}: only ${slots.length} premises can hold a journey at once`);
  const out = emptyMeasure(k);
  let next = 0;
  while (out.measuredMs < budgetMs && out.completed + out.failed + k <= maxJourneys) {
    const inputs = Array.from({ length: k }, () => slots[next++ % slots.length]!);
    const cpuBefore = process.cpuUsage();
    const wave = await runWave(spine, inputs);
    const cpu = process.cpuUsage(cpuBefore);
    out.cpuMs += (cpu.user + cpu.system) / 1000;
    out.waves++;
    out.measuredMs += wave.wallMs;
    for (const { run, latencyMs } of wave.results) {
      if (run.status === 'completed') {
        out.completed++;
        out.latencies.push(latencyMs);
      } else {
        out.failed++;
        const key = `${run.status}: ${run.error ?? '?'}`;
        out.failures.set(key, (out.failures.get(key) ?? 0) + 1);
      }
    }
    const releaseStarted = performance.now();
    await settleWave(spine, wave);
    out.releaseMs += performance.now() - releaseStarted;
  }
  out.latencies.sort((a, b) => a - b);
  return out;
}

// ---------------------------------------------------------------------------------------------------
// What a journey writes: every write statement on the store's connection, by table, and the shape of
// its transactions (rows and bytes each), observed by wrapping better-sqlite3's Statement methods
// while a wave runs. Bytes are the bound values' sizes (text as UTF-8, numbers 8).

export interface WriteLog {
  /** Rows written per transaction, each row as its bytes, in commit order. */
  transactions: number[][];
  rolledBack: number;
  /** Per table: rows inserted, rows updated (or upserted onto an existing row), rows deleted, bytes bound. */
  tables: Map<string, { inserted: number; updated: number; deleted: number; bytes: number }>;
  /** Statements executed per SQL text (reads and writes), for the profile. */
  statements: Map<string, number>;
}

type StatementProto = { run: (...args: unknown[]) => { changes: number }; all: (...args: unknown[]) => unknown[]; get: (...args: unknown[]) => unknown; source: string };

function boundBytes(args: unknown[]): number {
  let bytes = 0;
  const add = (value: unknown) => {
    if (typeof value === 'string') bytes += Buffer.byteLength(value);
    else if (typeof value === 'number' || typeof value === 'bigint') bytes += 8;
    else if (Buffer.isBuffer(value)) bytes += value.length;
    else if (Array.isArray(value)) value.forEach(add);
    else if (value && typeof value === 'object') Object.values(value).forEach(add);
  };
  args.forEach(add);
  return bytes;
}

function writeTarget(sql: string): { verb: string; table: string } | undefined {
  const verb = /^\s*(insert|update|delete|replace)\b/i.exec(sql)?.[1]?.toLowerCase();
  if (!verb) return undefined;
  const table = (verb === 'update' ? /^\s*update\s+"?(\w+)"?/i : verb === 'delete' ? /\bfrom\s+"?(\w+)"?/i : /\binto\s+"?(\w+)"?/i).exec(sql)?.[1];
  return table ? { verb, table } : undefined;
}

function emptyLog(): WriteLog {
  return { transactions: [], rolledBack: 0, tables: new Map(), statements: new Map() };
}

/** Starts logging; the returned function stops and restores the originals. */
export function logWrites(): { log: WriteLog; stop: () => void } {
  const probe = new SQLite(':memory:');
  const proto = Object.getPrototypeOf(probe.prepare('select 1')) as StatementProto;
  probe.close();
  const original = { run: proto.run, all: proto.all, get: proto.get };
  const log = emptyLog();
  let current: number[] | undefined;
  const record = (sql: string, args: unknown[], rows: number, upsert: boolean) => {
    log.statements.set(sql, (log.statements.get(sql) ?? 0) + 1);
    const head = sql.trimStart().slice(0, 8).toLowerCase();
    if (head.startsWith('begin')) current = [];
    else if (head.startsWith('commit')) {
      if (current?.length) log.transactions.push(current);
      current = undefined;
    } else if (head.startsWith('rollback')) {
      log.rolledBack++;
      current = undefined;
    }
    const target = writeTarget(sql);
    if (!target || rows === 0) return;
    const bytes = boundBytes(args);
    const stats = log.tables.get(target.table) ?? { inserted: 0, updated: 0, deleted: 0, bytes: 0 };
    if (target.verb === 'update' || upsert) stats.updated += rows;
    else if (target.verb === 'delete') stats.deleted += rows;
    else stats.inserted += rows;
    stats.bytes += bytes;
    log.tables.set(target.table, stats);
    const perRow = Array.from({ length: rows }, () => Math.round(bytes / rows));
    if (current) current.push(...perRow);
    else log.transactions.push(perRow); // autocommit: a transaction of its own
  };
  proto.run = function (this: StatementProto, ...args: unknown[]) {
    const info = original.run.apply(this, args);
    record(this.source, args, info.changes, false);
    return info;
  };
  proto.all = function (this: StatementProto, ...args: unknown[]) {
    const rows = original.all.apply(this, args);
    // A write with RETURNING is a reader: each returned row is a row written. An upsert (id_sequence)
    // returns the row it inserted or updated; it counts as an update, as it almost always is.
    const target = writeTarget(this.source);
    record(this.source, args, target ? rows.length : 0, !!target && /on conflict[\s\S]*do update/i.test(this.source));
    return rows;
  };
  proto.get = function (this: StatementProto, ...args: unknown[]) {
    const row = original.get.apply(this, args);
    record(this.source, args, 0, false);
    return row;
  };
  return {
    log,
    stop() {
      Object.assign(proto, original);
    },
  };
}

/** Rows and text bytes of every table, read on a connection of the bench's own. */
export function tableSizes(db: SQLite.Database): Map<string, { rows: number; bytes: number }> {
  const tables = db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%'").pluck().all() as string[];
  const sizes = new Map<string, { rows: number; bytes: number }>();
  for (const table of tables) {
    const columns = (db.prepare(`select name from pragma_table_info('${table}')`).pluck().all() as string[]).map((c) => `coalesce(length("${c}"), 0)`);
    const row = db.prepare(`select count(*) as rows, coalesce(sum(${columns.join(' + ')}), 0) as bytes from "${table}"`).get() as { rows: number; bytes: number };
    sizes.set(table, row);
  }
  return sizes;
}

/** Frames (pages) in the WAL now; with auto-checkpoints off since a TRUNCATE, the pages written since. */
function walFrames(db: SQLite.Database): number {
  const [result] = db.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
  return result!.log;
}

export interface Accounting {
  journeys: number;
  log: WriteLog;
  /** Table rows and bytes added, summed over the accounted waves. */
  added: Map<string, { rows: number; bytes: number }>;
}

/**
 * Runs `journeys` journeys one at a time with writes logged and tables counted
 * around each; releases untimed and unlogged.
 */
export async function accountJourneys(spine: JourneyApp, journeys: number, slots = journeySlots()): Promise<Accounting> {
  const added = new Map<string, { rows: number; bytes: number }>();
  const log = emptyLog();
  const aux = new SQLite(spine.dbPath, { fileMustExist: true });
  let completed = 0;
  try {
    for (let i = 0; i < journeys; i++) {
      const before = tableSizes(aux);
      const logging = logWrites();
      const wave = await runWave(spine, [slots[i % slots.length]!]);
      logging.stop();
      merge(log, logging.log);
      const after = tableSizes(aux);
      for (const [table, size] of after) {
        const was = before.get(table) ?? { rows: 0, bytes: 0 };
        const sum = added.get(table) ?? { rows: 0, bytes: 0 };
        added.set(table, { rows: sum.rows + size.rows - was.rows, bytes: sum.bytes + size.bytes - was.bytes });
      }
      for (const { run } of wave.results) {
        if (run.status !== 'completed') throw new Error(`accounting journey ${run.id} ${run.status}: ${run.error}`);
        completed++;
      }
      await settleWave(spine, wave);
    }
    return { journeys: completed, log, added };
  } finally {
    aux.close();
  }
}

function merge(into: WriteLog, from: WriteLog): void {
  into.transactions.push(...from.transactions);
  into.rolledBack += from.rolledBack;
  for (const [table, s] of from.tables) {
    const t = into.tables.get(table) ?? { inserted: 0, updated: 0, deleted: 0, bytes: 0 };
    into.tables.set(table, { inserted: t.inserted + s.inserted, updated: t.updated + s.updated, deleted: t.deleted + s.deleted, bytes: t.bytes + s.bytes });
  }
  for (const [sql, n] of from.statements) into.statements.set(sql, (into.statements.get(sql) ?? 0) + n);
}

// ---------------------------------------------------------------------------------------------------
// The same-run storage ceiling: raw better-sqlite3 replaying the logged transactions, each row an
// insert of JSON text of the logged size with one secondary index, same pragmas. The target's ceiling
// has random keys, as the target defines it; the same replay with time-ordered keys, as Spine mints
// them, shows what storage alone would allow.

export interface Ceiling {
  /** WAL frames one replay of the logged journeys writes, per journey, on the filled table. */
  walFramesPerJourney: number;
  journeysPerSecond: number;
  rowsPerSecond: number;
  transactionsPerSecond: number;
  bytesPerRow: number;
}

const CeilingKeys = { random: randomUUID, timeOrdered: systemSources().uuid } as const;

export function rawCeiling(dir: string, accounting: Accounting, budgetMs: number, keys: keyof typeof CeilingKeys): Ceiling {
  const db = new SQLite(join(dir, `ceiling-${keys}.db`));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('create table row (id text primary key, journey text not null, body text not null); create index row_by_journey on row (journey)');
  const insert = db.prepare('insert into row (id, journey, body) values (?, ?, ?)');
  const uuid = CeilingKeys[keys];
  const keyBytes = uuid().length + `journey-${uuid()}`.length;
  const bodies = new Map<number, string>();
  const body = (bytes: number) => {
    const size = Math.max(16, bytes - keyBytes);
    let text = bodies.get(size);
    if (!text) {
      text = JSON.stringify({ pad: 'x'.repeat(size - 10) });
      bodies.set(size, text);
    }
    return text;
  };
  const shapes = accounting.log.transactions.map((rows) => rows.map(body));
  const write = db.transaction((rows: string[], journey: string) => {
    for (const text of rows) insert.run(uuid(), journey, text);
  });
  const rowsPerReplay = shapes.reduce((n, rows) => n + rows.length, 0);
  const bytesPerReplay = accounting.log.transactions.flat().reduce((n, b) => n + b, 0);
  const started = performance.now();
  let replays = 0;
  while (performance.now() - started < budgetMs) {
    const journey = `journey-${uuid()}`;
    for (const rows of shapes) write(rows, journey);
    replays++;
  }
  const seconds = (performance.now() - started) / 1000;
  db.pragma('wal_autocheckpoint = 0');
  db.pragma('wal_checkpoint(TRUNCATE)');
  const journey = `journey-${uuid()}`;
  for (const rows of shapes) write(rows, journey);
  const walFramesPerJourney = walFrames(db) / accounting.journeys;
  db.close();
  return {
    walFramesPerJourney,
    journeysPerSecond: (replays * accounting.journeys) / seconds,
    rowsPerSecond: (replays * rowsPerReplay) / seconds,
    transactionsPerSecond: (replays * shapes.length) / seconds,
    bytesPerRow: bytesPerReplay / rowsPerReplay,
  };
}

// ---------------------------------------------------------------------------------------------------

export interface JourneyBenchOptions {
  budgetMs: number;
  maxJourneys: number;
  concurrency: readonly number[];
  accountJourneys: number;
  /** Journeys run (untimed) after the measures, before the largest K is measured again on the grown database. */
  history: number;
  /** Premises (a TMF673 address and a TMF639 drop each) added with the history: see customer-base.ts. */
  customerBase: number;
}

/**
 * Grows the database by `history` more journeys and a customer base of `customerBase` premises,
 * untimed, then measures the largest K again: a journey's cost must not grow with the journeys before
 * it or with the size of the inventories (a read that scans the past or a whole collection, a WAL that
 * is never started over). The grown database is compared with a fresh one opened beside it, wave for
 * wave in turn, so that the machine's drift over the minutes the growing takes is not in the ratio.
 */
async function measureWithHistory(dir: string, spine: JourneyApp, k: number, options: JourneyBenchOptions, out: (line: string) => void): Promise<void> {
  const began = performance.now();
  await growCustomerBase(spine, options.customerBase);
  await measureJourneys(spine, k, Infinity, options.history);
  const freshDir = join(dir, 'fresh');
  mkdirSync(freshDir);
  const fresh = await openJourneyApp(freshDir);
  try {
    await warmUp(fresh);
    // Until its WAL has been started over once, as the grown database's has: a WAL file still growing costs more per write.
    await measureJourneys(fresh, k, Infinity, FRESH_WARM_JOURNEYS);
    const grown = emptyMeasure(k);
    const beside = emptyMeasure(k);
    for (let turn = 0; turn < ALTERNATE_TURNS; turn++) {
      // Each turn measures both, the one measured first taking turns too.
      const order = turn % 2 ? [[spine, grown], [fresh, beside]] as const : [[fresh, beside], [spine, grown]] as const;
      for (const [app, into] of order) addMeasure(into, await measureJourneys(app, k, options.budgetMs / ALTERNATE_TURNS, options.maxJourneys / ALTERNATE_TURNS));
    }
    const rate = (m: Measured) => m.completed / (m.measuredMs / 1000);
    const mb = (path: string) => (existsSync(path) ? fmt(statSync(path).size / 2 ** 20) : '0');
    out(
      `  K=${k} again ${grownBy(options)} (${fmt((performance.now() - began) / 1000)} s): ` +
        `${fmt(rate(grown), 1)} journeys/s = ${fmt(rate(grown) / rate(beside), 2)} × a fresh database measured in alternate waves (${fmt(rate(beside), 1)} journeys/s), ` +
        `${fmt(grown.cpuMs / (grown.completed + grown.failed), 1)} CPU ms/j, p50 ${fmt(quantile(grown.latencies.sort((a, b) => a - b), 0.5))} ms; database ${mb(spine.dbPath)} MB, WAL ${mb(`${spine.dbPath}-wal`)} MB`,
    );
    for (const [error, n] of [...grown.failures, ...beside.failures]) out(`      ${n} × ${error}`);
  } finally {
    await fresh.close();
  }
}

const ALTERNATE_TURNS = 6;
const FRESH_WARM_JOURNEYS = 96;

function emptyMeasure(k: number): Measured {
  return { k, waves: 0, completed: 0, failed: 0, failures: new Map(), measuredMs: 0, latencies: [], releaseMs: 0, cpuMs: 0 };
}

function addMeasure(into: Measured, from: Measured): void {
  into.waves += from.waves;
  into.completed += from.completed;
  into.failed += from.failed;
  for (const [error, n] of from.failures) into.failures.set(error, (into.failures.get(error) ?? 0) + n);
  into.measuredMs += from.measuredMs;
  into.latencies.push(...from.latencies);
  into.releaseMs += from.releaseMs;
  into.cpuMs += from.cpuMs;
}

/** The first journey (cold: compiles validators, prepares statements), then one wave over every premises, untimed. */
export async function warmUp(spine: JourneyApp): Promise<JourneyResult> {
  const cold = await runWave(spine, [journeySlots()[0]!]);
  const first = cold.results[0]!;
  if (first.run.status !== 'completed') throw new Error(`the first journey ${first.run.status}: ${first.run.error}`);
  await settleWave(spine, cold);
  await settleWave(spine, await runWave(spine, journeySlots()));
  return first;
}

// What the database grew by before the measure was taken again, in words.
function grownBy({ customerBase, history }: JourneyBenchOptions): string {
  const base = customerBase ? `with ${fmt(customerBase)} more premises (an address and a drop each)` : '';
  const journeys = history ? `after ${fmt(history)} more journeys` : '';
  return [base, journeys].filter(Boolean).join(' and ');
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** Runs the whole journey bench in `dir` and writes its report to stdout. */
export async function journeyBench(dir: string, options: JourneyBenchOptions): Promise<void> {
  const out = (line = '') => process.stdout.write(`${line}\n`);
  const slots = journeySlots();
  out();
  out(`Journeys: '${SCENARIO}' (${gponProvision.steps.length} steps), runner in-process, file DB, no simulated delays`);
  out(`  network: demo + ${benchPremises.length} bench premises (drops on SPLIT-MAPLE-AVE-02, SPLIT-BIRCH-ST-02) + ${benchOntIds.length} GPON ONTs in stock: ${slots.length} premises`);
  out(`  journeys run in waves of K (one premises each); after a wave, untimed, the bench locks its TMF702 activations`);
  out(`  and cancels its TMF685 reservation so the next wave can reuse the premises, and moves the app's clock one day`);
  out(`  ahead per journey so the 2-crew installation calendar has free slots. Measured: waves only, at real clock speed.`);

  const setupStarted = performance.now();
  const spine = await openJourneyApp(dir);
  out(`  setup (migrate, build app, demo dataset): ${fmt(performance.now() - setupStarted)} ms`);
  try {
    const first = await warmUp(spine);
    out(`  first journey (cold: compiles validators, prepares statements): ${first.run.status}, ${fmt(first.latencyMs)} ms`);

    const accounting = await accountJourneys(spine, options.accountJourneys, slots);
    const results: Measured[] = [];
    for (const k of options.concurrency) results.push(await measureJourneys(spine, k, options.budgetMs, options.maxJourneys, slots));
    const ceiling = rawCeiling(dir, accounting, options.budgetMs, 'random');
    const orderedCeiling = rawCeiling(dir, accounting, options.budgetMs, 'timeOrdered');

    out();
    out(`  ${'K'.padStart(3)} ${'completed'.padStart(9)} ${'failed'.padStart(6)} ${'measured s'.padStart(10)} ${'journeys/s'.padStart(10)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'max ms'.padStart(7)} ${'of ceiling'.padStart(10)} ${'CPU ms/j'.padStart(8)}`);
    for (const m of results) {
      const rate = m.completed / (m.measuredMs / 1000);
      out(
        `  ${String(m.k).padStart(3)} ${String(m.completed).padStart(9)} ${String(m.failed).padStart(6)} ${fmt(m.measuredMs / 1000, 2).padStart(10)} ${fmt(rate, 1).padStart(10)} ${fmt(quantile(m.latencies, 0.5)).padStart(7)} ${fmt(quantile(m.latencies, 0.99)).padStart(7)} ${fmt(m.latencies.at(-1) ?? NaN).padStart(7)} ${`${fmt((100 * rate) / ceiling.journeysPerSecond, 1)} %`.padStart(10)} ${fmt(m.cpuMs / (m.completed + m.failed), 1).padStart(8)}`,
      );
      for (const [error, n] of m.failures) out(`      ${n} × ${error}`);
    }
    if (options.history || options.customerBase) await measureWithHistory(dir, spine, results.at(-1)!.k, options, out);
    const releases = results.reduce((a, m) => ({ ms: a.ms + m.releaseMs, n: a.n + m.completed + m.failed }), { ms: 0, n: 0 });
    out(`  (K journeys start at once and the runner interleaves their steps on one thread, so at K=16 each takes about`);
    out(`  as long as its wave. Untimed release between waves: ${fmt(releases.ms / releases.n, 1)} ms per journey, 6 PATCHes over app.inject.`);
    out(`  CPU ms/j: process CPU time (all threads) per journey during the waves; the journeys' work runs on one thread,`);
    out(`  so 1000 / CPU ms/j is about the most journeys/s this build can reach however fast storage gets.)`);

    const j = accounting.journeys;
    const log = accounting.log;
    const writes = [...log.tables.values()].reduce((a, t) => ({ rows: a.rows + t.inserted + t.updated + t.deleted, bytes: a.bytes + t.bytes }), { rows: 0, bytes: 0 });
    const statements = [...log.statements.values()].reduce((a, n) => a + n, 0);
    out();
    const rolledBack = log.rolledBack ? `, ${fmt(log.rolledBack / j, 1)} rolled back` : '';
    out(`  per journey (mean of ${j}, K=1, on the store's connection): ${fmt(log.transactions.length / j, 1)} write transactions${rolledBack}, ${fmt(writes.rows / j, 1)} row writes, ${fmt(writes.bytes / j / 1024, 1)} KB bound, ${fmt(statements / j)} SQL statements`);
    out(`    ${'table'.padEnd(13)} ${'+rows'.padStart(7)} ${'+KB'.padStart(7)} ${'inserts'.padStart(8)} ${'updates'.padStart(8)} ${'deletes'.padStart(8)} ${'KB bound'.padStart(9)} ${'B/write'.padStart(8)}`);
    const tables = new Set([...accounting.added.keys(), ...log.tables.keys()]);
    for (const table of [...tables].sort()) {
      const added = accounting.added.get(table) ?? { rows: 0, bytes: 0 };
      const w = log.tables.get(table) ?? { inserted: 0, updated: 0, deleted: 0, bytes: 0 };
      const n = w.inserted + w.updated + w.deleted;
      if (!added.rows && !n) continue;
      out(
        `    ${table.padEnd(13)} ${fmt(added.rows / j, 1).padStart(7)} ${fmt(added.bytes / j / 1024, 1).padStart(7)} ${fmt(w.inserted / j, 1).padStart(8)} ${fmt(w.updated / j, 1).padStart(8)} ${fmt(w.deleted / j, 1).padStart(8)} ${fmt(w.bytes / j / 1024, 1).padStart(9)} ${(n ? fmt(w.bytes / n) : '-').padStart(8)}`,
      );
    }
    out();
    const ceilingLine = (c: Ceiling) => `${fmt(c.rowsPerSecond)} rows/s, ${fmt(c.transactionsPerSecond)} tx/s, ${fmt(c.bytesPerRow)} B/row, ${fmt(c.walFramesPerJourney)} WAL frames per journey`;
    out(`  raw better-sqlite3, same run: the logged transactions replayed as inserts of JSON text of the logged sizes,`);
    out(`  one secondary index, WAL + synchronous=NORMAL, one transaction per logged transaction:`);
    out(`    random keys (the target's ceiling):       ${fmt(ceiling.journeysPerSecond, 1)} journeys/s = ${ceilingLine(ceiling)}`);
    out(`    time-ordered keys, as Spine mints them:   ${fmt(orderedCeiling.journeysPerSecond, 1)} journeys/s = ${ceilingLine(orderedCeiling)}`);
    out();
    const best = results.reduce((a, m) => (m.completed / m.measuredMs > a.completed / a.measuredMs ? m : a));
    const k1 = results.find((m) => m.k === 1) ?? results[0]!;
    const bestRate = best.completed / (best.measuredMs / 1000);
    const check = (ok: boolean) => (ok ? 'met' : 'NOT met');
    out(`  targets: ≥ 100 journeys/s: ${fmt(bestRate, 1)} (K=${best.k}) ${check(bestRate >= 100)}; p50 ≤ 100 ms: ${fmt(quantile(k1.latencies, 0.5))} ms (K=${k1.k}) ${check(quantile(k1.latencies, 0.5) <= 100)}; ≥ 50 % of ceiling: ${fmt((100 * bestRate) / ceiling.journeysPerSecond, 1)} % ${check(bestRate >= ceiling.journeysPerSecond / 2)}`);
    out(`  (of the time-ordered-key ceiling: ${fmt((100 * bestRate) / orderedCeiling.journeysPerSecond, 1)} %)`);
  } finally {
    await spine.close();
  }
}
