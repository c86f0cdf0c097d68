import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { loadNetwork } from '../src/network/load-network.js';
import { loadParties } from '../src/scenarios/demo-data/load-parties.js';
import { build, json } from './support/build.js';

const RESOURCE = '/tmf-api/resourceInventoryManagement/v4/resource';
const POOL = '/tmf-api/resourcePoolManagement/v4/resourcePool';
const RESERVATION = '/tmf-api/resourcePoolManagement/v4/reservation';
const CHECK = '/tmf-api/resourcePoolManagement/v4/availabilityCheck';
const SEED = { correlationId: 'seed-test' };

async function networkApp(): Promise<FastifyInstance> {
  const app = await build({ now: () => new Date('2026-11-26T10:00:00Z') });
  const { ctx } = app.spine;
  await ctx.store.transaction(async (tx) => {
    await loadParties(tx, ctx, SEED);
    await loadNetwork(tx, ctx, SEED);
  });
  return app;
}

type Doc = Record<string, any>;

const get = async (app: FastifyInstance, url: string): Promise<Doc> => (await app.inject({ method: 'GET', url })).json();
const characteristic = (doc: Doc, name: string) => doc.resourceCharacteristic.find((c: Doc) => c.name === name)?.value;
const capacity = (pool: Doc, line: string) => pool.capacity.find((c: Doc) => c.capacitySpec.name === line).capacityAmount.capacityAmount;

const fromPool = (id: string, quantity = 1) => ({ quantity, relatedEntity: [{ id, role: 'resourcePool', '@referredType': 'ResourcePool' }] });
const theResource = (id: string, type = 'PhysicalResource') => ({ quantity: 1, relatedEntity: [{ id, role: 'resource', '@referredType': type }] });
const ofSpec = (id: string) => ({ quantity: 1, relatedEntity: [{ id, role: 'resourceSpecification', '@referredType': 'ResourceSpecification' }] });
const reservation = (...reservationItem: Doc[]) => ({
  relatedParty: [{ id: 'cust-56789', name: 'Jane Smith', role: 'customer', '@referredType': 'Customer' }],
  reservationItem,
});

// Jane Smith's five per-subscriber resources (TMF-DOMAIN.md §9).
const janesResources = reservation(
  theResource('res-inst-olt-port-04-12'),
  theResource('res-inst-ont-hwtc-a1b2'),
  fromPool('pool-cvlan-svlan-100'),
  theResource('res-inst-drop-42-maple-ave'),
  ofSpec('rs-bng-session'),
);

function post(app: FastifyInstance, url: string, body: unknown, correlationId?: string) {
  const request = json(body);
  return app.inject({ method: 'POST', url, ...request, headers: { ...request.headers, ...(correlationId && { 'x-correlation-id': correlationId }) } });
}

