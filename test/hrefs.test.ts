import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { apis } from '../src/tmf/registry.js';
import { BASE_URL, json } from './support/build.js';
import { demoApp, get, report, runScenario, until, type Doc } from './support/change-journeys.js';

// A reference carries the href of the entity it names, and an entity's href is absolute under the
// server's base URL: whatever a journey writes, no href in any TMF resource is a bare path.

const WORK_ORDER = '/tmf-api/workOrderManagement/v4/workOrder';
const ADDRESS = '/tmf-api/geographicAddressManagement/v4/geographicAddress';
const APPOINTMENT = '/tmf-api/appointment/v4/appointment';

// References to kinds of entity none of the 26 APIs serves, so there is no href to give them: an
// offering's footprint (GeographicLocation, TMF675), a central office where network equipment sits or
// ONTs are stocked (GeographicSite, TMF674), and the capacity lines of a pool (CapacitySpecification,
// which TMF685 names but no API of Spine holds).
const UNSERVED = ['GeographicLocation', 'GeographicSite', 'CapacitySpecification'];

describe('hrefs written by journeys', () => {
  let app: FastifyInstance;
  // Every document of every listable collection once the journeys are done, with where it sits.
  const docs: Array<[string, Doc]> = [];

  beforeAll(async () => {
    app = await demoApp();
    for (const customerId of ['cust-56789', 'cust-56794', 'cust-56795']) {
      expect((await runScenario(app, 'gpon-ftth', { customerId })).run.status).toBe('completed');
    }
    const upgrade = await runScenario(app, 'gpon-upgrade', { customerId: 'cust-56789' });
    expect(upgrade.run.status, upgrade.run.error).toBe('completed');
    // The cease gives the XGS-PON ONT back to stock for the next upgrade.
    const cease = await runScenario(app, 'gpon-cease', { productId: upgrade.run.context.productId });
    expect(cease.run.status, cease.run.error).toBe('completed');

    const held = await runScenario(app, 'gpon-held-field-visit', { customerId: 'cust-56794' });
    expect(held.run.status, held.run.error).toBe('held');
    await completeWorkOrder(app, String(held.run.context.workOrderId));
    await finished(app, held.run.id);

    const pending = await runScenario(app, 'gpon-pending-slot', { customerId: 'cust-56795' });
    expect(pending.run.status, pending.run.error).toBe('held');
    await chooseSlot(app, pending.run.context);
    await until(async () => (await report(app, pending.run.id)).run.error?.includes('work order') ?? false);
    await completeWorkOrder(app, String((await report(app, pending.run.id)).run.context.workOrderId));
    await finished(app, pending.run.id);

    for (const api of apis) {
      for (const resource of api.resources.filter((r) => r.operations.includes('list'))) {
        for (const doc of await listAll(app, `${api.basePath}/${resource.name}`)) {
          docs.push([`${api.id}/${resource.name}/${String(doc.id)}`, doc]);
        }
      }
    }
  });

  it('are absolute under the base URL and the href of what they name, after a provision, a modify, a cease, a held field visit and a pending slot', async () => {
    // Every href is absolute, and a reference's is the one the entity it names answers with.
    const relative: string[] = [];
    const elsewhere: string[] = [];
    for (const [where, doc] of docs) {
      for (const [at, href] of hrefsIn(doc, where)) {
        if (!href.startsWith(`${BASE_URL}/`)) relative.push(`${at}: ${href}`);
        else if (!(await answersWith(app, href))) elsewhere.push(`${at}: ${href}`);
      }
    }
    expect(relative).toEqual([]);
    expect(elsewhere).toEqual([]);
  });

  it('are on every reference to an entity Spine serves, so every link can be followed', () => {
    // A TMF reference names an entity by `id` and `@referredType`; the `href` is what a reader follows.
    const bare = docs.flatMap(([where, doc]) =>
      [...refsIn(doc, where)]
        .filter(([, ref]) => typeof ref.href !== 'string' && !UNSERVED.includes(String(ref['@referredType'])))
        .map(([at, ref]) => `${at}: ${String(ref['@referredType'])} ${String(ref.id)}`),
    );
    expect(bare).toEqual([]);
    // The exceptions hold only while no API of Spine serves that kind of entity.
    const served = apis.flatMap((api) => api.resources.map((r) => r.entity));
    expect(served.filter((entity) => UNSERVED.includes(entity))).toEqual([]);
  });
});

