import type { FastifyInstance } from 'fastify';
import { decompose } from '../catalog/index.js';

/** Spine's catalog endpoint: the decomposition tree of an offering, as the orchestrator reads it and the explorer draws it. */
export function mountCatalogRoutes(app: FastifyInstance): void {
  app.get<{ Params: { productOfferingId: string } }>('/spine/v1/catalog/decomposition/:productOfferingId', async (request) =>
    decompose(app.spine.ctx, request.params.productOfferingId),
  );
}
