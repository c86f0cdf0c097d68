import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { registerHub, unregisterHub } from '../events/hubs.js';
import { TmfError } from '../tmf/errors.js';
import { parseListQuery, projectFields } from '../tmf/query/index.js';
import type { ApiResource, TmfApi } from '../tmf/registry.js';
import { idempotentWrite, type WriteOutcome } from '../tmf/idempotency.js';
import {
  behaviourOf,
  createInTx,
  deleteInTx,
  listResources,
  listSubResources,
  patchInTx,
  retrieveResource,
  retrieveSubResource,
  type RequestMeta,
  type TmfContext,
} from '../tmf/resource-service.js';

type Query = Record<string, string | string[] | undefined>;

const PATCH_TYPES = ['application/json', 'application/merge-patch+json'];

/** Mounts one TMF API at its base path: the uniform contract for each resource, plus its hub. */
export function mountTmfApi(app: FastifyInstance, ctx: TmfContext, api: TmfApi): void {
  app.register(
    async (scope) => {
      for (const resource of api.resources) mountResource(scope, ctx, api, resource);
      scope.post('/hub', async (request, reply) => {
        const subscription = await registerHub(ctx.store, { api: api.id }, request.body, ctx);
        return reply.code(201).header('location', `${ctx.baseUrl}${api.basePath}/hub/${subscription.id}`).send(subscription);
      });
      scope.delete<{ Params: { id: string } }>('/hub/:id', async (request, reply) => {
        await unregisterHub(ctx.store, { api: api.id }, request.params.id);
        return reply.code(204).send();
      });
    },
    { prefix: api.basePath },
  );
}

function mountResource(scope: FastifyInstance, ctx: TmfContext, api: TmfApi, resource: ApiResource): void {
  const target = { api, resource };
  const collection = `/${resource.name}`;
  const item = `/${resource.name}/:id`;

  if (resource.operations.includes('list')) {
    scope.get<{ Querystring: Query }>(collection, async (request, reply) => {
      return sendPage(reply, await listResources(ctx, target, parseListQuery(request.query)));
    });
  }
  if (resource.operations.includes('create')) {
    scope.post(collection, async (request, reply) => {
      requireJson(request, ['application/json']);
      const meta = metaOf(ctx, request);
      const outcome = await idempotentWrite(ctx.store, writeOf(ctx, request), async (tx) => {
        const doc = await createInTx(tx, ctx, target, request.body, meta);
        return { status: behaviourOf(ctx, target)?.createdStatus?.(doc) ?? 201, body: doc };
      });
      reply.header('location', String(outcome.body?.href));
      return send(reply, outcome);
    });
  }
  if (resource.operations.includes('retrieve')) {
    scope.get<{ Params: { id: string }; Querystring: Query }>(item, async (request) => {
      const { fields } = parseListQuery(pickFields(request.query));
      return projectFields(await retrieveResource(ctx, target, request.params.id), fields);
    });
  }
  for (const { name } of resource.subResources ?? []) {
    scope.get<{ Params: { id: string }; Querystring: Query }>(`${item}/${name}`, async (request, reply) => {
      return sendPage(reply, await listSubResources(ctx, target, request.params.id, name, parseListQuery(request.query)));
    });
    scope.get<{ Params: { id: string; subId: string }; Querystring: Query }>(`${item}/${name}/:subId`, async (request) => {
      const { fields } = parseListQuery(pickFields(request.query));
      return projectFields(await retrieveSubResource(ctx, target, request.params.id, name, request.params.subId), fields);
    });
  }
  if (resource.operations.includes('patch')) {
    scope.patch<{ Params: { id: string } }>(item, async (request, reply) => {
      requireJson(request, PATCH_TYPES);
      const meta = metaOf(ctx, request);
      const outcome = await idempotentWrite(ctx.store, writeOf(ctx, request), async (tx) => ({
        status: 200,
        body: await patchInTx(tx, ctx, target, request.params.id, request.body, meta),
      }));
      return send(reply, outcome);
    });
  }
  if (resource.operations.includes('delete')) {
    scope.delete<{ Params: { id: string } }>(item, async (request, reply) => {
      const meta = metaOf(ctx, request);
      const outcome = await idempotentWrite(ctx.store, writeOf(ctx, request), async (tx) => {
        await deleteInTx(tx, ctx, target, request.params.id, meta);
        return { status: 204, body: null };
      });
      return send(reply, outcome);
    });
  }
}

/** The journey's correlationId when the caller sends one, else one minted for this request. */
export function metaOf(ctx: Pick<TmfContext, 'uuid'>, request: FastifyRequest): RequestMeta {
  const header = request.headers['x-correlation-id'];
  const given = Array.isArray(header) ? header[0] : header;
  return { correlationId: given && given.length <= 200 ? given : ctx.uuid() };
}

function writeOf(ctx: TmfContext, request: FastifyRequest) {
  const header = request.headers['idempotency-key'];
  return {
    key: Array.isArray(header) ? header[0] : header,
    method: request.method,
    path: request.url.split('?')[0]!,
    body: request.body,
    at: () => ctx.now().toISOString(),
  };
}

/** A page of a TMF630 list: 206 when it is not the whole list, with the total and the page's count in headers. */
export function sendPage(reply: FastifyReply, { page, total, partial }: { page: unknown[]; total: number; partial: boolean }): FastifyReply {
  return reply.code(partial ? 206 : 200).header('x-total-count', String(total)).header('x-result-count', String(page.length)).send(page);
}

/** Sends a (possibly replayed) write; a replay says so in `Idempotent-Replayed`. */
function send(reply: FastifyReply, outcome: WriteOutcome & { replayed: boolean }): FastifyReply {
  if (outcome.replayed) reply.header('idempotent-replayed', 'true');
  return reply.code(outcome.status).send(outcome.body ?? undefined);
}

function requireJson(request: FastifyRequest, accepted: string[]): void {
  const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (!accepted.includes(type)) {
    throw new TmfError('UNSUPPORTED_MEDIA_TYPE', `Content-Type must be ${accepted.join(' or ')}`);
  }
}

// A retrieve takes `fields` alone (TMF630): a filter given to it would be ignored, and the item sent whatever it holds.
function pickFields(query: Query): Query {
  const other = Object.keys(query).find((name) => name !== 'fields');
  if (other !== undefined) throw new TmfError('INVALID_QUERY', `a retrieve by id takes no query parameter but fields, not "${other}": to select by ${other}, filter the list`);
  return query.fields === undefined ? {} : { fields: query.fields };
}
