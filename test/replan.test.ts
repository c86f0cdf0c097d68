import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../src/scenarios/demo-dataset.js';
import { streetAddressId, streetCustomerId, streetDataset, StreetIds, type StreetOptions } from '../src/scenarios/fixtures/street-dataset.js';
import { build } from './support/build.js';

// Two journeys race for the last place of the port their premises qualify on. The street's splitter
// is also fed by a second GPON port of the same OLT: the journey that loses the race is re-planned
// onto it at reservation, and the resource order says why. With no such port, it stops as before.

type Doc = Record<string, any>;
const clock = () => new Date('2026-11-26T10:00:00Z');

async function race(options: Omit<StreetOptions, 'premises'>): Promise<{ app: FastifyInstance; runs: Doc[] }> {
  const dataset = streetDataset({ premises: 2, ...options });
  const app = await build({ now: clock, network: dataset.network });
  await loadDataset(app.spine.ctx, dataset);
  // Both start before the runner's next pass, so that pass takes both, a step of each in turn: over HTTP,
  // the second request could reach the store only once a pass had run the first journey to its end.
  const started = await Promise.all([1, 2].map((n) => app.spine.runner.startRun('gpon-ftth', { customerId: streetCustomerId(n), addressId: streetAddressId(n) })));
  const ids = started.map((run) => run.id);
  for (;;) {
    const runs: Doc[] = await Promise.all(ids.map(async (id) => (await app.inject({ method: 'GET', url: `/spine/v1/runs/${id}` })).json()));
    if (runs.every((r) => r.run.status === 'completed' || r.run.status === 'failed')) return { app, runs };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const connectedOnts = (port: Doc) => port.resourceCharacteristic.find((c: Doc) => c.name === 'connectedOnts').value;

describe('re-planning on the adjacent port', () => {
  it('completes both journeys racing for the last place, the second on another port of the same OLT, and says why', async () => {
    const { app, runs } = await race({ connectedOnts: 31, adjacentPortOnts: 20 });
    expect(runs.map((r) => [r.run.status, r.run.error])).toEqual([['completed', null], ['completed', null]]);
    const ports = runs.map((r) => r.run.context.resources.accessPort);
    expect(new Set(ports)).toEqual(new Set([StreetIds.servingPort, StreetIds.adjacentPort]));

    // Both qualified on the serving port; the one on the adjacent port checked it, found it full, and moved.
    for (const { run } of runs) {
      const sq = (await app.inject({ method: 'GET', url: `/tmf-api/serviceQualificationManagement/v4/checkServiceQualification/${run.context.serviceQualificationId}` })).json();
      expect(sq.serviceQualificationItem[0].service.serviceCharacteristic).toContainEqual({ name: 'frameSlotPort', valueType: 'string', value: '1/1/1' });
    }
    const moved = runs.find((r) => r.run.context.resources.accessPort === StreetIds.adjacentPort)!;
    const checks = moved.exchanges.filter((e: Doc) => e.method === 'POST' && e.path.endsWith('/availabilityCheck'));
    expect(checks.map((e: Doc) => e.response.reservationItem.find((i: Doc) => i.id === 'accessPort').state)).toEqual(['rejected', 'completed']);
    expect(moved.run.context.replanned).toMatch(/^re-planned from OLT-ELM-ST-001 GPON 1\/1\/1, full since qualification \(0 of 32 ONT available.*\), to OLT-ELM-ST-001 GPON 1\/1\/2 via SPLIT-ELM-ST-01 \(12 of 32 ONT available.*dB of 28\.0 dB\)$/);
    const order = (await app.inject({ method: 'GET', url: `/tmf-api/resourceOrderingManagement/v4/resourceOrder/${moved.run.context.resourceOrderId}` })).json();
    expect(order.note).toEqual([expect.objectContaining({ author: 'ROM', text: moved.run.context.replanned })]);
    const reservation = (await app.inject({ method: 'GET', url: `/tmf-api/resourcePoolManagement/v4/reservation/${moved.run.context.reservationId}` })).json();
    expect(reservation.description).toContain('re-planned from OLT-ELM-ST-001 GPON 1/1/1');

    // Each port carries exactly its journey.
    const port = async (id: string) => (await app.inject({ method: 'GET', url: `/tmf-api/resourceInventoryManagement/v4/resource/${id}` })).json();
    expect([connectedOnts(await port(StreetIds.servingPort)), connectedOnts(await port(StreetIds.adjacentPort))]).toEqual([32, 21]);
  });

  it('stops the journey that loses the race as before when the adjacent port is full too', async () => {
    const { runs } = await race({ connectedOnts: 31, adjacentPortOnts: 32 });
    expect(runs.map((r) => r.run.status).sort()).toEqual(['completed', 'failed']);
    const failed = runs.find((r) => r.run.status === 'failed')!;
    expect(failed.run.error).toBe('rolled back: not available: accessPort');
    expect(failed.steps.find((s: Doc) => s.status === 'failed').step).toBe('reserve-resources');
    expect(failed.run.context.replanned).toBeUndefined();
  });
});
