import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { lifecycles } from '../src/lifecycle/index.js';
import { Categories, nextStates, type Machine } from '../src/lifecycle/machine.js';
import { findApi, type ApiResource, type TmfApi } from '../src/tmf/registry.js';
import { build as buildApp, json } from './support/build.js';
import { sampleOf } from './support/sample-body.js';

// Every state move here is the client's: the worker that answers waiting qualifications stays out of them.
async function build(): Promise<FastifyInstance> {
  const app = await buildApp();
  await app.spine.qualifications.stop();
  return app;
}

// The lifecycle tables enforced through the TMF APIs: every legal move is accepted and announced,
// illegal ones are refused with nothing changed.

type Doc = Record<string, any>;

interface Subject {
  machine: Machine;
  api: TmfApi;
  resource: ApiResource;
  base: string;
  /** A minimal valid POST body; orders get an item (TMF652 requires none, yet partial needs one). */
  body: Doc;
}

function subject(id: string): Subject {
  const machine = lifecycles.find((m) => m.id === id)!;
  const api = findApi(machine.api)!;
  const resource = api.resources.find((r) => r.name === machine.resource)!;
  const body: Doc = sampleOf(api.specFile, resource.createSchema!);
  const items = lifecycles.find((m) => m.api === machine.api && m.resource === machine.resource && m.within);
  if (items) body[items.within!] ??= [{ id: '1', action: 'add' }];
  return { machine, api, resource, base: `${api.basePath}/${resource.name}`, body };
}

const enforced = [
  'product-order', 'service-order', 'resource-order', 'work-order', 'product', 'service', 'appointment',
  'service-qualification', 'query-service-qualification', 'product-offering-qualification', 'trouble-ticket',
].map(subject);

/** Every edge of a machine's table as [from, to]. */
function edges(machine: Machine): [string, string][] {
  return Object.keys(machine.states).flatMap((from) => nextStates(machine, from).map((to) => [from, to] as [string, string]));
}

/** For each state, one other state the table does not allow next (when there is one). */
function illegalSample(machine: Machine): [string, string][] {
  const states = Object.keys(machine.states);
  return states.flatMap((from) => {
    const to = states.find((s) => s !== from && !nextStates(machine, from).includes(s));
    return to ? [[from, to] as [string, string]] : [];
  });
}

/** Shortest walk from an initial state to `target`, both ends included. */
function walkTo(machine: Machine, target: string): string[] {
  const queue = machine.initial.map((s) => [s as string]);
  for (let path = queue.shift(); path; path = queue.shift()) {
    const last = path.at(-1)!;
    if (last === target) return path;
    for (const next of nextStates(machine, last)) if (!path.includes(next)) queue.push([...path, next]);
  }
  throw new Error(`${machine.id}: ${target} is unreachable`);
}

/** A resource in state `state`: created in the first state of the walk, then PATCHed along it. */
async function createIn(app: FastifyInstance, { machine, base, body }: Subject, state: string): Promise<Doc> {
  const [first, ...rest] = walkTo(machine, state);
  const created = await app.inject({ method: 'POST', url: base, ...json({ ...body, [machine.field]: first }) });
  expect(created.statusCode, created.body).toBe(201);
  let doc = created.json();
  for (const next of rest) {
    const moved = await app.inject({ method: 'PATCH', url: `${base}/${doc.id}`, ...json({ [machine.field]: next }) });
    expect(moved.statusCode, `${machine.id} walk to ${next}: ${moved.body}`).toBe(200);
    doc = moved.json();
  }
  expect(doc[machine.field]).toBe(state);
  return doc;
}

async function eventCount(app: FastifyInstance): Promise<number> {
  return (await app.spine.ctx.store.listEvents({})).length;
}

