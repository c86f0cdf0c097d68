import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { loadDemoDataset } from '../../src/scenarios/demo-dataset.js';
import { build, json } from './build.js';

// Shared by the modify, held and cease tests: a demo app, journeys started over HTTP, inventory reads.

export type Doc = Record<string, any>;
export const RESOURCE = '/tmf-api/resourceInventoryManagement/v4/resource';
export const POOL = '/tmf-api/resourcePoolManagement/v4/resourcePool';

/** A fresh app with the demo data on a clock that moves (a waiting step is due again once time passes). */
export async function demoApp(): Promise<FastifyInstance> {
  const app = await build();
  await loadDemoDataset(app.spine.ctx);
  return app;
}

/** Starts a scenario and waits until it is no longer running; answers the run report. */
export async function runScenario(app: FastifyInstance, scenario: string, input: Doc = {}): Promise<Doc> {
  const response = await app.inject({ method: 'POST', url: `/spine/v1/scenarios/${scenario}/runs?wait=true`, ...json(input) });
  expect(response.statusCode, response.body).toBe(201);
  return report(app, response.json().run.id);
}

export async function report(app: FastifyInstance, runId: string): Promise<Doc> {
  return get(app, `/spine/v1/runs/${runId}`);
}

export async function get(app: FastifyInstance, path: string): Promise<Doc> {
  const response = await app.inject({ method: 'GET', url: path });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

export const characteristic = (doc: Doc, name: string) => (doc.resourceCharacteristic as Doc[]).find((c) => c.name === name)?.value;
export const capacity = (pool: Doc, line: string) => pool.capacity.find((c: Doc) => c.capacitySpec.name === line).capacityAmount.capacityAmount;

/**
 * The calls of a run aimed at a resource on the network or in reservations: TMF702 calls naming it,
 * TMF685 calls that look it up or reserve it. (A release PATCH resends the whole reservation, so it
 * mentions every resource it holds; what it changes is checked on the resources themselves.)
 */
export function networkCallsFor(run: Doc, resourceId: string): Doc[] {
  return (run.exchanges as Doc[]).filter((e) => {
    const text = JSON.stringify([e.path, e.request ?? null]);
    if (/ResourceActivationAndConfiguration/.test(e.path)) return text.includes(resourceId);
    if (/resourcePoolManagement/.test(e.path)) return e.method !== 'PATCH' && text.includes(resourceId);
    return false;
  });
}

/** Polls `check` until it holds (the runner works in the background); fails after `timeoutMs`. */
export async function until(check: () => Promise<boolean>, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('timed out');
}
