import type { FastifyInstance } from 'fastify';
import { listHubDeliveries, listHubOverviews } from '../events/hubs.js';
import type { Store } from '../store/port.js';
import { TmfError } from '../tmf/errors.js';
import { apis } from '../tmf/registry.js';

/**
 * GET /spine/v1/hubs: every listener registered on the stack, with its deliveries by status (of one
 * journey with `?correlationId=`); GET /spine/v1/hubs/{id}/deliveries: one listener's deliveries.
 */
export function mountHubRoutes(app: FastifyInstance, store: Store): void {
  app.get<{ Querystring: { correlationId?: string | string[] } }>('/spine/v1/hubs', async (request) => {
    const { correlationId } = request.query;
    if (Array.isArray(correlationId)) throw new TmfError('INVALID_QUERY', 'correlationId may be given once');
    return listHubOverviews(store, apis, { correlationId });
  });

  app.get<{ Params: { id: string }; Querystring: { correlationId?: string | string[]; limit?: string | string[] } }>('/spine/v1/hubs/:id/deliveries', async (request) => {
    const { correlationId, limit } = request.query;
    if (Array.isArray(correlationId)) throw new TmfError('INVALID_QUERY', 'correlationId may be given once');
    const most = limit === undefined ? DEFAULT_DELIVERIES : Number(limit);
    if (!Number.isInteger(most) || most < 1 || most > MAX_DELIVERIES) throw new TmfError('INVALID_QUERY', `limit must be a whole number from 1 to ${MAX_DELIVERIES}`);
    return listHubDeliveries(store, request.params.id, { correlationId, limit: most });
  });
}

const DEFAULT_DELIVERIES = 500;
const MAX_DELIVERIES = 5000;
