import type { FastifyInstance } from 'fastify';
import { listHubOverviews } from '../events/hubs.js';
import type { Store } from '../store/port.js';
import { TmfError } from '../tmf/errors.js';
import { apis } from '../tmf/registry.js';

/** GET /spine/v1/hubs: every listener registered on the stack, with its deliveries by status (of one journey with `?correlationId=`). */
export function mountHubRoutes(app: FastifyInstance, store: Store): void {
  app.get<{ Querystring: { correlationId?: string | string[] } }>('/spine/v1/hubs', async (request) => {
    const { correlationId } = request.query;
    if (Array.isArray(correlationId)) throw new TmfError('INVALID_QUERY', 'correlationId may be given once');
    return listHubOverviews(store, apis, { correlationId });
  });
}
