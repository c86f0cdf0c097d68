import type { FastifyInstance } from 'fastify';
import { apis, Domains } from '../tmf/registry.js';

/** GET /spine/v1/apis: the 26 APIs with their domain, base path, resources (with their TMF688 events) and whether they are on the provisioning spine. */
export function mountRegistryRoutes(app: FastifyInstance): void {
  app.get('/spine/v1/apis', async () => ({
    domains: Object.entries(Domains).map(([id, name]) => ({ id, name })),
    apis: apis.map((api) => ({
      id: api.id,
      name: api.name,
      domain: api.domain,
      version: api.version,
      basePath: api.basePath,
      spine: api.spine,
      docs: `/docs?urls.primaryName=${encodeURIComponent(`${api.id} ${api.name}`)}`,
      resources: api.resources.map((r) => ({ name: r.name, entity: r.entity, kind: r.kind, operations: r.operations, stateField: r.stateField ?? null, events: r.events })),
    })),
  }));
}
