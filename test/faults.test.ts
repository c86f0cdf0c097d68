import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { loadDemoDataset } from '../src/scenarios/demo-dataset.js';
import { BASE_URL, build, json } from './support/build.js';
import { tempDir } from './support/temp-dir.js';

// The fault API: arm, see, clear; a fault armed makes the simulated system answer with the error and
// the journey gets the policy of the matrix; with nothing armed the same journey succeeds.

type Doc = Record<string, any>;

async function demoApp(): Promise<FastifyInstance> {
  const app = await build();
  await loadDemoDataset(app.spine.ctx);
  return app;
}

async function gpon(app: FastifyInstance): Promise<Doc> {
  const response = await app.inject({ method: 'POST', url: '/spine/v1/scenarios/gpon-ftth/runs?wait=true', ...json({}) });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

const arm = (app: FastifyInstance, body: unknown) => app.inject({ method: 'POST', url: '/spine/v1/faults', ...json(body) });

describe('fault injection', () => {
  it('has nothing armed by default, lists what can be armed, arms, shows and clears', async () => {
    const app = await build();
    const empty = (await app.inject({ method: 'GET', url: '/spine/v1/faults' })).json();
    expect(empty.armed).toEqual([]);
    expect(empty.available.map((f: Doc) => f.id)).toEqual(expect.arrayContaining(['bng-timeout', 'ont-ranging', 'reservation-conflict', 'service-activation', 'appointment-missed']));
    const armed = await arm(app, { fault: 'bng-timeout', times: 2 });
    expect(armed.statusCode, armed.body).toBe(201);
    expect(armed.json()).toMatchObject({ fault: 'bng-timeout', times: 2, remaining: 2, target: 'TMF702/resource' });
    const id = armed.json().id;
    // Absolute, as every Location the TMF APIs send is.
    expect(armed.headers.location).toBe(`${BASE_URL}/spine/v1/faults/${id}`);
    expect((await app.inject({ method: 'GET', url: `/spine/v1/faults/${id}` })).json()).toMatchObject({ id, remaining: 2 });

    expect((await app.inject({ method: 'DELETE', url: `/spine/v1/faults/${id}` })).statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: '/spine/v1/faults' })).json().armed).toEqual([]);
    await arm(app, { fault: 'ont-ranging' });
    expect((await app.inject({ method: 'DELETE', url: '/spine/v1/faults' })).statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: '/spine/v1/faults' })).json().armed).toEqual([]);
  });

  it('refuses bad input with a TMF error and arms nothing', async () => {
    const app = await build();
    for (const body of [{ fault: 'no-such-fault' }, { fault: 'bng-timeout', times: -1 }, { fault: 'bng-timeout', times: 0 }, { fault: 'bng-timeout', times: 1.5 }, { fault: 'bng-timeout', times: '2' }, {}, { fault: 'bng-timeout', colour: 'red' }, [], null, { fault: 'bng-timeout', correlationId: '' }, { fault: 'bng-timeout', correlationId: 7 }]) {
      const response = await arm(app, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json()).toMatchObject({ '@type': 'Error', code: 'SPN-400-INVALID-BODY', status: '400' });
    }
    expect((await app.inject({ method: 'GET', url: '/spine/v1/faults' })).json().armed).toEqual([]);
    for (const [method, url] of [['GET', '/spine/v1/faults/flt-99'], ['DELETE', '/spine/v1/faults/flt-99']] as const) {
      const response = await app.inject({ method, url });
      expect(response.statusCode).toBe(404);
      expect(response.json()['@type']).toBe('Error');
    }
  });

  it('an ONT ranging fault armed through the API rolls the journey back; unarmed, the same journey completes', async () => {
    const app = await demoApp();
    expect((await arm(app, { fault: 'ont-ranging', times: 1 })).statusCode).toBe(201);
    const failed = await gpon(app);
    expect(failed.run.status).toBe('failed');
    expect(failed.run.context.policy).toMatchObject({ policy: 'compensate', matrixRow: 'refused-before-ponr', step: 'activate-resources' });
    const refused = failed.exchanges.find((e: Doc) => e.status === 422);
    expect(refused).toMatchObject({ api: 'TMF702', method: 'POST', response: { code: 'SPN-422-NETWORK-REFUSED' } });
    expect((await app.inject({ method: 'GET', url: `/tmf-api/productOrderingManagement/v4/productOrder/${failed.run.context.productOrderId}` })).json().state).toBe('failed');
    // Used up: nothing armed any more, and the same journey now succeeds.
    expect((await app.inject({ method: 'GET', url: '/spine/v1/faults' })).json().armed).toEqual([]);
    const ok = await gpon(app);
    expect(ok.run.status).toBe('completed');
  });

  it('a BNG timeout that outlasts the retries is escalated to compensate, with a jeopardy alert on the run and the service order', async () => {
    const app = await demoApp();
    await arm(app, { fault: 'bng-timeout', times: 10 });
    const report = await gpon(app);
    expect(report.run.status).toBe('failed');
    expect(report.steps.find((s: Doc) => s.step === 'activate-resources')).toMatchObject({ status: 'failed', attempts: 4 });
    expect(report.run.context.policy).toMatchObject({ policy: 'compensate', matrixRow: 'transient-before-ponr', error: { status: 504 } });
    expect(report.run.context.jeopardy).toMatchObject({ step: 'activate-resources' });
    // The SLA risk is a TMF signal: a jeopardyAlert on the service order and one ServiceOrderJeopardyEvent of the journey.
    const jeopardyEvents = report.events.filter((e: Doc) => e.eventType === 'ServiceOrderJeopardyEvent');
    expect(jeopardyEvents).toHaveLength(1);
    expect(jeopardyEvents[0]).toMatchObject({ correlationId: report.run.correlationId });
    const order = (await app.inject({ method: 'GET', url: `/tmf-api/serviceOrdering/v4/serviceOrder/${report.run.context.serviceOrderId}` })).json();
    expect(order.jeopardyAlert).toEqual([expect.objectContaining({ name: 'SLA at risk', jeopardyType: 'Hazard', message: report.run.context.jeopardy.reason })]);
    expect((await app.inject({ method: 'GET', url: '/spine/v1/faults' })).json().armed).toEqual([expect.objectContaining({ fault: 'bng-timeout', remaining: 6 })]);
  });

  it('a fault armed for another journey leaves this one alone', async () => {
    const app = await demoApp();
    await arm(app, { fault: 'ont-ranging', correlationId: 'journey-somebody-else' });
    expect((await gpon(app)).run.status).toBe('completed');
  });
});

