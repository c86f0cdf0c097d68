import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { get, http, kill, killStarted, launchSpine } from './support/spine-process.js';
import { CRASH_SEED, prng } from './support/seeded-random.js';

// The crash test: `spine serve` (the built binary) runs GPON journeys on a file database while the
// test SIGKILLs it at random moments, at least KILLS times, and starts it again on the same file
// each time. Then the last process finishes every journey and the test checks, only through HTTP,
// that the engine kept its promises: every journey is complete, no step hit the network twice, the
// pools' capacity counts match the inventory, and every event reached a real listener (running in
// this process the whole time) at least once, any duplicate being an exact copy.
//
// Runs under `npm run test:slow` only (vitest.slow.config.ts sets SPINE_SLOW). The seed
// (support/seeded-random.ts) picks the kill delays and how many journeys each life gets;
// CRASH_VERBOSE=1 also prints each journey's step times and the kill times.

const KILLS = 24; // the issue asks for at least 20
const INITIAL_JOURNEYS = 12; // the batch: MIX, started over the first lives
const EXTRA_JOURNEYS = 12; // fed after the batch while kills are still due
const MIN_KILLS_MID_JOURNEY = KILLS / 2; // most kills must interrupt a journey, or the test proves little
const MAX_KILLS = 40;
const KILL_DELAY_MS = [20, 500] as const; // from a life's runner start (its dataset log line) to SIGKILL
const STALL_MS = 10_000; // no step committed for this long in the last life: a stuck journey
const DEADLINE_MS = 150_000; // everything, so the test ends (and reports) within vitest's 180 s

const EVENT_API = '/tmf-api/event/v4';
const POOLS = '/tmf-api/resourcePoolManagement/v4';
const INVENTORY = '/tmf-api/resourceInventoryManagement/v4';
const ACTIVATION = '/tmf-api/ResourceActivationAndConfiguration/v4';

type Doc = Record<string, any>;

/** The journeys the batch mixes, and how the demo data says each must end. */
const Journeys = {
  // Served: Jane's 42 Maple Ave and Lakeshore's 350 Queen St E each have one built fibre drop, so
  // the first journey to reserve it completes and every later one for that address fails: at AAR
  // while the drop is reserved, at qualification (TECH-005) once its line is in service.
  // Jane is named: a journey without a customer would go to a neighbour once her premises is taken.
  jane: { input: { customerId: 'cust-56789' }, address: 'addr-tor-42-maple-ave' },
  lakeshore: { input: { customerId: 'cust-56792', offeringId: 'po-gpon-ftth-business' }, address: 'addr-tor-350-queen-st-e' },
  // Not served, by data: full port (Raj), optical budget (Maria), outside the footprint (Tom).
  raj: { input: { customerId: 'cust-56790' }, address: undefined },
  maria: { input: { customerId: 'cust-56791' }, address: undefined },
  tom: { input: { customerId: 'cust-56793' }, address: undefined },
} as const;
type JourneyKind = keyof typeof Journeys;
const MIX: JourneyKind[] = ['jane', 'lakeshore', 'raj', 'jane', 'maria', 'lakeshore', 'tom', 'jane', 'raj', 'lakeshore', 'maria', 'jane'];
const KIND_BY_CUSTOMER: Record<string, JourneyKind> = {
  'cust-56789': 'jane', 'cust-56792': 'lakeshore', 'cust-56790': 'raj', 'cust-56791': 'maria', 'cust-56793': 'tom',
};

