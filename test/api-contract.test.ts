import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { loadDemoDataset } from '../src/scenarios/demo-dataset.js';
import { apis, type ApiResource, type TmfApi } from '../src/tmf/registry.js';
import { createSchemaValidator, describeIssues } from '../src/tmf/schemas.js';
import { build, BASE_URL, json } from './support/build.js';
import { loadSpec, sampleOf } from './support/sample-body.js';

// The TMF630 uniform contract, walked through every one of the 26 APIs over HTTP.

const validator = createSchemaValidator();

// Resources with domain behaviour need a body that means something, against the demo network.
const reservationItem = [{ quantity: 1, relatedEntity: [{ id: 'pool-olt-port-04-12', role: 'resourcePool', '@referredType': 'ResourcePool' }] }];
const meaningfulBodies: Record<string, Record<string, unknown>> = {
  'TMF685/reservation': { relatedParty: [{ id: 'cust-56789', '@referredType': 'Customer' }], reservationItem },
  'TMF685/availabilityCheck': { reservationItem },
};

// A cancellation names an order still in delivery; one order can be cancelled once.
const cancellations = [
  ['TMF622', 'cancelProductOrder', 'productOrder', 'ProductOrder_Create'],
  ['TMF641', 'cancelServiceOrder', 'serviceOrder', 'ServiceOrder_Create'],
  ['TMF652', 'cancelResourceOrder', 'resourceOrder', 'ResourceOrder_Create'],
  ['TMF697', 'cancelWorkOrder', 'workOrder', 'WorkOrder_Create'],
] as const;

/** Resources whose create needs something to act on: each POST gets a fresh one. */
const bodyFactories: Record<string, (app: FastifyInstance) => Promise<Record<string, unknown>>> = Object.fromEntries(
  cancellations.map(([apiId, task, order, createSchema]) => [
    `${apiId}/${task}`,
    async (app: FastifyInstance) => {
      const api = apis.find((a) => a.id === apiId)!;
      const created = await app.inject({ method: 'POST', url: `${api.basePath}/${order}`, ...json(sampleOf(api.specFile, createSchema)) });
      return { [order]: { id: created.json().id, href: created.json().href }, cancellationReason: 'contract test' };
    },
  ]),
);

const creatable = apis.flatMap((api) =>
  api.resources
    .filter((r) => r.operations.includes('create') && r.operations.includes('retrieve'))
    .map((resource) => [`${api.id} ${resource.name}`, api, resource] as const),
);

/** A plain string attribute the `*_Update` schema accepts, to prove PATCH changes something. */
function patchableString(api: TmfApi, resource: ApiResource): string | undefined {
  if (!resource.updateSchema) return undefined;
  const properties = loadSpec(api.specFile).definitions[resource.updateSchema]?.properties ?? {};
  const preferred = ['description', 'name', 'note', 'externalId', 'category'];
  const plain = (name: string) => {
    const p = properties[name];
    return p && p.type === 'string' && !p.enum && !p.format;
  };
  return preferred.find(plain) ?? Object.keys(properties).find((n) => !n.startsWith('@') && plain(n));
}

function expectValid(api: TmfApi, resource: ApiResource, doc: unknown) {
  const issues = validator.validate(api.id, resource.entity, doc);
  expect(issues, describeIssues(issues)).toEqual([]);
}

it('covers all 26 APIs', () => {
  expect(new Set(creatable.map(([, api]) => api.id)).size).toBe(26);
});

describe.each(creatable)('%s', (_name, api, resource) => {
  it('creates, gets, lists with a filter, selects fields, patches, deletes and answers 404', async () => {
    const app = await build();
    // The contract is about the CRUD mechanics: no background answer may change a task between two reads.
    await app.spine.qualifications.stop();
    const base = `${api.basePath}/${resource.name}`;
    const meaningful = meaningfulBodies[`${api.id}/${resource.name}`];
    if (meaningful) await loadDemoDataset(app.spine.ctx);
    const factory = bodyFactories[`${api.id}/${resource.name}`];
    const body = meaningful ?? sampleOf(api.specFile, resource.createSchema!);
    const nextBody = async () => (factory ? factory(app) : body);

    const created = await app.inject({ method: 'POST', url: base, ...json(await nextBody()) });
    expect(created.statusCode, created.body).toBe(201);
    const doc = created.json();
    expect(doc.id).toEqual(expect.any(String));
    expect(doc.href).toBe(`${BASE_URL}${base}/${doc.id}`);
    expect(created.headers.location).toBe(doc.href);
    expect(doc['@type']).toBeTruthy();
    for (const field of resource.serverDates.onCreate) expect(Date.parse(doc[field])).not.toBeNaN();
    expectValid(api, resource, doc);

    const fetched = await app.inject({ method: 'GET', url: `${base}/${doc.id}` });
    expect(fetched.statusCode).toBe(200);
    expect(fetched.json()).toEqual(doc);

    if (resource.operations.includes('list')) {
      await app.inject({ method: 'POST', url: base, ...json(await nextBody()) });
      const listed = await app.inject({ method: 'GET', url: `${base}?id=${encodeURIComponent(doc.id)}` });
      expect(listed.statusCode).toBe(200);
      expect(listed.headers['x-total-count']).toBe('1');
      expect(listed.headers['x-result-count']).toBe('1');
      expect(listed.json()).toEqual([doc]);
      for (const item of listed.json()) expectValid(api, resource, item);

      const all = await app.inject({ method: 'GET', url: `${base}?limit=1` });
      expect(all.statusCode).toBe(206);
      expect(all.headers['x-total-count']).toBe('2');
      expect(all.json()).toHaveLength(1);

      const projected = await app.inject({ method: 'GET', url: `${base}?fields=%40type&id=${encodeURIComponent(doc.id)}` });
      expect(projected.json()).toEqual([{ id: doc.id, href: doc.href, '@type': doc['@type'] }]);
    }

    const field = patchableString(api, resource);
    if (resource.operations.includes('patch') && field) {
      const patched = await app.inject({
        method: 'PATCH',
        url: `${base}/${doc.id}`,
        payload: JSON.stringify({ [field]: 'patched by the contract test' }),
        headers: { 'content-type': 'application/merge-patch+json' },
      });
      expect(patched.statusCode, patched.body).toBe(200);
      expect(patched.json()[field]).toBe('patched by the contract test');
      expect(patched.json().id).toBe(doc.id);
      expectValid(api, resource, patched.json());
      const reread = await app.inject({ method: 'GET', url: `${base}/${doc.id}` });
      expect(reread.json()[field]).toBe('patched by the contract test');
    }

    if (resource.operations.includes('delete')) {
      const deleted = await app.inject({ method: 'DELETE', url: `${base}/${doc.id}` });
      expect(deleted.statusCode).toBe(204);
      const gone = await app.inject({ method: 'GET', url: `${base}/${doc.id}` });
      expect(gone.statusCode).toBe(404);
      expect(gone.json()).toMatchObject({ '@type': 'Error', status: '404' });
    }

    const missing = await app.inject({ method: 'GET', url: `${base}/no-such-id` });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: expect.any(String), reason: expect.any(String), '@type': 'Error' });
  });
});
