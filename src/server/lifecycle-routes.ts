import type { FastifyInstance } from 'fastify';
import { lifecycles } from '../lifecycle/index.js';
import { Categories } from '../lifecycle/machine.js';
import { TmfError } from '../tmf/errors.js';

/**
 * The lifecycle tables the server enforces, read-only, for the explorer's state diagrams and
 * legend: every machine as data, plus each category's label, legend wording and colour hint.
 */
export function mountLifecycleRoutes(app: FastifyInstance): void {
  const categories = Object.entries(Categories).map(([id, category]) => ({ id, ...category }));

  app.get('/spine/v1/lifecycles', async () => ({ categories, machines: lifecycles }));

  app.get<{ Params: { id: string } }>('/spine/v1/lifecycles/:id', async (request) => {
    const machine = lifecycles.find((m) => m.id === request.params.id);
    if (!machine) throw new TmfError('NOT_FOUND', `lifecycle ${request.params.id} does not exist`);
    return machine;
  });
}
