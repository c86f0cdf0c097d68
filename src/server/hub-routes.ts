import type { FastifyInstance } from 'fastify';
import { listHubDeliveries, listHubOverviews } from '../events/hubs.js';
import type { Relay } from '../events/relay.js';
import type { Store } from '../store/port.js';
import { apis } from '../tmf/registry.js';
import { limitParam, singleParam } from './query-params.js';

/**
 * GET /spine/v1/hubs: every listener registered on the stack, with its deliveries by status (of one
 * journey with `?correlationId=`); GET /spine/v1/hubs/{id}/deliveries: one listener's deliveries.
 */
export function mountHubRoutes(app: FastifyInstance, store: Store, relay: Pick<Relay, 'inFlight'>): void {
  app.get<{ Querystring: { correlationId?: string | string[] } }>('/spine/v1/hubs', { config: { query: ['correlationId'] } }, async (request) => {
    return listHubOverviews(store, apis, { correlationId: singleParam('correlationId', request.query.correlationId) });
  });

  app.get<{ Params: { id: string }; Querystring: { correlationId?: string | string[]; limit?: string | string[] } }>('/spine/v1/hubs/:id/deliveries', { config: { query: ['correlationId', 'limit'] } }, async (request) => {
    const correlationId = singleParam('correlationId', request.query.correlationId);
    const limit = limitParam(request.query.limit, { fallback: DEFAULT_DELIVERIES, max: MAX_DELIVERIES });
    return listHubDeliveries(store, request.params.id, { correlationId, limit }, relay.inFlight());
  });
}

const DEFAULT_DELIVERIES = 500;
const MAX_DELIVERIES = 5000;