/** Where and why a journey of each kind may legitimately fail (the data, never a crash). */
const DROP_TAKEN = [
  { step: 'reserve-resources', error: /^rolled back: not available: .*drop/ },
  { step: 'qualify-service', error: /Premises already served \(TECH-005\)/ },
];
const EXPECTED_FAILURE: Record<JourneyKind, { step: string; error: RegExp }[]> = {
  jane: DROP_TAKEN,
  lakeshore: DROP_TAKEN,
  raj: [{ step: 'qualify-service', error: /capacity exhausted/ }],
  maria: [{ step: 'qualify-service', error: /Optical budget exceeded/ }],
  tom: [{ step: 'qualify-service', error: /outside the access footprint/ }],
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------------
// The listener: a real HTTP server on loopback that outlives every server process.

interface Delivery {
  path: string;
  raw: string;
  body: Doc | undefined;
}

interface EventListener {
  url: string;
  deliveries: Delivery[];
  /** Distinct eventIds seen, each with every body it came with. */
  byEventId: Map<string, Delivery[]>;
  close(): Promise<void>;
}

async function startEventListener(): Promise<EventListener> {
  const deliveries: Delivery[] = [];
  const byEventId = new Map<string, Delivery[]>();
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    // 'end' fires only for a whole body: a POST cut short by a kill is not recorded.
    request.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: Doc | undefined;
      try {
        body = JSON.parse(raw) as Doc;
      } catch {
        body = undefined;
      }
      const delivery = { path: request.url ?? '', raw, body };
      deliveries.push(delivery);
      const id = typeof body?.eventId === 'string' ? body.eventId : `(no eventId #${deliveries.length})`;
      byEventId.set(id, [...(byEventId.get(id) ?? []), delivery]);
      response.writeHead(201).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/callback`,
    deliveries,
    byEventId,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Every item of a TMF list, paging through with offset/limit. */
async function listAll(base: string, path: string, pageSize = 1000): Promise<Doc[]> {
  const items: Doc[] = [];
  for (let offset = 0; ; offset += pageSize) {
    const separator = path.includes('?') ? '&' : '?';
    const page = (await get(base, `${path}${separator}limit=${pageSize}&offset=${offset}`)) as Doc[];
    items.push(...page);
    if (page.length < pageSize) return items;
  }
}

async function startJourney(base: string, kind: JourneyKind): Promise<Doc> {
  const response = await http(base, 'POST', '/spine/v1/scenarios/gpon-ftth/runs', Journeys[kind].input);
  if (response.status !== 202) throw new Error(`starting a ${kind} journey: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as Doc;
}

// ---------------------------------------------------------------------------------------------
// Reading the inventory.

/** A pool's capacity lines (total, inUse, available) as numbers. */
function capacityOf(pool: Doc): { total: number; inUse: number; available: number } {
  const line = (name: string) => {
    const found = (pool.capacity as Doc[] | undefined)?.find((c) => c.capacitySpec?.name === name);
    return Number.parseInt(String(found?.capacityAmount?.capacityAmount), 10);
  };
  return { total: line('total'), inUse: line('inUse'), available: line('available') };
}

function characteristic(doc: Doc, name: string): unknown {
  return (doc.resourceCharacteristic as Doc[] | undefined)?.find((c) => c.name === name)?.value;
}

/** The pool a reservation item drew from (its ResourcePool ref), if any. */
function poolOfItem(item: Doc): string | undefined {
  return (item.relatedEntity as Doc[] | undefined)?.find((e) => e['@referredType'] === 'ResourcePool')?.id;
}

function reservedIds(item: Doc): string[] {
  return ((item.relatedEntity as Doc[] | undefined) ?? []).filter((e) => e.role === 'reservedResource').map((e) => String(e.id));
}

const portPoolId = (portId: string) => `pool-${portId.replace(/^res-inst-/, '')}`;
const lowerCamel = (type: string) => type.charAt(0).toLowerCase() + type.slice(1);
/** What a call looked like, without the ids that differ from journey to journey. */
const shapeOf = (exchange: Doc) => `${exchange.from}→${exchange.to} ${exchange.method} ${exchange.api} ${exchange.status}`;

/**
 * The journeys in flight at a kill: started before it, and not yet ended then (same clock: the
 * server's timestamps, this machine's). A run still running has not ended; one that ended has ended at updatedAt.
 */
function journeysInFlight(at: number, runs: Doc[]): number {
  return runs.filter((r) => Date.parse(r.createdAt) <= at && (r.status === 'running' || at < Date.parse(r.updatedAt))).length;
}

const killsMidJourney = (killTimes: number[], runs: Doc[]) => killTimes.filter((at) => journeysInFlight(at, runs) > 0).length;

// ---------------------------------------------------------------------------------------------

afterAll(killStarted);

describe.runIf(process.env.SPINE_SLOW === '1')('crash test', () => {
  it(`SIGKILLs a server running journeys ${KILLS} times and loses nothing, doubles nothing`, async () => {
    const startedAt = Date.now();
    const deadline = startedAt + DEADLINE_MS;
    const timeLeft = () => deadline - Date.now();
    const random = prng(CRASH_SEED);
    const dir = mkdtempSync(join(tmpdir(), 'spine-crash-'));
    const db = join(dir, 'spine.db');
    const listener = await startEventListener();
    const problems: string[] = [];
    const problem = (message: string) => {
      if (problems.length < 200) problems.push(message);
    };

    try {
      // --- First start: the demo dataset loads; the listener subscribes to every event of every API.
      let spine = launchSpine(db);
      let base = await spine.up;
      const topic = await http(base, 'POST', `${EVENT_API}/topic`, { name: 'crash test: every event' });
      expect(topic.status, JSON.stringify(topic.body)).toBe(201);
      const topicEvents = `${EVENT_API}/topic/${String(topic.body.id)}/event?fields=eventId,eventType`;
      // Events written before the hub exists are not the listener's to receive.
      const before = new Set((await listAll(base, topicEvents)).map((e) => String(e.eventId)));
      const hub = await http(base, 'POST', `${EVENT_API}/hub`, { callback: listener.url });
      expect(hub.status, JSON.stringify(hub.body)).toBe(201);

      // The inventory before any journey: each pool's inUse, each PON port's installed base.
      const initialInUse = new Map((await listAll(base, `${POOLS}/resourcePool`)).map((p) => [String(p.id), capacityOf(p).inUse]));
      const installedBase = new Map(
        (await listAll(base, `${INVENTORY}/resource?category=ponPort`)).map((p) => [String(p.id), Number(characteristic(p, 'connectedOnts'))]),
      );
      expect(installedBase.size).toBeGreaterThan(0);
      const reservedBefore = new Set((await listAll(base, `${INVENTORY}/resource?resourceStatus=reserved&fields=id`)).map((r) => String(r.id)));

      // --- The client: a queue of journeys (the batch, then more), one started in each life that
      // gets as far as listening. (While the runner has steps due, the server reads no request: a
      // start waits for the journey before it to finish, so a batch started at once would just run
      // one journey after another before the first kill.) A start cut off by a kill may or may not
      // have committed, it is all or nothing; one answered 202 must survive.
      const queue: JourneyKind[] = Array.from({ length: INITIAL_JOURNEYS + EXTRA_JOURNEYS }, (_, i) => MIX[i % MIX.length]!);
      let queued = 0;
      const acknowledged = new Map<string, JourneyKind>();
      let unacknowledgedStarts = 0;
      const feed = async (server: string, count: number) => {
        for (let i = 0; i < count && queued < queue.length; i++) {
          const kind = queue[queued++]!;
          try {
            acknowledged.set(String((await startJourney(server, kind)).id), kind);
          } catch {
            unacknowledgedStarts++;
            return;
          }
        }
      };

      // --- Kill, restart, repeat. Each life is killed a random short time after its runner started:
      // in the recovery of the steps the last kill interrupted (the server logs that it is up, and
      // reads requests, only once that backlog is done) or, when it got that far, a random short
      // time after it was given the next journey of the queue. Every other life is let get that far. The loop goes on until there were
      // KILLS kills and the whole batch was started, or MAX_KILLS (on a slow machine; the last
      // life then starts what is left of the batch).
      let kills = 0;
      const killTimes: number[] = [];
      // Read whenever a life is up, so the loop goes on killing (up to MAX_KILLS) until enough kills hit a journey.
      let killsMidJourneySoFar = 0;
      const delay = () => KILL_DELAY_MS[0] + Math.floor(random() * (KILL_DELAY_MS[1] - KILL_DELAY_MS[0]));
      let reachedUp: Promise<boolean> = Promise.resolve(true);
      while (kills < KILLS || ((acknowledged.size < INITIAL_JOURNEYS || killsMidJourneySoFar < MIN_KILLS_MID_JOURNEY) && kills < MAX_KILLS)) {
        if (timeLeft() < 60_000) throw new Error(`only ${kills} kills before the deadline`);
        let killAt = Date.now() + delay();
        let feeding: Promise<void> = Promise.resolve();
        // Every other life may take up to STALL_MS to get up (on a slow machine recovery outlasts any short delay, and
        // a life that never reads a request starts no journey): the batch is started across the kills.
        const notUpInTime = sleep(kills % 2 === 1 ? STALL_MS : killAt - Date.now()).then(() => false);
        if (await Promise.race([reachedUp, notUpInTime])) {
          const server = await spine.up;
          killsMidJourneySoFar = killsMidJourney(killTimes, (await get(server, '/spine/v1/runs?limit=500')) as Doc[]);
          // Past the queue, a kill that hit no journey asks for one more journey: it gives the next kills one to hit.
          if (queued === queue.length && killsMidJourneySoFar < MIN_KILLS_MID_JOURNEY) queue.push(MIX[queue.length % MIX.length]!);
          if (queued < queue.length) {
            feeding = feed(server, 1);
            killAt = Date.now() + delay();
          }
        }
        await sleep(killAt - Date.now());
        killTimes.push(Date.now());
        await kill(spine);
        kills++;
        await feeding;
        spine = launchSpine(db);
        reachedUp = spine.up.then(() => true, () => false);
        await Promise.race([spine.booted, spine.exited]);
      }
      const killPhaseMs = Date.now() - startedAt;
      base = await spine.up;
      const startedInLastLife = INITIAL_JOURNEYS - acknowledged.size;
      while (acknowledged.size < INITIAL_JOURNEYS && queued < queue.length) await feed(base, 1);

      // --- The last process finishes everything. Completed and failed are both terminal: a journey
      // of this batch is "complete" when it reached either (failures come from the data: a port
      // that is full, a budget that is exceeded, a drop another journey reserved first).
      let runs: Doc[] = [];
      let progress = '';
      let progressAt = Date.now();
      for (;;) {
        runs = (await get(base, '/spine/v1/runs?limit=500')) as Doc[];
        const running = runs.filter((r) => r.status === 'running');
        if (!running.length) break;
        const now = running.map((r) => `${String(r.id)}@${String(r.updatedAt)}`).join();
        if (now !== progress) [progress, progressAt] = [now, Date.now()];
        // Without a kill, a step takes milliseconds: ten seconds without one committing is a stuck journey.
        if (Date.now() - progressAt > STALL_MS || timeLeft() < 20_000) {
          problem(`runs stuck in running: ${running.map((r) => r.id).join(', ')}`);
          break;
        }
        await sleep(200);
      }

      // --- Events: everything the outbox holds since the hub was registered must reach the listener.
      const expectedEvents = (await listAll(base, topicEvents)).filter((e) => !before.has(String(e.eventId)));
      const expectedIds = new Set(expectedEvents.map((e) => String(e.eventId)));
      let delivered = listener.deliveries.length;
      let deliveredAt = Date.now();
      for (;;) {
        const missing = [...expectedIds].filter((id) => !listener.byEventId.has(id));
        if (!missing.length) break;
        if (listener.deliveries.length !== delivered) [delivered, deliveredAt] = [listener.deliveries.length, Date.now()];
        // The listener always answers 201, so the relay has no backoff to wait out: a pause means it stopped.
        if (Date.now() - deliveredAt > STALL_MS || timeLeft() < 5_000) {
          problem(`${missing.length} of ${expectedIds.size} events never reached the listener, e.g. ${missing.slice(0, 5).join(', ')}`);
          break;
        }
        await sleep(200);
      }
      await sleep(300); // anything still in flight that should not be
      const totalMs = Date.now() - startedAt;

      // ===== Journeys: all terminal, each failure explained by the data, every acknowledged start kept.
      const byId = new Map(runs.map((r) => [String(r.id), r]));
      for (const [id, kind] of acknowledged) if (!byId.has(id)) problem(`run ${id} (${kind}) was acknowledged with 202 but is gone`);
      const reports = new Map<string, Doc>();
      for (const run of runs) reports.set(String(run.id), await get(base, `/spine/v1/runs/${String(run.id)}`));

      const completedIds: string[] = [];
      const completedByAddress = new Map<string, string[]>();
      for (const run of runs) {
        const { steps, exchanges } = reports.get(String(run.id))! as { steps: Doc[]; exchanges: Doc[] };
        const kind = KIND_BY_CUSTOMER[String(run.context?.customerId ?? run.input?.customerId ?? 'cust-56789')];
        const label = `run ${String(run.id)} (${kind ?? 'unknown'})`;
        if (!kind) problem(`${label}: unknown customer ${JSON.stringify(run.input)}`);
        if (run.status !== 'completed' && run.status !== 'failed') {
          problem(`${label} is ${String(run.status)}, not terminal`);
          continue;
        }
        const notDone = steps.filter((s) => s.status !== 'done');
        if (run.status === 'completed') {
          if (steps.length !== 23 || notDone.length) problem(`${label} completed with ${steps.length} steps, not done: ${notDone.map((s) => `${s.step}=${s.status}`).join(', ')}`);
          const address = String(run.context.addressId);
          completedByAddress.set(address, [...(completedByAddress.get(address) ?? []), String(run.id)]);
        } else {
          const last = steps.at(-1);
          if (notDone.length !== 1 || last?.status !== 'failed') {
            problem(`${label} failed with steps ${steps.map((s) => `${s.step}=${s.status}`).join(', ')} (stuck or inconsistent)`);
          }
          const expected = kind ? EXPECTED_FAILURE[kind] : [];
          if (expected.length && !expected.some((e) => last?.step === e.step && e.error.test(String(run.error)))) {
            problem(`${label} failed at ${String(last?.step)} with "${String(run.error)}"; the data says ${expected.map((e) => `${e.step} /${e.error.source}/`).join(' or ')}`);
          }
        }
        for (const step of steps) {
          // A crash rolls the attempt in flight back, attempt count included: each step ran (committed) once.
          if (step.attempts !== 1) problem(`${label} step ${String(step.step)} committed after ${String(step.attempts)} attempts (${String(step.error)})`);
        }

        // No step ran twice against the network: a step's calls appear once each.
        const byStep = new Map<string, Doc[]>();
        for (const exchange of exchanges) byStep.set(String(exchange.step), [...(byStep.get(String(exchange.step)) ?? []), exchange]);
        for (const [step, calls] of byStep) {
          // The calls a policy makes once the run has failed (orders → failed, held) are labelled with it.
          if (step === 'compensate' || step === (run.context.policy as Doc | undefined)?.policy) continue;
          const status = steps.find((s) => s.step === step)?.status;
          if (status !== 'done' && status !== 'failed') problem(`${label}: exchanges recorded for step ${step}, which is ${String(status)}`);
          const keys = calls.map((x) => `${String(x.method)} ${String(x.path)} ${JSON.stringify(x.request ?? null)}`);
          const half = keys.length / 2;
          if (keys.length > 1 && Number.isInteger(half) && isDeepStrictEqual(keys.slice(0, half), keys.slice(half))) {
            problem(`${label}: step ${step} made its ${half} calls twice`);
          }
        }
        if (run.status === 'completed') completedIds.push(String(run.id));
      }
      // A step makes the same calls in every journey that did it (the journeys of this batch differ
      // in data, not in shape): the fewest calls any journey made for a step is what one run of it
      // makes, and a journey that made more ran (part of) it twice.
      const shapes = new Map<string, { runId: string; shape: string[] }[]>();
      for (const [runId, report] of reports) {
        for (const step of (report.steps as Doc[]).filter((s) => s.status === 'done')) {
          const shape = (report.exchanges as Doc[]).filter((x) => x.step === step.step).map(shapeOf);
          shapes.set(String(step.step), [...(shapes.get(String(step.step)) ?? []), { runId, shape }]);
        }
      }
      for (const [step, all] of shapes) {
        const once = all.reduce((a, b) => (b.shape.length < a.shape.length ? b : a));
        for (const { runId, shape } of all) {
          if (!isDeepStrictEqual(shape, once.shape)) problem(`run ${runId} step ${step} made [${shape.join(' | ')}], run ${once.runId} made [${once.shape.join(' | ')}]`);
        }
      }
      if (!completedIds.length) problem('no journey completed');
      for (const address of [Journeys.jane.address, Journeys.lakeshore.address]) {
        const completed = completedByAddress.get(address) ?? [];
        if (completed.length !== 1) problem(`${completed.length} journeys completed at ${address} (one fibre drop there): ${completed.join(', ')}`);
      }

      // ===== TMF702: each target activated once, across all journeys, in exchanges and in the API.
      const activationCalls = new Map<string, number>();
      for (const report of reports.values()) {
        for (const x of report.exchanges as Doc[]) {
          if (x.method !== 'POST' || x.path !== `${ACTIVATION}/resource` || x.status >= 300) continue;
          const target = String((x.request?.resourceRelationship as Doc[] | undefined)?.find((r) => r.relationshipType === 'targets')?.resource?.id);
          activationCalls.set(target, (activationCalls.get(target) ?? 0) + 1);
        }
      }
      for (const [target, count] of activationCalls) if (count !== 1) problem(`TMF702 activated ${target} ${count} times (exchanges)`);
      const activations = await listAll(base, `${ACTIVATION}/resource`);
      const activationsByTarget = new Map<string, number>();
      for (const a of activations) {
        const target = String((a.resourceRelationship as Doc[] | undefined)?.find((r) => r.relationshipType === 'targets')?.resource?.id);
        activationsByTarget.set(target, (activationsByTarget.get(target) ?? 0) + 1);
      }
      for (const [target, count] of activationsByTarget) if (count !== 1) problem(`TMF702 holds ${count} activations of ${target}`);
      for (const id of completedIds) {
        const resources = Object.values(reports.get(id)!.run.context.resources as Record<string, string>);
        for (const resource of resources) if (activationsByTarget.get(resource) !== 1) problem(`run ${id}: resource ${resource} has ${activationsByTarget.get(resource) ?? 0} TMF702 activations`);
      }
      if (activationCalls.size !== 5 * completedIds.length) problem(`${activationCalls.size} resources activated for ${completedIds.length} completed journeys (5 each)`);
      const recordedActivations = new Set([...reports.values()].flatMap((r) => Object.values((r.run.context?.activations ?? {}) as Record<string, string>)));
      for (const a of activations) if (!recordedActivations.has(String(a.id))) problem(`TMF702 activation ${String(a.id)} belongs to no journey`);

      // ===== Capacity bookkeeping against the inventory.
      const pools = await listAll(base, `${POOLS}/resourcePool`);
      const reservations = await listAll(base, `${POOLS}/reservation`);
      const resources = new Map((await listAll(base, `${INVENTORY}/resource`)).map((r) => [String(r.id), r]));
      const live = reservations.filter((r) => r.state !== 'cancelled');
      const liveItemsOfPool = new Map<string, number>();
      for (const reservation of live) {
        for (const item of reservation.reservationItem as Doc[]) {
          const pool = poolOfItem(item);
          if (pool) liveItemsOfPool.set(pool, (liveItemsOfPool.get(pool) ?? 0) + Number(item.quantity ?? 1));
        }
      }
      for (const pool of pools) {
        const id = String(pool.id);
        const { total, inUse, available } = capacityOf(pool);
        if (total !== inUse + available || inUse < 0 || available < 0) problem(`pool ${id}: total ${total} ≠ inUse ${inUse} + available ${available}`);
        // Each live reservation item took exactly its quantity from the pool it names.
        const taken = inUse - (initialInUse.get(id) ?? NaN);
        if (taken !== (liveItemsOfPool.get(id) ?? 0)) problem(`pool ${id}: inUse went ${initialInUse.get(id)} → ${inUse} but live reservations hold ${liveItemsOfPool.get(id) ?? 0}`);
      }
      // A PON port's pool counts its connectedOnts (installed base + live reservations); the ONTs
      // ranged by activation are registeredOnts, one per completed journey on that port.
      for (const [portId, installed] of installedBase) {
        const port = resources.get(portId);
        const pool = pools.find((p) => p.id === portPoolId(portId));
        if (!port || !pool) {
          problem(`PON port ${portId} or its pool is missing`);
          continue;
        }
        const connected = Number(characteristic(port, 'connectedOnts'));
        const capacity = Number(characteristic(port, 'capacity'));
        const registered = ((characteristic(port, 'registeredOnts') as Doc[] | undefined) ?? []).length;
        const ranged = completedIds.filter((id) => reports.get(id)!.run.context.resources.accessPort === portId).length;
        if (capacityOf(pool).inUse !== connected) problem(`port ${portId}: pool inUse ${capacityOf(pool).inUse} ≠ connectedOnts ${connected}`);
        if (connected > capacity || capacity !== 32) problem(`port ${portId}: ${connected} ONTs on a port of ${capacity}`);
        if (connected - installed !== (liveItemsOfPool.get(portPoolId(portId)) ?? 0)) {
          problem(`port ${portId}: connectedOnts ${connected} − installed base ${installed} ≠ ${liveItemsOfPool.get(portPoolId(portId)) ?? 0} live reservations`);
        }
        if (registered !== ranged) problem(`port ${portId}: ${registered} ONTs registered, ${ranged} completed journeys ranged one there`);
        if (connected - installed - registered < 0) problem(`port ${portId}: ${registered} registered ONTs but only ${connected - installed} reserved slots`);
      }
      // An ONT stock's available count is its ONTs that are available.
      for (const pool of pools.filter((p) => String(p.id).startsWith('pool-ont-stock-'))) {
        const members = ((pool.resource as Doc[] | undefined) ?? []).map((ref) => resources.get(String(ref.id)));
        const free = members.filter((m) => m?.resourceStatus === 'available').length;
        if (members.some((m) => !m)) problem(`pool ${String(pool.id)} lists an ONT the inventory does not have`);
        if (capacityOf(pool).available !== free) problem(`pool ${String(pool.id)}: available ${capacityOf(pool).available}, but ${free} of its ONTs are available`);
      }
      // No resource is held by two live reservations, and what they hold is exactly what is reserved
      // (a port is shared: its reservations count slots, they do not hold it).
      const holders = new Map<string, string[]>();
      for (const reservation of live) {
        for (const item of reservation.reservationItem as Doc[]) {
          const pool = poolOfItem(item);
          if (pool && [...installedBase.keys()].some((portId) => portPoolId(portId) === pool)) continue;
          for (const id of reservedIds(item)) holders.set(id, [...(holders.get(id) ?? []), String(reservation.id)]);
        }
      }
      for (const [id, by] of holders) {
        if (by.length > 1) problem(`resource ${id} is held by ${by.length} live reservations: ${by.join(', ')}`);
        if (resources.get(id)?.resourceStatus !== 'reserved') problem(`resource ${id} is held by reservation ${by[0]} but is ${String(resources.get(id)?.resourceStatus)}`);
      }
      for (const [id, resource] of resources) {
        if (resource.resourceStatus === 'reserved' && !holders.has(id) && !reservedBefore.has(id)) problem(`resource ${id} is reserved by no live reservation`);
      }
      // Each completed journey's resources are the ones its reservation holds.
      for (const id of completedIds) {
        const context = reports.get(id)!.run.context;
        const reservation = reservations.find((r) => r.id === context.reservationId);
        const held = new Set(((reservation?.reservationItem as Doc[] | undefined) ?? []).flatMap(reservedIds));
        for (const resource of Object.values(context.resources as Record<string, string>)) {
          if (!held.has(resource)) problem(`run ${id}: resource ${resource} is not held by its reservation ${String(context.reservationId)}`);
        }
      }
      // Nothing was reserved by an attempt that a kill rolled back only in part: every reservation
      // is the one journey's that recorded it, and no journey has two.
      const reservationOwners = new Map<string, string[]>();
      for (const [id, report] of reports) {
        const reservationId = report.run.context?.reservationId;
        if (reservationId) reservationOwners.set(String(reservationId), [...(reservationOwners.get(String(reservationId)) ?? []), id]);
      }
      for (const reservation of reservations) {
        const owners = reservationOwners.get(String(reservation.id)) ?? [];
        if (owners.length !== 1) problem(`reservation ${String(reservation.id)} (${String(reservation.state)}) belongs to ${owners.length} journeys ${owners.join(', ')}`);
      }

      // ===== Events: at least once, exact duplicates only, nothing unknown, nothing missing.
      let duplicates = 0;
      for (const [eventId, copies] of listener.byEventId) {
        const first = copies[0]!;
        if (!first.body) problem(`the listener got a body that is not JSON: ${first.raw.slice(0, 200)}`);
        if (!expectedIds.has(eventId)) problem(`the listener got event ${eventId} (${String(first.body?.eventType)}) that the outbox does not list`);
        const expectedPath = `/callback/listener/${lowerCamel(String(first.body?.eventType))}`;
        if (first.path !== expectedPath) problem(`event ${eventId} was POSTed to ${first.path}, not ${expectedPath}`);
        duplicates += copies.length - 1;
        for (const copy of copies.slice(1)) {
          if (copy.raw !== first.raw || copy.path !== first.path) problem(`event ${eventId} came twice with different bodies or paths: it cannot be deduplicated`);
        }
      }
      for (const report of reports.values()) {
        const missing = (report.events as Doc[]).filter((e) => !listener.byEventId.has(String(e.eventId)));
        if (missing.length) problem(`run ${String(report.run.id)}: ${missing.length} of its ${report.events.length} events never reached the listener`);
      }

      // What the kills interrupted, read again now that every run has ended.
      const midJourney = killsMidJourney(killTimes, runs);
      if (process.env.CRASH_VERBOSE) {
        console.log(`journeys in flight at each kill: ${killTimes.map((at) => journeysInFlight(at, runs)).join(' ')}`);
        console.log(`kills at (ms): ${killTimes.map((t) => t - startedAt).join(' ')}`);
        for (const r of [...runs].reverse()) {
          const steps = reports.get(String(r.id))!.steps as Doc[];
          console.log(`${String(r.id).slice(0, 12)} ${String(r.status)} ${Date.parse(r.createdAt) - startedAt}..${Date.parse(r.updatedAt) - startedAt} ${steps.length} steps: ${steps.map((x) => Date.parse(x.endedAt) - startedAt).join(' ')}`);
        }
      }

      const completed = runs.filter((r) => r.status === 'completed').length;
      const failed = runs.filter((r) => r.status === 'failed').length;
      console.log(
        `crash test (seed ${CRASH_SEED}): ${kills} kills (${midJourney} with journeys running) in ${(killPhaseMs / 1000).toFixed(1)} s, ${(totalMs / 1000).toFixed(1)} s in all; ` +
          `${runs.length} runs (${acknowledged.size} acknowledged, ${Math.max(0, startedInLastLife)} of them after the last kill, ${unacknowledgedStarts} starts cut off by a kill): ${completed} completed, ${failed} failed; ` +
          `${expectedIds.size} events expected, ${listener.byEventId.size} distinct delivered, ${listener.deliveries.length} deliveries, ${duplicates} duplicates; ` +
          `${problems.length} problems`,
      );
      expect(problems).toEqual([]);
      expect(kills).toBeGreaterThanOrEqual(20);
      expect(midJourney).toBeGreaterThanOrEqual(MIN_KILLS_MID_JOURNEY);
      expect(acknowledged.size).toBeGreaterThanOrEqual(INITIAL_JOURNEYS);
      expect(runs.length).toBeLessThanOrEqual(queued);

      // A clean stop at the end.
      spine.child.kill('SIGTERM');
      expect((await spine.exited).code).toBe(0);
    } finally {
      killStarted();
      await listener.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
