import type { FastifyInstance } from 'fastify';
import { faultCatalog } from '../orchestrator/faults/catalog.js';
import type { FaultBoard } from '../orchestrator/faults/board.js';
import { decisionMatrix, pointOfNoReturn, policies } from '../orchestrator/policies/matrix.js';
import { resolveFallout } from '../orchestrator/policies/fallout.js';
import type { Runner } from '../orchestrator/runner.js';
import { TmfError } from '../tmf/errors.js';
import { isPlainObject } from '../tmf/merge-patch.js';
import type { TmfContext } from '../tmf/resource-service.js';
import { RunStatus } from '../orchestrator/flow.js';
import { limitParam, singleParam } from './query-params.js';

/** Spine's failure handling: the policy matrix, fault injection and the fallout queue. */
export function mountFailureRoutes(app: FastifyInstance, ctx: TmfContext, runner: Runner, faults: FaultBoard): void {
  // What was armed before a restart is armed again before any journey resumes.
  app.addHook('onReady', () => faults.load(ctx.store));
  // A fault that failed a client's own request fired in a transaction that rolled back: its count is written again.
  app.addHook('onResponse', async (_request, reply) => {
    if (reply.statusCode >= 400) await faults.persistFired(ctx.store);
  });
  app.get('/spine/v1/policies', async () => ({
    policies: Object.values(policies),
    matrix: decisionMatrix,
    pointOfNoReturn,
  }));

  app.get('/spine/v1/faults', async () => ({
    armed: faults.list(),
    available: faultCatalog.map(({ applies: _applies, ...rest }) => rest),
  }));

  app.post('/spine/v1/faults', async (request, reply) => {
    const body = request.body === undefined ? {} : request.body;
    if (!isPlainObject(body)) throw new TmfError('INVALID_BODY', 'the request body must be a JSON object');
    const unknown = Object.keys(body).filter((k) => !['fault', 'times', 'correlationId'].includes(k));
    if (unknown.length) throw new TmfError('INVALID_BODY', `unknown field ${unknown.join(', ')}; use fault, times, correlationId`);
    if (typeof body.fault !== 'string') throw new TmfError('INVALID_BODY', 'fault (a fault id) is required');
    if (body.times !== undefined && typeof body.times !== 'number') throw new TmfError('INVALID_BODY', 'times must be a number');
    // An empty one would arm the fault for every journey, as leaving it out does: that must be said by leaving it out.
    if (body.correlationId !== undefined && (typeof body.correlationId !== 'string' || body.correlationId === '')) throw new TmfError('INVALID_BODY', 'correlationId must be a non-empty string (leave it out to arm the fault for every journey)');
    const armed = await faults.arm(ctx.store, { fault: body.fault, times: body.times as number | undefined, correlationId: body.correlationId as string | undefined }, ctx.now().toISOString());
    reply.header('location', `${ctx.baseUrl}/spine/v1/faults/${armed.id}`);
    return reply.code(201).send(armed);
  });

  app.get<{ Params: { id: string } }>('/spine/v1/faults/:id', async (request) => {
    const armed = faults.get(request.params.id);
    if (!armed) throw new TmfError('NOT_FOUND', `no armed fault ${request.params.id}`);
    return armed;
  });

  app.delete<{ Params: { id: string } }>('/spine/v1/faults/:id', async (request, reply) => {
    if (!(await faults.clear(ctx.store, request.params.id))) throw new TmfError('NOT_FOUND', `no armed fault ${request.params.id}`);
    return reply.code(204).send();
  });

  app.delete('/spine/v1/faults', async (_request, reply) => {
    await faults.clearAll(ctx.store);
    return reply.code(204).send();
  });

  app.get<{ Querystring: { status?: string | string[]; limit?: string | string[] } }>('/spine/v1/fallout', { config: { query: ['status', 'limit'] } }, async (request) => {
    const status = singleParam('status', request.query.status);
    if (status !== undefined && !['open', 'resolved', 'aborted'].includes(status)) throw new TmfError('INVALID_QUERY', `status ${status}: use open, resolved or aborted`);
    const records = await ctx.store.listFallout({ status, limit: limitParam(request.query.limit, { fallback: 100, max: 1000 }) });
    return records.map((r) => r.entry);
  });

  app.get<{ Params: { id: string } }>('/spine/v1/fallout/:id', async (request) => {
    const record = await ctx.store.getFallout(request.params.id);
    if (!record) throw new TmfError('NOT_FOUND', `no fallout ${request.params.id}`);
    return record.entry;
  });

  app.post<{ Params: { id: string; action: string } }>('/spine/v1/fallout/:id/:action', async (request) => {
    const { id, action } = request.params;
    if (action !== 'resume' && action !== 'retry' && action !== 'abort') throw new TmfError('NO_SUCH_PATH', `no fallout action ${action}; use resume, retry or abort`);
    const entry = await ctx.store.transaction((tx) => resolveFallout(tx, ctx, runner.flows, id, action));
    if (entry.runStatus === RunStatus.running) runner.kick();
    return entry;
  });
}
