import type { FastifyInstance } from 'fastify';
import { registerHub, toSubscription, unregisterHub } from '../events/hubs.js';
import { EVENT_API } from '../events/publish.js';
import { listTopicEvents, listTopicHubs, mustGetTopic, postTopicEvent, retrieveTopicEvent } from '../events/topics.js';
import { TmfError } from '../tmf/errors.js';
import { parseListQuery } from '../tmf/query/index.js';
import type { TmfApi } from '../tmf/registry.js';
import type { TmfContext } from '../tmf/resource-service.js';
import { metaOf, sendPage } from './tmf-routes.js';

type Query = Record<string, string | string[] | undefined>;
type TopicParams = { topicId: string };

/** TMF688's nested routes: events and hubs of a topic (the topic resource itself is generic). */
export function mountEventTopics(app: FastifyInstance, ctx: TmfContext, eventApi: TmfApi): void {
  app.register(
    async (scope) => {
      scope.get<{ Params: TopicParams; Querystring: Query }>('/topic/:topicId/event', async (request, reply) => {
        return sendPage(reply, await listTopicEvents(ctx.store, request.params.topicId, parseListQuery(request.query), ctx.baseUrl));
      });
      scope.post<{ Params: TopicParams }>('/topic/:topicId/event', async (request, reply) => {
        const envelope = await postTopicEvent(ctx.store, request.params.topicId, request.body, ctx, metaOf(ctx, request).correlationId);
        return reply.code(201).header('location', envelope.href).send(envelope);
      });
      scope.get<{ Params: TopicParams & { id: string } }>('/topic/:topicId/event/:id', async (request) =>
        retrieveTopicEvent(ctx.store, request.params.topicId, request.params.id, ctx.baseUrl),
      );
      scope.get<{ Params: TopicParams; Querystring: Query }>('/topic/:topicId/hub', async (request, reply) => {
        return sendPage(reply, await listTopicHubs(ctx.store, request.params.topicId, parseListQuery(request.query)));
      });
      scope.post<{ Params: TopicParams }>('/topic/:topicId/hub', async (request, reply) => {
        await mustGetTopic(ctx.store, request.params.topicId);
        const subscription = await registerHub(ctx.store, { api: EVENT_API, topicId: request.params.topicId }, request.body, ctx);
        return reply.code(201).header('location', `${ctx.baseUrl}${eventApi.basePath}/topic/${request.params.topicId}/hub/${subscription.id}`).send(subscription);
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