describe('armed faults across a restart', () => {
  it('keep what is armed and how many times each has yet to fire, counting the attempts that rolled back', async () => {
    const dbPath = join(tempDir('spine-faults-'), 'spine.db');
    let app = await build({ dbPath });
    const armed = async () => (await app.inject({ method: 'GET', url: '/spine/v1/faults' })).json().armed as Doc[];
    const restart = async () => {
      const before = await armed();
      await app.close();
      app = await build({ dbPath });
      expect(await armed()).toEqual(before);
    };
    await loadDemoDataset(app.spine.ctx);
    await arm(app, { fault: 'bng-timeout', times: 10 });
    await arm(app, { fault: 'ont-ranging', times: 2, correlationId: 'journey-somebody-else' });
    // Four attempts fail, each rolled back with its step: six left, recorded with the failed attempts.
    expect((await gpon(app)).run.status).toBe('failed');
    await restart();
    expect((await armed()).map((f) => [f.fault, f.remaining, f.correlationId])).toEqual([['bng-timeout', 6, undefined], ['ont-ranging', 2, 'journey-somebody-else']]);
    // A client's own request the fault refuses rolls back too, and still uses it up.
    await arm(app, { fault: 'reservation-conflict', times: 1 });
    const refused = await app.inject({ method: 'POST', url: '/tmf-api/resourcePoolManagement/v4/reservation', ...json({ relatedParty: [{ id: 'cust-56789' }], reservationItem: [{ quantity: 1 }] }) });
    expect(refused.statusCode, refused.body).toBe(409);
    await restart();
    expect((await armed()).map((f) => f.fault)).toEqual(['bng-timeout', 'ont-ranging']);
    expect((await arm(app, { fault: 'ont-ranging' })).json().id).toBe('flt-4');
    expect((await app.inject({ method: 'DELETE', url: '/spine/v1/faults' })).statusCode).toBe(204);
    await restart();
    expect(await armed()).toEqual([]);
  });
});