// The customer books one of the offered slots and names it on the pending order.
async function chooseSlot(app: FastifyInstance, context: Doc) {
  const search = await get(app, `/tmf-api/appointment/v4/searchTimeSlot/${context.slotSearchId}`);
  const booked = await app.inject({
    method: 'POST',
    url: APPOINTMENT,
    ...json({ category: 'installation', description: 'ONT swap', validFor: search.availableTimeSlot[0].validFor, relatedPlace: { id: context.addressId, href: `${BASE_URL}${ADDRESS}/${context.addressId}`, role: 'installationAddress', '@referredType': 'GeographicAddress' } }),
  });
  expect(booked.statusCode, booked.body).toBe(201);
  const orderPath = `/tmf-api/productOrderingManagement/v4/productOrder/${context.productOrderId}`;
  const order = await get(app, orderPath);
  const appointment = { id: booked.json().id, href: booked.json().href, '@referredType': 'Appointment' };
  const chosen = await app.inject({ method: 'PATCH', url: orderPath, ...json({ productOrderItem: (order.productOrderItem as Doc[]).map((item) => ({ ...item, appointment })) }) });
  expect(chosen.statusCode, chosen.body).toBe(200);
}

// The field app closes the work order through TMF697.
async function completeWorkOrder(app: FastifyInstance, workOrderId: string) {
  for (const state of ['inProgress', 'completed']) {
    const current = await get(app, `${WORK_ORDER}/${workOrderId}`);
    const patch = await app.inject({ method: 'PATCH', url: `${WORK_ORDER}/${workOrderId}`, ...json({ state, workOrderItem: (current.workOrderItem as Doc[]).map((item) => ({ ...item, state })) }) });
    expect(patch.statusCode, patch.body).toBe(200);
  }
}

async function finished(app: FastifyInstance, runId: string) {
  await until(async () => ['completed', 'failed'].includes((await report(app, runId)).run.status));
  const done = await report(app, runId);
  expect(done.run.status, done.run.error).toBe('completed');
}

async function listAll(app: FastifyInstance, path: string): Promise<Doc[]> {
  const docs: Doc[] = [];
  for (let offset = 0; ; offset += 1000) {
    const response = await app.inject({ method: 'GET', url: `${path}?offset=${offset}&limit=1000` });
    expect(response.statusCode, `${path}: ${response.body}`).toBe(200);
    const page = response.json() as Doc[];
    docs.push(...page);
    if (page.length < 1000) return docs;
  }
}

async function answersWith(app: FastifyInstance, href: string): Promise<boolean> {
  const response = await app.inject({ method: 'GET', url: href.slice(BASE_URL.length) });
  return response.statusCode === 200 && response.json().href === href;
}

// Every string `href`, at any depth, with where it sits.
function* hrefsIn(value: unknown, where: string): Generator<[string, string]> {
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) yield* hrefsIn(item, `${where}[${i}]`);
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key === 'href' && typeof item === 'string') yield [`${where}.href`, item];
      else yield* hrefsIn(item, `${where}.${key}`);
    }
  }
}

// Every TMF reference (an object with an `id` and a `@referredType`), at any depth, with where it sits.
function* refsIn(value: unknown, where: string): Generator<[string, Doc]> {
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) yield* refsIn(item, `${where}[${i}]`);
  } else if (value && typeof value === 'object') {
    const object = value as Doc;
    if (object.id !== undefined && typeof object['@referredType'] === 'string') yield [where, object];
    for (const [key, item] of Object.entries(object)) yield* refsIn(item, `${where}.${key}`);
  }
}