describe.each(enforced.map((s) => [s.machine.id, s] as const))('%s over HTTP', (_id, s) => {
  it.each(edges(s.machine))('accepts %s → %s and announces it', async (from, to) => {
    const app = await build();
    const doc = await createIn(app, s, from);
    const seen = await eventCount(app);

    const moved = await app.inject({ method: 'PATCH', url: `${s.base}/${doc.id}`, ...json({ [s.machine.field]: to }) });

    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()[s.machine.field]).toBe(to);
    const fresh = (await app.spine.ctx.store.listEvents({})).slice(seen);
    const change = fresh.find((e) => e.eventType === s.resource.events.stateChange);
    expect(change, fresh.map((e) => e.eventType).join()).toBeDefined();
    expect((change!.envelope.event as Doc)[s.resource.name][s.machine.field]).toBe(to);
  });

  it.each(illegalSample(s.machine))('refuses %s → %s with 409, naming the states, and changes nothing', async (from, to) => {
    const app = await build();
    const doc = await createIn(app, s, from);
    const seen = await eventCount(app);

    const refused = await app.inject({ method: 'PATCH', url: `${s.base}/${doc.id}`, ...json({ [s.machine.field]: to, description: 'changed' }) });

    expect(refused.statusCode, refused.body).toBe(409);
    const allowed = nextStates(s.machine, from);
    expect(refused.json()).toMatchObject({
      '@type': 'Error',
      code: 'SPN-409-ILLEGAL-TRANSITION',
      status: '409',
      message: `${s.resource.name} ${doc.id} ${s.machine.field} cannot go from ${from} to ${to}; allowed: ${allowed.length ? allowed.join(', ') : `none (${from} is final)`}`,
    });
    expect((await app.inject({ method: 'GET', url: `${s.base}/${doc.id}` })).json()).toEqual(doc);
    expect(await eventCount(app)).toBe(seen);
  });
});

describe('first states', () => {
  it('refuses to create an order in a state that is not initial', async () => {
    const app = await build();
    const s = subject('product-order');
    const res = await app.inject({ method: 'POST', url: s.base, ...json({ ...s.body, state: 'completed' }) });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toMatch(/productOrder .* state cannot start as completed; initial: acknowledged/);
    expect(await eventCount(app)).toBe(0);
  });

  it('creates a TMF638 service anywhere on the initial fork, but not terminated', async () => {
    const app = await build();
    const s = subject('service');
    const { body } = s;
    for (const state of ['feasibilityChecked', 'designed', 'reserved', 'inactive', 'active']) {
      expect((await app.inject({ method: 'POST', url: s.base, ...json({ ...body, state }) })).statusCode).toBe(201);
    }
    const terminated = await app.inject({ method: 'POST', url: s.base, ...json({ ...body, state: 'terminated' }) });
    expect(terminated.statusCode).toBe(409);
    expect(terminated.json().message).toContain('initial: feasibilityChecked, designed, reserved, inactive, active');
  });

  it('refuses a value that is no state at all with 400, as the TMF679 CTK expects', async () => {
    const app = await build();
    const s = subject('product-offering-qualification');
    const res = await app.inject({ method: 'POST', url: s.base, ...json({ state: 'waiting' }) });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('"waiting" is not a state of product-offering-qualification');
  });

  // A resource order or trouble ticket POSTed without its state was stored with none, so ?state=acknowledged missed it.
  it('starts a TMF652 order and a TMF621 ticket sent without a state as acknowledged, listed as such', async () => {
    const app = await build();
    for (const [id, field] of [['resource-order', 'state'], ['trouble-ticket', 'status']] as const) {
      const s = subject(id);
      const created = (await app.inject({ method: 'POST', url: s.base, ...json(Object.fromEntries(Object.entries(s.body).filter(([key]) => key !== field))) })).json();
      expect(created[field], id).toBe('acknowledged');
      const listed = (await app.inject({ method: 'GET', url: `${s.base}?${field}=acknowledged` })).json();
      expect(listed.map((doc: Doc) => doc.id), id).toContain(created.id);
    }
  });

  it('moves a TMF652 order sent without a state on from acknowledged', async () => {
    const app = await build();
    const s = subject('resource-order');
    const doc = (await app.inject({ method: 'POST', url: s.base, ...json({}) })).json();
    const skipped = await app.inject({ method: 'PATCH', url: `${s.base}/${doc.id}`, ...json({ state: 'completed' }) });
    expect(skipped.statusCode).toBe(409);
    expect(skipped.json().message).toContain('cannot go from acknowledged to completed');
    expect((await app.inject({ method: 'PATCH', url: `${s.base}/${doc.id}`, ...json({ state: 'inProgress' }) })).statusCode).toBe(200);
  });

  it('accepts the TMF645 description spelling acknowledged for accepted', async () => {
    const app = await build();
    const s = subject('service-qualification');
    const body = { ...s.body, state: 'acknowledged' };
    const doc = (await app.inject({ method: 'POST', url: s.base, ...json(body) })).json();
    expect(doc.state).toBe('accepted');
    const moved = await app.inject({ method: 'PATCH', url: `${s.base}/${doc.id}`, ...json({ state: 'inProgress' }) });
    expect(moved.statusCode, moved.body).toBe(200);
  });
});

