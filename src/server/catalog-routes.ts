import type { FastifyInstance } from 'fastify';
import { decomposeStored } from '../catalog/index.js';

/** Spine's catalog endpoint: the decomposition tree of an offering, as the orchestrator reads it and the explorer draws it. */
export function mountCatalogRoutes(app: FastifyInstance): void {
  app.get<{ Params: { productOfferingId: string } }>('/spine/v1/catalog/decomposition/:productOfferingId', async (request) =>
    decomposeStored(app.spine.ctx.store, app.spine.ctx, request.params.productOfferingId),
  );
}
