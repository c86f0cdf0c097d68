import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { portPoolId } from '../src/network/inventory-model.js';
import { loadDataset } from '../src/scenarios/demo-dataset.js';
import { streetAddressId, streetCustomerId, streetDataset, StreetIds } from '../src/scenarios/fixtures/street-dataset.js';
import { build, json } from './support/build.js';

// Issue #4: 200 journeys started at once for premises behind one PON port with 10 free places of 32.
// The port is the only scarce thing (ONTs, crews, VLANs and sessions are plenty), so exactly 10 complete
// and every other one stops on the port: unqualified (TECH-001) if the port was already full when it
// qualified, else at the reservation of the resources. Nothing the failed ones did holds capacity.

type Doc = Record<string, any>;
const JOURNEYS = 200;
const FREE = 10;
const clock = () => new Date('2026-11-26T10:00:00Z');

const paths = {
  runs: `/spine/v1/runs?scenario=gpon-ftth&limit=${JOURNEYS}`,
  port: `/tmf-api/resourceInventoryManagement/v4/resource/${StreetIds.servingPort}`,
  resources: '/tmf-api/resourceInventoryManagement/v4/resource',
  pool: (id: string) => `/tmf-api/resourcePoolManagement/v4/resourcePool/${id}`,
  pools: '/tmf-api/resourcePoolManagement/v4/resourcePool',
  reservations: '/tmf-api/resourcePoolManagement/v4/reservation',
  services: '/tmf-api/serviceInventory/v4/service',
  productOrders: '/tmf-api/productOrderingManagement/v4/productOrder',
};

async function get(app: FastifyInstance, path: string): Promise<any> {
  const response = await app.inject({ method: 'GET', url: path });
  expect(response.statusCode, `${path}: ${response.body}`).toBe(200);
  return response.json();
}

async function settled(app: FastifyInstance): Promise<Doc[]> {
  for (;;) {
    const runs: Doc[] = await get(app, paths.runs);
    if (runs.length === JOURNEYS && runs.every((r) => r.status === 'completed' || r.status === 'failed')) return runs;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const capacityOf = (pool: Doc, name: string) => Number.parseInt(pool.capacity.find((c: Doc) => c.capacitySpec.name === name).capacityAmount.capacityAmount, 10);
const characteristic = (doc: Doc, name: string) => doc.resourceCharacteristic.find((c: Doc) => c.name === name)?.value;

describe('200 journeys at once for one PON port with 10 free places', () => {
  it('completes exactly 10, stops the rest on the port, and never puts more than 32 ONTs on it', async () => {
    const dataset = streetDataset({ premises: JOURNEYS, connectedOnts: 32 - FREE });
    const app = await build({ now: clock, network: dataset.network });
    expect(await loadDataset(app.spine.ctx, dataset)).toBe(true);

    const started = await Promise.all(
      Array.from({ length: JOURNEYS }, (_, i) =>
        app.inject({ method: 'POST', url: '/spine/v1/scenarios/gpon-ftth/runs', ...json({ customerId: streetCustomerId(i + 1), addressId: streetAddressId(i + 1) }) }),
      ),
    );
    expect(started.map((r) => r.statusCode)).toEqual(Array(JOURNEYS).fill(202));
    const runs = await settled(app);

    // Exactly the free places complete; every other journey stops on the port.
    const completed = runs.filter((r) => r.status === 'completed');
    const failed = runs.filter((r) => r.status === 'failed');
    expect(completed).toHaveLength(FREE);
    expect(failed).toHaveLength(JOURNEYS - FREE);
    const reports: Doc[] = [];
    for (const run of runs) reports.push(await get(app, `/spine/v1/runs/${run.id}`));
    for (const { run, steps } of reports.filter((r) => r.run.status === 'failed')) {
      const stop = steps.find((s: Doc) => s.status === 'failed');
      const qualified = steps.find((s: Doc) => s.step === 'qualify-service')?.status === 'done';
      const outcome = qualified ? `qualified, then failed at ${stop.step}` : `${stop.step}: ${/TECH-001/.test(run.error) ? 'TECH-001' : run.error}`;
      expect(['qualify-service: TECH-001', 'qualified, then failed at reserve-resources'], run.error).toContain(outcome);
    }

    // The port: full, never beyond, in TMF639 and in its TMF685 pool alike, and in every event it caused.
    const port = await get(app, paths.port);
    expect([characteristic(port, 'connectedOnts'), characteristic(port, 'capacity'), port.usageState]).toEqual([32, 32, 'busy']);
    const portPool = await get(app, paths.pool(portPoolId({ resourceId: StreetIds.servingPort })));
    expect([capacityOf(portPool, 'total'), capacityOf(portPool, 'inUse'), capacityOf(portPool, 'available')]).toEqual([32, 32, 0]);
    const portCounts = reports.flatMap((r) => r.events)
      .filter((e: Doc) => e.resourceId === StreetIds.servingPort)
      .map((e: Doc) => characteristic(e.event.resource, 'connectedOnts'));
    expect(portCounts.length).toBeGreaterThanOrEqual(FREE);
    expect(Math.max(...portCounts)).toBe(32);

    // Reservations only for the journeys that completed, each of them live, each holding what its journey names.
    const reservations: Doc[] = await get(app, `${paths.reservations}?limit=1000`);
    expect(reservations.map((r) => r.id).sort()).toEqual(completed.map((r) => r.context.reservationId).sort());
    expect(reservations.every((r) => r.state === 'completed')).toBe(true);
    const held = new Set(completed.flatMap((r) => Object.values(r.context.resources as Record<string, string>)));
    const taken: Doc[] = await get(app, `${paths.resources}?resourceStatus=reserved&limit=1000`);
    expect(taken.map((r) => r.id).every((id) => held.has(id))).toBe(true);
    expect(taken.filter((r) => r.category !== 'ponPort')).toHaveLength(4 * FREE);

    // Every pool's counts agree with the inventory.
    const pools: Doc[] = await get(app, `${paths.pools}?limit=1000`);
    const ontPool = pools.find((p) => p.id === StreetIds.ontPool)!;
    expect(capacityOf(ontPool, 'inUse')).toBe(taken.filter((r) => r.category === 'ont').length);
    const vlanPool = pools.find((p) => p.id === 'pool-cvlan-svlan-200')!;
    expect([capacityOf(vlanPool, 'inUse'), vlanPool.resource.length]).toEqual([FREE, FREE]);
    expect(taken.filter((r) => r.category === 'vlanPair')).toHaveLength(FREE);

    // Exactly one active broadband service per completed journey.
    const services: Doc[] = await get(app, `${paths.services}?state=active&limit=1000`);
    const broadband = services.filter((s) => s.serviceSpecification.id === completed[0]!.context.accessServiceSpecId);
    expect(broadband.map((s) => s.id).sort()).toEqual(completed.map((r) => r.context.serviceIds['1']).sort());
    const completedServices = new Set(completed.flatMap((r) => Object.values(r.context.serviceIds as Record<string, string>)));
    expect(services.every((s) => completedServices.has(s.id))).toBe(true);

    // Per the matrix (conflict at reservation → compensate), every journey that lost the race has its
    // product order failed, nothing left in flight.
    const orders: Doc[] = await get(app, `${paths.productOrders}?limit=1000`);
    expect(orders.filter((o) => o.state === 'completed')).toHaveLength(FREE);
    const counts: Record<string, number> = {};
    for (const o of orders) counts[String(o.state)] = (counts[String(o.state)] ?? 0) + 1;
    expect(counts).toEqual({ completed: FREE, failed: 190 });
  }, 120_000);
});
