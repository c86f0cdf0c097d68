import type { FastifyInstance } from 'fastify';
import type { FaultRequest } from '../orchestrator/faults/board.js';
import { runReport, waitForRun } from '../orchestrator/run-report.js';
import type { Runner } from '../orchestrator/runner.js';
import { traceId } from '../orchestrator/trace.js';
import type { Store } from '../store/port.js';
import { TmfError } from '../tmf/errors.js';
import { isPlainObject } from '../tmf/merge-patch.js';
import { streamActivity } from './activity-stream.js';
import { limitParam, singleParam } from './query-params.js';

const MAX_WAIT_MS = 60_000;

/** Spine's own endpoints for journeys: scenarios, runs, the golden-thread trace and the live stream. */
export function mountRunRoutes(app: FastifyInstance, store: Store, runner: Runner, baseUrl: string): void {
  app.get('/spine/v1/scenarios', async () =>
    [...runner.flows.values()].map((flow) => ({
      name: flow.scenario,
      title: flow.title,
      description: flow.description,
      steps: flow.steps.map((s) => ({ id: s.id, actor: s.actor, title: s.title, compensable: Boolean(s.compensate) })),
      parameters: flow.parameters,
      ...(flow.pointOfNoReturn && { pointOfNoReturn: flow.pointOfNoReturn }),
      ...(flow.input && { input: flow.input }),
      ...(flow.faults && { faults: flow.faults }),
      ...(flow.card && { card: flow.card }),
      runs: `/spine/v1/scenarios/${flow.scenario}/runs`,
    })),
  );

  app.post<{ Params: { name: string }; Querystring: { wait?: string | string[] } }>('/spine/v1/scenarios/:name/runs', { config: { query: ['wait'] } }, async (request, reply) => {
    const wait = singleParam('wait', request.query.wait);
    if (wait !== undefined && wait !== 'true' && wait !== 'false') throw new TmfError('INVALID_QUERY', `wait ${wait}: use true or false`);
    // No body is no parameters; a JSON null is a body, and not an object.
    const body = request.body === undefined ? {} : request.body;
    if (!isPlainObject(body)) throw new TmfError('INVALID_BODY', 'the request body must be a JSON object');
    const { faults, ...parameters } = body;
    const run = await runner.startRun(request.params.name, parameters, faultRequests(faults));
    reply.header('location', `${baseUrl}/spine/v1/runs/${run.id}`);
    if (wait !== 'true') return reply.code(202).send(run);
    await waitForRun(store, run.id, MAX_WAIT_MS);
    return reply.code(201).send(await runReport(store, run.id));
  });

  app.get<{ Querystring: { scenario?: string | string[]; limit?: string | string[] } }>('/spine/v1/runs', { config: { query: ['scenario', 'limit'] } }, async (request) => {
    const limit = limitParam(request.query.limit, { fallback: 50, max: 500 });
    return store.listRuns({ scenario: singleParam('scenario', request.query.scenario), limit });
  });

  app.get<{ Params: { id: string } }>('/spine/v1/runs/:id', async (request) => runReport(store, request.params.id));

  app.get<{ Params: { id: string } }>('/spine/v1/trace/:id', async (request) => traceId(store, request.params.id));

  const closing = new AbortController();
  app.addHook('preClose', async () => closing.abort());
  app.get('/spine/v1/stream', { config: { query: ['since'], produces: 'text/event-stream' } }, (request, reply) => streamActivity(store, request, reply, closing.signal));
}

/** The body's `faults`: faults armed for the new run's journey alone, as `[{"fault": "bng-timeout", "times": 2}]`. */
function faultRequests(faults: unknown): FaultRequest[] {
  if (faults === undefined) return [];
  const valid = Array.isArray(faults) && faults.every((f) => isPlainObject(f) && typeof f.fault === 'string' && (f.times === undefined || typeof f.times === 'number'));
  if (!valid) throw new TmfError('INVALID_BODY', 'faults must be a list of {"fault": "<id>", "times": <n>} (GET /spine/v1/faults lists the ids)');
  return faults as FaultRequest[];
}
