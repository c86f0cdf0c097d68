import type { FastifyInstance } from 'fastify';
import { registerHub, toSubscription, unregisterHub } from '../events/hubs.js';
import { EVENT_API } from '../events/publish.js';
import { listTopicEvents, mustGetTopic, postTopicEvent, retrieveTopicEvent } from '../events/topics.js';
import { TmfError } from '../tmf/errors.js';
import { parseListQuery } from '../tmf/query/index.js';
import type { TmfApi } from '../tmf/registry.js';
import type { TmfContext } from '../tmf/resource-service.js';
import { metaOf } from './tmf-routes.js';

type Query = Record<string, string | string[] | undefined>;
type TopicParams = { topicId: string };

/** TMF688's nested routes: events and hubs of a topic (the topic resource itself is generic). */
export function mountEventTopics(app: FastifyInstance, ctx: TmfContext, eventApi: TmfApi): void {
  app.register(
    async (scope) => {
      scope.get<{ Params: TopicParams; Querystring: Query }>('/topic/:topicId/event', async (request, reply) => {
        const { page, total, partial } = await listTopicEvents(ctx.store, request.params.topicId, parseListQuery(request.query));
        return reply.code(partial ? 206 : 200).header('x-total-count', String(total)).header('x-result-count', String(page.length)).send(page);
      });
      scope.post<{ Params: TopicParams }>('/topic/:topicId/event', async (request, reply) => {
        const envelope = await postTopicEvent(ctx.store, request.params.topicId, request.body, ctx, metaOf(ctx, request).correlationId);
        return reply.code(201).send(envelope);
      });
      scope.get<{ Params: TopicParams & { id: string } }>('/topic/:topicId/event/:id', async (request) =>
        retrieveTopicEvent(ctx.store, request.params.topicId, request.params.id),
      );
      scope.get<{ Params: TopicParams }>('/topic/:topicId/hub', async (request) => {
        await mustGetTopic(ctx.store, request.params.topicId);
        const hubs = await ctx.store.listHubs(EVENT_API);
        return hubs.filter((h) => h.topicId === request.params.topicId).map(toSubscription);
      });
      scope.post<{ Params: TopicParams }>('/topic/:topicId/hub', async (request, reply) => {
        await mustGetTopic(ctx.store, request.params.topicId);
        const subscription = await registerHub(ctx.store, { api: EVENT_API, topicId: request.params.topicId }, request.body, ctx);
        return reply.code(201).header('location', `${eventApi.basePath}/topic/${request.params.topicId}/hub/${subscription.id}`).send(subscription);
      });
      scope.get<{ Params: TopicParams & { id: string } }>('/topic/:topicId/hub/:id', async (request) => {
        const hub = await ctx.store.getHub(request.params.id);
        if (!hub || hub.topicId !== request.params.topicId) throw new TmfError('NOT_FOUND', `hub ${request.params.id} does not exist`);
        return toSubscription(hub);
      });
      scope.delete<{ Params: TopicParams & { id: string } }>('/topic/:topicId/hub/:id', async (request, reply) => {
        await unregisterHub(ctx.store, { api: EVENT_API, topicId: request.params.topicId }, request.params.id);
        return reply.code(204).send();
      });
    },
    { prefix: eventApi.basePath },
  );
}
