import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { loadDemoDataset } from '../src/scenarios/demo-dataset.js';
import { build, json } from './support/build.js';
import { tempDir } from './support/temp-dir.js';

// The fallout queue: a held run with its structured error; operators resume, retry or abort it.

type Doc = Record<string, any>;

async function heldRun(app: FastifyInstance, scenario: string): Promise<Doc> {
  const response = await app.inject({ method: 'POST', url: `/spine/v1/scenarios/${scenario}/runs?wait=true`, ...json({}) });
  expect(response.statusCode, response.body).toBe(201);
  const report = response.json();
  expect(report.run.status).toBe('held');
  return report;
}

async function demoApp(): Promise<FastifyInstance> {
  const app = await build();
  await loadDemoDataset(app.spine.ctx);
  return app;
}

describe('fallout', () => {
  it('an appointment missed holds every order; resume carries on past the step done by hand', async () => {
    const app = await demoApp();
    const report = await heldRun(app, 'appointment-missed');
    expect(report.run.context.policy).toMatchObject({ policy: 'hold', step: 'complete-field-work', error: { status: 409 } });
    const falloutId = report.run.context.fallout.id;
    const entry = (await app.inject({ method: 'GET', url: `/spine/v1/fallout/${falloutId}` })).json();
    expect(entry).toMatchObject({ status: 'open', step: 'complete-field-work', orders: expect.arrayContaining([report.run.context.productOrderId]) });
    const po = `/tmf-api/productOrderingManagement/v4/productOrder/${report.run.context.productOrderId}`;
    expect((await app.inject({ method: 'GET', url: po })).json().state).toBe('held');

    // The technician came back and did the work; the operator resumes with the next step.
    const resumed = await app.inject({ method: 'POST', url: `/spine/v1/fallout/${falloutId}/resume` });
    expect(resumed.statusCode, resumed.body).toBe(200);
    expect(resumed.json()).toMatchObject({ status: 'resolved', runStatus: 'running', resolution: { action: 'resume' } });
    expect((await app.inject({ method: 'GET', url: po })).json().state).toBe('inProgress');
    await app.spine.runner.drain();
    const done = (await app.inject({ method: 'GET', url: `/spine/v1/runs/${report.run.id}` })).json();
    expect(done.run.status, done.run.error).toBe('completed');
    expect((await app.inject({ method: 'GET', url: po })).json().state).toBe('completed');
    expect(done.steps.find((s: Doc) => s.step === 'complete-field-work')).toMatchObject({ status: 'done', error: expect.stringContaining('done by an operator') });
  });

  it('refuses unknown fallout, unknown actions and actions on a resolved entry, changing nothing', async () => {
    const app = await demoApp();
    const unknown = await app.inject({ method: 'POST', url: '/spine/v1/fallout/fo-nope/retry' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()['@type']).toBe('Error');
    expect((await app.inject({ method: 'GET', url: '/spine/v1/fallout/fo-nope' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/spine/v1/fallout?status=weird' })).statusCode).toBe(400);

    const report = await heldRun(app, 'appointment-missed');
    const falloutId = report.run.context.fallout.id;
    const illegal = await app.inject({ method: 'POST', url: `/spine/v1/fallout/${falloutId}/explode` });
    expect(illegal.statusCode).toBe(404);
    expect(illegal.json()).toMatchObject({ '@type': 'Error', code: 'SPN-404-NO-SUCH-PATH' });
    expect((await app.inject({ method: 'GET', url: `/spine/v1/fallout/${falloutId}` })).json().status).toBe('open');
    const po = `/tmf-api/productOrderingManagement/v4/productOrder/${report.run.context.productOrderId}`;
    expect((await app.inject({ method: 'GET', url: po })).json().state).toBe('held');

    // Resolved once; a second action is refused and changes nothing.
    expect((await app.inject({ method: 'POST', url: `/spine/v1/fallout/${falloutId}/abort` })).statusCode).toBe(200);
    const twice = await app.inject({ method: 'POST', url: `/spine/v1/fallout/${falloutId}/retry` });
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ '@type': 'Error', code: 'SPN-409-ILLEGAL-TRANSITION' });
    await app.spine.runner.drain();
    expect((await app.inject({ method: 'GET', url: po })).json().state).toBe('failed');
    expect((await app.inject({ method: 'GET', url: '/spine/v1/fallout?status=open' })).json()).toEqual([]);
    expect((await app.inject({ method: 'GET', url: '/spine/v1/fallout?status=aborted' })).json()).toEqual([expect.objectContaining({ id: falloutId })]);
  });

  it('a held run survives a restart and can be retried by the new process', async () => {
    const dbPath = join(tempDir('spine-fallout-'), 'spine.db');
    const first = await build({ dbPath });
    await loadDemoDataset(first.spine.ctx);
    const report = await heldRun(first, 'activation-after-ponr');
    await first.close();
    const second = await build({ dbPath });
    expect((await second.inject({ method: 'GET', url: '/spine/v1/fallout' })).json()).toEqual([expect.objectContaining({ id: report.run.context.fallout.id, runId: report.run.id, status: 'open' })]);
    expect((await second.inject({ method: 'POST', url: `/spine/v1/fallout/${report.run.context.fallout.id}/retry` })).statusCode).toBe(200);
    await second.spine.runner.drain();
    expect((await second.inject({ method: 'GET', url: `/spine/v1/runs/${report.run.id}` })).json().run.status).toBe('completed');
  });
});
