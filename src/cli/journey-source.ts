import type { FastifyInstance } from 'fastify';
import { openStore } from '../store/open-store.js';
import { buildApp } from '../server/app.js';
import { loadDemoDataset, SeedChoices, type SeedChoice } from '../scenarios/demo-dataset.js';

/** A JSON answer of the run and trace endpoints. */
export type Doc = Record<string, any>;

/** Where `spine run` and `spine trace` get their answers: an in-process stack or a running server. */
export interface JourneySource {
  start(scenario: string, input: Doc): Promise<Doc>;
  report(runId: string): Promise<Doc>;
  trace(id: string): Promise<Doc>;
  close(): Promise<void>;
}

/** A stack in this process, on the given database (the demo dataset loaded first when asked). */
export async function inProcessSource(dbPath: string, seed: SeedChoice, deterministic?: string): Promise<JourneySource> {
  const store = await openStore(dbPath);
  const app: FastifyInstance = await buildApp({ store, baseUrl: 'http://localhost:8638', deterministic, closeStore: true });
  if (seed === SeedChoices.demo) await loadDemoDataset(app.spine.ctx);
  await app.ready();
  return viaInject(app);
}

/** The same calls against a running `spine serve` at `base` (as `httpUrl` gives it: no trailing slash). */
export function serverSource(base: string): JourneySource {
  const call = async (method: string, path: string, body?: Doc) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: body ? { 'content-type': 'application/json' } : undefined,
      body: body ? JSON.stringify(body) : undefined,
    }).catch((cause: Error) => {
      throw new Error(`cannot reach ${base}: ${cause.message}`);
    });
    const json = await response.json().catch(() => {
      throw new Error(`${base} answered ${method} ${path} with ${response.status} and no JSON: is it a Spine server?`);
    });
    return answer(response.status, json);
  };
  return {
    start: (scenario, input) => call('POST', `/spine/v1/scenarios/${encodeURIComponent(scenario)}/runs`, input),
    report: (runId) => call('GET', `/spine/v1/runs/${encodeURIComponent(runId)}`),
    trace: (id) => call('GET', `/spine/v1/trace/${encodeURIComponent(id)}`),
    close: async () => undefined,
  };
}

function viaInject(app: FastifyInstance): JourneySource {
  const call = async (method: 'GET' | 'POST', url: string, body?: Doc) => {
    const response = await app.inject({ method, url, ...(body && { payload: JSON.stringify(body), headers: { 'content-type': 'application/json' } }) });
    return answer(response.statusCode, response.json());
  };
  return {
    start: (scenario, input) => call('POST', `/spine/v1/scenarios/${encodeURIComponent(scenario)}/runs`, input),
    report: (runId) => call('GET', `/spine/v1/runs/${encodeURIComponent(runId)}`),
    trace: (id) => call('GET', `/spine/v1/trace/${encodeURIComponent(id)}`),
    close: () => app.close(),
  };
}

// A TMF error body becomes an Error with its message, so the CLI prints it and exits non-zero.
function answer(status: number, body: Doc): Doc {
  if (status >= 400) throw new Error(`${String(body.message ?? body.reason ?? 'request failed')} (${status} ${String(body.code ?? '')})`.trim());
  return body;
}