describe('moves that are not transitions', () => {
  it('accepts setting the same state again, with no state change event', async () => {
    const app = await build();
    const s = subject('product-order');
    const doc = await createIn(app, s, 'inProgress');
    const seen = await eventCount(app);
    const same = await app.inject({ method: 'PATCH', url: `${s.base}/${doc.id}`, ...json({ state: 'inProgress', description: 'again' }) });
    expect(same.statusCode).toBe(200);
    const fresh = (await app.spine.ctx.store.listEvents({})).slice(seen).map((e) => e.eventType);
    expect(fresh).toEqual(['ProductOrderAttributeValueChangeEvent']);
  });

  it('accepts aborted with or without the TMF637 enum\'s trailing space', async () => {
    const app = await build();
    const s = subject('product');
    for (const spelling of ['aborted', 'aborted ']) {
      const doc = await createIn(app, s, 'pendingActive');
      const res = await app.inject({ method: 'PATCH', url: `${s.base}/${doc.id}`, ...json({ status: spelling }) });
      expect(res.statusCode, res.body).toBe(200);
      // Stored by its own name, so ?status=aborted finds it (the spec's spelling was stored as sent).
      expect(res.json().status).toBe('aborted');
      expect((await app.inject({ method: 'GET', url: `${s.base}?status=aborted` })).json().map((p: Doc) => p.id)).toContain(doc.id);
      const again = await app.inject({ method: 'PATCH', url: `${s.base}/${doc.id}`, ...json({ status: 'active' }) });
      expect(again.json().message).toContain('cannot go from aborted to active; allowed: none (aborted is final)');
    }
  });
});