describe('faults armed with a run', () => {
  // `spine run --fault` armed faults for every journey before the start was accepted: a refused start left them to break the next journey.
  it('arms the body\'s faults for the new journey alone, in the transaction that creates the run', async () => {
    const app = await demoApp();
    const started = await app.inject({ method: 'POST', url: '/spine/v1/scenarios/gpon-ftth/runs', ...json({ faults: [{ fault: 'bng-timeout', times: 2 }] }) });
    expect(started.statusCode, started.body).toBe(202);
    const faults = (await app.inject({ method: 'GET', url: '/spine/v1/faults' })).json().armed;
    expect(faults).toEqual([expect.objectContaining({ fault: 'bng-timeout', times: 2, correlationId: started.json().correlationId })]);
    const report = async () => (await app.inject({ method: 'GET', url: `/spine/v1/runs/${started.json().id}` })).json();
    await expect.poll(async () => (await report()).run.status, { timeout: 15_000 }).toBe('completed');
    expect((await report()).exchanges.filter((x: { status: number }) => x.status === 504)).toHaveLength(2);
  });

  it('arms nothing and starts nothing when the start or the faults are refused', async () => {
    const app = await demoApp();
    for (const [body, status] of [
      [{ customerId: 'cust-nope', faults: [{ fault: 'bng-timeout', times: 2 }] }, 404],
      [{ faults: [{ fault: 'bng-timeout', times: 2 }, { fault: 'no-such-fault' }] }, 400],
      [{ faults: [{ fault: 'bng-timeout', times: 0 }] }, 400],
      [{ faults: 'bng-timeout' }, 400],
      [{ faults: [{ times: 2 }] }, 400],
    ] as const) {
      const refused = await app.inject({ method: 'POST', url: '/spine/v1/scenarios/gpon-ftth/runs', ...json(body) });
      expect([JSON.stringify(body), refused.statusCode]).toEqual([JSON.stringify(body), status]);
    }
    expect((await app.inject({ method: 'GET', url: '/spine/v1/faults' })).json().armed).toEqual([]);
    expect((await app.inject({ method: 'GET', url: '/spine/v1/runs' })).json()).toEqual([]);
  });
});

describe('spine run --fault', () => {
  const BIN = join(import.meta.dirname, '..', 'bin', 'spine.js');

  it('arms the fault for its journey and shows the policy applied', () => {
    const result = spawnSync(process.execPath, [BIN, 'run', 'gpon-ftth', '--db', ':memory:', '--fault', 'ont-ranging:1', '--json'], { encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.run.status).toBe('failed');
    expect(report.run.context.policy).toMatchObject({ policy: 'compensate', step: 'activate-resources' });
  });

  it('leaves nothing armed on the database when the start is refused', () => {
    const db = join(tempDir('spine-fault-cli-'), 'spine.db');
    const refused = spawnSync(process.execPath, [BIN, 'run', 'gpon-ftth', '--db', db, '--customer', 'cust-nope', '--fault', 'ont-ranging:3'], { encoding: 'utf8' });
    expect([refused.status, refused.stderr]).toEqual([1, expect.stringContaining('cust-nope')]);
    const next = spawnSync(process.execPath, [BIN, 'run', 'gpon-ftth', '--db', db, '--json'], { encoding: 'utf8' });
    expect(next.status, next.stderr).toBe(0);
    expect(JSON.parse(next.stdout).run.status).toBe('completed');
  });

  it('refuses an unknown fault or a bad count before anything runs', () => {
    for (const spec of ['no-such-fault', 'bng-timeout:-1', 'bng-timeout:x']) {
      const result = spawnSync(process.execPath, [BIN, 'run', 'gpon-ftth', '--db', ':memory:', '--fault', spec], { encoding: 'utf8' });
      expect(result.status, spec).not.toBe(0);
      expect(result.stderr).toMatch(/fault|times/);
      expect(result.stdout).not.toContain('run run-');
    }
  });
});