describe('the GPON network in TMF639 and TMF685', () => {
  it('shows PON ports with their TMF states and characteristics, a full one busy', async () => {
    const app = await networkApp();
    const port = await get(app, `${RESOURCE}/res-inst-olt-port-04-12`);
    expect(port).toMatchObject({
      name: 'OLT-EAST-TOR-001 GPON 1/4/12', '@type': 'PhysicalResource',
      administrativeState: 'unlocked', operationalState: 'enable', usageState: 'active', resourceStatus: 'available',
      resourceSpecification: { id: 'rs-olt-pon-port-gpon' },
    });
    expect(['frameSlotPort', 'technology', 'opticClass', 'capacity', 'connectedOnts', 'sVlan'].map((n) => characteristic(port, n)))
      .toEqual(['1/4/12', 'GPON', 'B+', 32, 29, 100]);
    const full = await get(app, `${RESOURCE}/res-inst-olt-port-04-11`);
    expect([full.usageState, characteristic(full, 'connectedOnts')]).toEqual(['busy', 32]);
    const drop = await get(app, `${RESOURCE}/res-inst-drop-97-maple-ave`);
    expect([characteristic(drop, 'estimatedPathLossDb'), characteristic(drop, 'maxLossDb')]).toEqual([31.203, 28]);
    const ont = await get(app, `${RESOURCE}/res-inst-ont-hwtc-a1b2`);
    expect(ont).toMatchObject({ serialNumber: 'HWTC-A1B2C3D4', usageState: 'idle', resourceStatus: 'available' });
    const pool = await get(app, `${POOL}/pool-olt-port-04-12`);
    expect([capacity(pool, 'total'), capacity(pool, 'inUse'), capacity(pool, 'available')]).toEqual(['32 ONT', '29 ONT', '3 ONT']);
  });

  it("reserves Jane's port slot, ONT, VLAN pair, drop and BNG session in one POST, with their events", async () => {
    const app = await networkApp();
    const before = (await app.spine.ctx.store.listEvents({})).length;
    const response = await post(app, RESERVATION, janesResources, 'journey-jane');
    expect(response.statusCode).toBe(201);
    const created = response.json();
    expect(created.state).toBe('completed');
    const reserved = created.reservationItem.map((item: Doc) => item.relatedEntity.filter((e: Doc) => e.role === 'reservedResource').map((e: Doc) => e.id));
    expect(reserved).toEqual([
      ['res-inst-olt-port-04-12'],
      ['res-inst-ont-hwtc-a1b2'],
      ['res-inst-vlan-pair-100-2042'],
      ['res-inst-drop-42-maple-ave'],
      ['res-inst-bng-tor-01-session-130'],
    ]);
    expect(created.reservationItem.every((item: Doc) => item.state === 'completed')).toBe(true);

    const port = await get(app, `${RESOURCE}/res-inst-olt-port-04-12`);
    expect([port.usageState, characteristic(port, 'connectedOnts')]).toEqual(['active', 30]);
    expect((await get(app, `${RESOURCE}/res-inst-ont-hwtc-a1b2`)).resourceStatus).toBe('reserved');
    expect(await get(app, `${RESOURCE}/res-inst-vlan-pair-100-2042`)).toMatchObject({ name: 'S-VLAN 100 / C-VLAN 2042', resourceStatus: 'reserved', value: '100/2042' });
    expect((await get(app, `${RESOURCE}/res-inst-drop-42-maple-ave`)).resourceStatus).toBe('reserved');
    expect(capacity(await get(app, `${POOL}/pool-cvlan-svlan-100`), 'available')).toBe('2052 VLAN');

    const events = (await app.spine.ctx.store.listEvents({})).slice(before);
    expect(events.every((e) => e.correlationId === 'journey-jane')).toBe(true);
    const seen = events.map((e) => `${e.eventType} ${e.resourceId}`);
    expect(seen).toEqual(expect.arrayContaining([
      'ResourceAttributeValueChangeEvent res-inst-olt-port-04-12',
      'ResourceStateChangeEvent res-inst-ont-hwtc-a1b2',
      'ResourceCreateEvent res-inst-vlan-pair-100-2042',
      'ResourceStateChangeEvent res-inst-vlan-pair-100-2042',
      'ResourceStateChangeEvent res-inst-drop-42-maple-ave',
      'ResourceCreateEvent res-inst-bng-tor-01-session-130',
      'ResourceStateChangeEvent res-inst-bng-tor-01-session-130',
      'ResourcePoolAttributeValueChangeEvent pool-olt-port-04-12',
      `ReservationCreationEvent ${created.id}`,
    ]));
  });

  it('never lets a port hold more than its capacity: 40 concurrent reservations for 3 free slots, 3 succeed', async () => {
    const app = await networkApp();
    const responses = await Promise.all(Array.from({ length: 40 }, () => post(app, RESERVATION, reservation(fromPool('pool-olt-port-04-12')))));
    const statuses = responses.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 201)).toHaveLength(3);
    expect(statuses.filter((s) => s === 409)).toHaveLength(37);
    expect(responses.find((r) => r.statusCode === 409)!.json().message).toContain('res-inst-olt-port-04-12) is at 32/32 ONTs');
    const port = await get(app, `${RESOURCE}/res-inst-olt-port-04-12`);
    expect([port.usageState, characteristic(port, 'connectedOnts')]).toEqual(['busy', 32]);
    expect(capacity(await get(app, `${POOL}/pool-olt-port-04-12`), 'available')).toBe('0 ONT');
  });

  it('gives everything back when the reservation is cancelled, and the next customer gets the same C-VLAN', async () => {
    const app = await networkApp();
    const created = (await post(app, RESERVATION, janesResources)).json();
    const cancelled = await app.inject({ method: 'PATCH', url: `${RESERVATION}/${created.id}`, ...json({ state: 'cancelled' }) });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json()).toMatchObject({ state: 'cancelled', cancellationDate: '2026-11-26T10:00:00.000Z' });
    expect(cancelled.json().reservationItem.every((item: Doc) => item.state === 'cancelled')).toBe(true);

    const port = await get(app, `${RESOURCE}/res-inst-olt-port-04-12`);
    expect([port.usageState, characteristic(port, 'connectedOnts')]).toEqual(['active', 29]);
    for (const id of ['res-inst-ont-hwtc-a1b2', 'res-inst-vlan-pair-100-2042', 'res-inst-drop-42-maple-ave', 'res-inst-bng-tor-01-session-130']) {
      expect(await get(app, `${RESOURCE}/${id}`)).toMatchObject({ resourceStatus: 'available', usageState: 'idle' });
    }
    expect(capacity(await get(app, `${POOL}/pool-olt-port-04-12`), 'available')).toBe('3 ONT');
    expect(capacity(await get(app, `${POOL}/pool-cvlan-svlan-100`), 'available')).toBe('2053 VLAN');
    expect(capacity(await get(app, `${POOL}/pool-ont-stock-gpon`), 'available')).toBe('5 ONT');

    const again = (await post(app, RESERVATION, reservation(fromPool('pool-cvlan-svlan-100')))).json();
    expect(again.reservationItem[0].relatedEntity.find((e: Doc) => e.role === 'reservedResource').id).toBe('res-inst-vlan-pair-100-2042');
  });

  it('gives the capacity back when a live reservation is deleted', async () => {
    const app = await networkApp();
    const created = (await post(app, RESERVATION, janesResources)).json();
    expect((await app.inject({ method: 'DELETE', url: `${RESERVATION}/${created.id}` })).statusCode).toBe(204);
    const port = await get(app, `${RESOURCE}/res-inst-olt-port-04-12`);
    expect([port.usageState, characteristic(port, 'connectedOnts')]).toEqual(['active', 29]);
    expect(capacity(await get(app, `${POOL}/pool-olt-port-04-12`), 'available')).toBe('3 ONT');
    expect(await get(app, `${RESOURCE}/res-inst-ont-hwtc-a1b2`)).toMatchObject({ resourceStatus: 'available' });
  });

  // Cancelling or deleting the reservation released an item cancelled on its own a second time: the port's count fell below its installed base.
  it.each(['PATCH', 'DELETE'] as const)('gives back an item cancelled on its own once, whatever then ends the reservation (%s)', async (end) => {
    const app = await networkApp();
    const created = (await post(app, RESERVATION, reservation(fromPool('pool-olt-port-04-12'), fromPool('pool-olt-port-04-12')))).json();
    expect(capacity(await get(app, `${POOL}/pool-olt-port-04-12`), 'available')).toBe('1 ONT');
    const items = created.reservationItem.map((item: Doc, index: number) => (index === 0 ? { ...item, state: 'cancelled' } : item));
    expect((await app.inject({ method: 'PATCH', url: `${RESERVATION}/${created.id}`, ...json({ reservationItem: items }) })).statusCode).toBe(200);
    expect(capacity(await get(app, `${POOL}/pool-olt-port-04-12`), 'available')).toBe('2 ONT');
    const ended = end === 'PATCH'
      ? await app.inject({ method: 'PATCH', url: `${RESERVATION}/${created.id}`, ...json({ state: 'cancelled' }) })
      : await app.inject({ method: 'DELETE', url: `${RESERVATION}/${created.id}` });
    expect(ended.statusCode, ended.body).toBe(end === 'PATCH' ? 200 : 204);
    expect(capacity(await get(app, `${POOL}/pool-olt-port-04-12`), 'available')).toBe('3 ONT');
    expect(characteristic(await get(app, `${RESOURCE}/res-inst-olt-port-04-12`), 'connectedOnts')).toBe(29);
  });

  it('refuses a reservation on the full port with 409 naming it, and changes nothing, not even its other items', async () => {
    const app = await networkApp();
    const events = (await app.spine.ctx.store.listEvents({})).length;
    const ontBefore = await get(app, `${RESOURCE}/res-inst-ont-hwtc-a1b2`);
    const portBefore = await get(app, `${RESOURCE}/res-inst-olt-port-04-11`);
    const response = await post(app, RESERVATION, reservation(theResource('res-inst-ont-hwtc-a1b2'), fromPool('pool-olt-port-04-11')));
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({
      code: 'SPN-409-CONFLICT',
      message: 'PON port OLT-EAST-TOR-001 GPON 1/4/11 (res-inst-olt-port-04-11) is at 32/32 ONTs: no capacity for 1 more',
    });
    expect(await get(app, `${RESOURCE}/res-inst-ont-hwtc-a1b2`)).toEqual(ontBefore);
    expect(await get(app, `${RESOURCE}/res-inst-olt-port-04-11`)).toEqual(portBefore);
    expect((await app.inject({ method: 'GET', url: RESERVATION })).json()).toEqual([]);
    expect((await app.spine.ctx.store.listEvents({})).length).toBe(events);
  });

  it('refuses to reserve an ONT twice and to reopen or rewrite a reservation', async () => {
    const app = await networkApp();
    const first = (await post(app, RESERVATION, reservation(theResource('res-inst-ont-hwtc-a1b2')))).json();
    const twice = await post(app, RESERVATION, reservation(theResource('res-inst-ont-hwtc-a1b2')));
    expect([twice.statusCode, twice.json().message]).toEqual([409, 'ONT HWTC-A1B2C3D4 (res-inst-ont-hwtc-a1b2) in pool-ont-stock-gpon is reserved, not available']);
    const rewrite = await app.inject({ method: 'PATCH', url: `${RESERVATION}/${first.id}`, ...json({ reservationItem: [fromPool('pool-olt-port-04-13')] }) });
    expect(rewrite.statusCode).toBe(400);
    await app.inject({ method: 'PATCH', url: `${RESERVATION}/${first.id}`, ...json({ state: 'cancelled' }) });
    const reopen = await app.inject({ method: 'PATCH', url: `${RESERVATION}/${first.id}`, ...json({ state: 'completed' }) });
    expect(reopen.statusCode).toBe(409);
    expect((await get(app, `${RESOURCE}/res-inst-ont-hwtc-a1b2`)).resourceStatus).toBe('available');
  });

  it('answers an availability check from the pools without allocating anything', async () => {
    const app = await networkApp();
    const events = (await app.spine.ctx.store.listEvents({ api: 'TMF639' })).length;
    const response = await post(app, CHECK, { reservationItem: [fromPool('pool-olt-port-04-12'), fromPool('pool-olt-port-04-11'), ofSpec('rs-ont-gpon-eg8145v5')] });
    expect(response.statusCode).toBe(201);
    const [free, full, ont] = response.json().reservationItem;
    expect([free.state, free.appliedCapacity.capacityAmount.capacityAmount]).toEqual(['completed', '3 ONT']);
    expect([full.state, full.stateChangeReason]).toEqual(['rejected', '0 of 32 ONT available in pool-olt-port-04-11, 1 requested']);
    expect(ont.relatedEntity.find((e: Doc) => e.role === 'candidateResource').id).toBe('res-inst-ont-hwtc-a1b2');
    expect(characteristic(await get(app, `${RESOURCE}/res-inst-olt-port-04-12`), 'connectedOnts')).toBe(29);
    expect((await app.spine.ctx.store.listEvents({ api: 'TMF639' })).length).toBe(events);
  });

  it('refuses with 400 an availability check or reservation whose items or their references are not objects, storing nothing', async () => {
    const app = await networkApp();
    const cases: [unknown, string][] = [
      [[null], 'reservationItem[0] must be an object'],
      [[fromPool('pool-olt-port-04-12'), 'one'], 'reservationItem[1] must be an object'],
      [[{ quantity: 1, relatedEntity: [null] }], 'reservationItem[0].relatedEntity must be a list of objects'],
      [[{ quantity: 1, relatedEntity: 'pool-olt-port-04-12' }], 'reservationItem[0].relatedEntity must be a list of objects'],
    ];
    for (const url of [CHECK, RESERVATION]) {
      for (const [reservationItem, message] of cases) {
        const response = await post(app, url, { reservationItem });
        expect(response.statusCode, `${url} ${JSON.stringify(reservationItem)}: ${response.body}`).toBe(400);
        // A reservation's schema names the item first; an availability check has no schema for its items.
        expect(response.json().message).toContain(url === CHECK ? message : 'reservationItem');
      }
      expect((await app.inject({ method: 'GET', url })).json()).toEqual([]);
    }
  });

  it('loads twice without a single new event', async () => {
    const app = await networkApp();
    const { ctx } = app.spine;
    const events = (await ctx.store.listEvents({})).length;
    await ctx.store.transaction(async (tx) => {
      await loadParties(tx, ctx, SEED);
      await loadNetwork(tx, ctx, SEED);
    });
    expect((await ctx.store.listEvents({})).length).toBe(events);
  });
});
