import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { loadDemoDataset } from '../src/scenarios/demo-dataset.js';
import { build, json } from './support/build.js';

// Journeys started without a customer over HTTP: each goes to the first demo residential customer
// whose premises no line holds, so a second card shows its own lesson instead of "not available: drop";
// with every such premises taken the start is refused and nothing is created.

type Doc = Record<string, any>;

const DEFAULTS = {
  'cust-56789': 'addr-tor-42-maple-ave',
  'cust-56794': 'addr-tor-27-bertmount-ave',
  'cust-56795': 'addr-tor-118-logan-ave',
  'cust-56796': 'addr-tor-21-birch-st',
} as const;

async function demoApp(): Promise<FastifyInstance> {
  const app = await build();
  await loadDemoDataset(app.spine.ctx);
  return app;
}

function start(app: FastifyInstance, scenario: string, input: Doc = {}) {
  return app.inject({ method: 'POST', url: `/spine/v1/scenarios/${scenario}/runs?wait=true`, ...json(input) });
}

async function run(app: FastifyInstance, scenario: string, input: Doc = {}): Promise<Doc> {
  const response = await start(app, scenario, input);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function count(app: FastifyInstance, url: string): Promise<number> {
  return ((await app.inject({ method: 'GET', url })).json() as unknown[]).length;
}

const whom = (report: Doc) => [report.run.context.customerId, report.run.context.addressId, report.run.status];

describe('a journey started without a customer', () => {
  it('goes to the next demo customer whose premises is free, and is refused with a 409 once none is', async () => {
    const app = await demoApp();

    const first = await run(app, 'gpon-ftth');
    expect(whom(first)).toEqual(['cust-56789', DEFAULTS['cust-56789'], 'completed']);

    // Jane's drop is in service: the retry card runs for Sophie Tremblay and shows its retries, not a refused drop.
    const retry = await run(app, 'activation-retry');
    expect(whom(retry)).toEqual(['cust-56794', DEFAULTS['cust-56794'], 'completed']);
    expect(retry.exchanges.filter((x: Doc) => x.api === 'TMF702' && x.status === 504)).toHaveLength(2);

    // Two started together: the first still running holds its premises, so the second takes the next one.
    const together = await Promise.all([run(app, 'gpon-ftth'), run(app, 'appointment-missed')]);
    expect(together.map(whom).sort()).toEqual([
      ['cust-56795', DEFAULTS['cust-56795'], expect.any(String)],
      ['cust-56796', DEFAULTS['cust-56796'], expect.any(String)],
    ]);
    const [provision, missed] = together;
    expect(provision!.run.status).toBe('completed');
    expect([missed!.run.status, missed!.steps.find((s: Doc) => s.status === 'failed')?.step]).toEqual(['held', 'complete-field-work']);

    // A caller naming only the address still orders for Jane, and meets the gate it came for.
    const tech001 = await run(app, 'reject-tech-001');
    expect([tech001.run.context.customerId, tech001.run.status, tech001.steps.find((s: Doc) => s.status === 'failed')?.step]).toEqual(['cust-56789', 'failed', 'qualify-service']);
    expect(JSON.stringify(tech001.exchanges)).toContain('TECH-001');

    // Every default premises is taken: refused with a TMF error, no run, no order.
    const runs = await count(app, '/spine/v1/runs?limit=500');
    const orders = await count(app, '/tmf-api/productOrderingManagement/v4/productOrder?limit=1000');
    for (const scenario of ['gpon-ftth', 'partial-home-network']) {
      const refused = await start(app, scenario);
      expect(refused.statusCode).toBe(409);
      const body = refused.json();
      expect(body).toMatchObject({ code: 'SPN-409-CONFLICT', status: '409', '@type': 'Error' });
      for (const addressId of Object.values(DEFAULTS)) expect(body.message).toContain(addressId);
      expect(body.message).toContain(`drop res-inst-drop-42-maple-ave in service`);
      expect(body.message).toContain('spine run gpon-cease --customer cust-56789');
    }
    expect(await count(app, '/spine/v1/runs?limit=500')).toBe(runs);
    expect(await count(app, '/tmf-api/productOrderingManagement/v4/productOrder?limit=1000')).toBe(orders);

    // Ceasing a product frees its premises for the next journey without a customer.
    const freed = provision!.run.context.customerId as keyof typeof DEFAULTS;
    expect((await run(app, 'gpon-cease', { customerId: freed })).run.status).toBe('completed');
    expect(whom(await run(app, 'gpon-ftth'))).toEqual([freed, DEFAULTS[freed], 'completed']);
  }, 60_000);
});