describe('TMF639 resource attributes', () => {
  const s = subject('resource-status');

  it('records a resource as observed, then guards each attribute on its own', async () => {
    const app = await build();
    const created = await app.inject({
      method: 'POST',
      url: s.base,
      ...json({ name: 'PON 1/4/12', usageState: 'busy', resourceStatus: 'alarm', administrativeState: 'unlocked', operationalState: 'enable' }),
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    const reserve = await app.inject({ method: 'PATCH', url: `${s.base}/${id}`, ...json({ resourceStatus: 'reserved' }) });
    expect(reserve.statusCode).toBe(409);
    expect(reserve.json().message).toBe(`resource ${id} resourceStatus cannot go from alarm to reserved; allowed: available, standby, suspended, unknown`);
    const shutdown = await app.inject({ method: 'PATCH', url: `${s.base}/${id}`, ...json({ administrativeState: 'shutdown', usageState: 'active' }) });
    expect(shutdown.statusCode, shutdown.body).toBe(200);
  });

  it('refuses a resource created already reserved', async () => {
    const app = await build();
    const res = await app.inject({ method: 'POST', url: s.base, ...json({ name: 'ONT', resourceStatus: 'reserved' }) });
    expect(res.statusCode).toBe(409);
  });
});

describe('order and item consistency', () => {
  const s = subject('product-order');
  const items = (...states: (string | undefined)[]) => states.map((state, i) => ({ id: String(i + 1), action: 'add', ...(state && { state }) }));

  async function orderWithItems(app: FastifyInstance): Promise<string> {
    const created = await app.inject({ method: 'POST', url: s.base, ...json({ productOrderItem: items('acknowledged', 'acknowledged') }) });
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json();
    const started = await app.inject({ method: 'PATCH', url: `${s.base}/${id}`, ...json({ state: 'inProgress', productOrderItem: items('inProgress', 'inProgress') }) });
    expect(started.statusCode, started.body).toBe(200);
    return id;
  }

  it('refuses to complete an order while an item is inProgress, and changes nothing', async () => {
    const app = await build();
    const id = await orderWithItems(app);
    const before = (await app.inject({ method: 'GET', url: `${s.base}/${id}` })).json();
    const seen = await eventCount(app);
    const res = await app.inject({ method: 'PATCH', url: `${s.base}/${id}`, ...json({ state: 'completed', productOrderItem: items('completed', 'inProgress') }) });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'SPN-409-ILLEGAL-TRANSITION',
      message: `productOrder ${id} cannot be completed while an item is not completed; items: 1 is completed, 2 is inProgress`,
    });
    expect((await app.inject({ method: 'GET', url: `${s.base}/${id}` })).json()).toEqual(before);
    expect(await eventCount(app)).toBe(seen);
  });

  it('completes the order with its items in the same PATCH', async () => {
    const app = await build();
    const id = await orderWithItems(app);
    const res = await app.inject({ method: 'PATCH', url: `${s.base}/${id}`, ...json({ state: 'completed', productOrderItem: items('completed', 'completed') }) });
    expect(res.statusCode, res.body).toBe(200);
  });

  it('fails an order only when every item failed, and makes it partial when some were delivered', async () => {
    const app = await build();
    const id = await orderWithItems(app);
    const failed = await app.inject({ method: 'PATCH', url: `${s.base}/${id}`, ...json({ state: 'failed', productOrderItem: items('failed', 'completed') }) });
    expect(failed.statusCode).toBe(409);
    expect(failed.json().message).toContain('cannot be failed unless every item failed');
    const partial = await app.inject({ method: 'PATCH', url: `${s.base}/${id}`, ...json({ state: 'partial', productOrderItem: items('failed', 'completed') }) });
    expect(partial.statusCode, partial.body).toBe(200);
  });

  it('moves items only along the item table', async () => {
    const app = await build();
    const id = await orderWithItems(app);
    const back = await app.inject({ method: 'PATCH', url: `${s.base}/${id}`, ...json({ productOrderItem: items('inProgress', 'acknowledged') }) });
    expect(back.statusCode).toBe(409);
    expect(back.json().message).toBe(
      `productOrder ${id} productOrderItem 2 state cannot go from inProgress to acknowledged; allowed: pending, held, completed, failed, assessingCancellation`,
    );
    const partialItem = await app.inject({ method: 'PATCH', url: `${s.base}/${id}`, ...json({ productOrderItem: items('inProgress', 'partial') }) });
    expect(partialItem.statusCode).toBe(400);
  });

  it('lets items without a state of their own follow the order', async () => {
    const app = await build();
    const created = (await app.inject({ method: 'POST', url: s.base, ...json({ productOrderItem: items(undefined, undefined) }) })).json();
    expect((await app.inject({ method: 'PATCH', url: `${s.base}/${created.id}`, ...json({ state: 'inProgress' }) })).statusCode).toBe(200);
    const early = await app.inject({ method: 'PATCH', url: `${s.base}/${created.id}`, ...json({ productOrderItem: items('acknowledged', undefined) }) });
    expect(early.json().message).toContain('productOrderItem 1 state cannot go from inProgress to acknowledged');
    const done = await app.inject({ method: 'PATCH', url: `${s.base}/${created.id}`, ...json({ state: 'completed', productOrderItem: items('completed', undefined) }) });
    expect(done.statusCode, done.body).toBe(200);
  });

  it('holds TMF641 service orders to the same rule', async () => {
    const app = await build();
    const so = subject('service-order');
    const item = (state: string, id: string) => ({ id, action: 'add', service: {}, state });
    const { id } = (await app.inject({ method: 'POST', url: so.base, ...json({ serviceOrderItem: [item('acknowledged', '1')] }) })).json();
    await app.inject({ method: 'PATCH', url: `${so.base}/${id}`, ...json({ state: 'inProgress', serviceOrderItem: [item('inProgress', '1')] }) });
    const res = await app.inject({ method: 'PATCH', url: `${so.base}/${id}`, ...json({ state: 'completed' }) });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toBe(`serviceOrder ${id} cannot be completed while an item is not completed; items: 1 is inProgress`);
  });
});

describe('GET /spine/v1/lifecycles', () => {
  it('serves every machine with its categories, and the category legend', async () => {
    const app = await build();
    const res = await app.inject({ method: 'GET', url: '/spine/v1/lifecycles' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.machines.map((m: Doc) => m.id)).toEqual(lifecycles.map((m) => m.id));
    expect(body.categories.map((c: Doc) => c.id)).toEqual(Object.keys(Categories));
    for (const category of body.categories) expect(category).toMatchObject({ label: expect.any(String), colour: expect.stringMatching(/^#/) });
    for (const machine of body.machines) {
      for (const state of Object.values(machine.states) as Doc[]) expect(Object.keys(Categories)).toContain(state.category);
    }
    expect(body.machines.find((m: Doc) => m.id === 'service').initial).toContain('active');
  });

  it('serves one machine by id, and a TMF 404 for an unknown one', async () => {
    const app = await build();
    const one = await app.inject({ method: 'GET', url: '/spine/v1/lifecycles/product-order' });
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({ api: 'TMF622', resource: 'productOrder', field: 'state', initial: ['acknowledged'] });
    expect(Object.keys(one.json().states)).toHaveLength(11);
    const missing = await app.inject({ method: 'GET', url: '/spine/v1/lifecycles/shopping-cart' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ '@type': 'Error', code: 'SPN-404-NOT-FOUND', message: 'lifecycle shopping-cart does not exist' });
  });
});
