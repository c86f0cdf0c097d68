import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { loadDemoDataset } from '../src/scenarios/demo-dataset.js';
import { createSchemaValidator, describeIssues } from '../src/tmf/schemas.js';
import { BASE_URL, build, json } from './support/build.js';

// TMF702 activation of Jane Smith's five reserved resources on the simulated GPON network, what
// TMF639 then says about them, and the workforce side of the visit (TMF646, TMF697).

const RESOURCE = '/tmf-api/resourceInventoryManagement/v4/resource';
const RESERVATION = '/tmf-api/resourcePoolManagement/v4/reservation';
const ACTIVATION = '/tmf-api/ResourceActivationAndConfiguration/v4/resource';
const MONITOR = '/tmf-api/ResourceActivationAndConfiguration/v4/monitor';
const SEARCH = '/tmf-api/appointment/v4/searchTimeSlot';
const APPOINTMENT = '/tmf-api/appointment/v4/appointment';
const WORK_ORDER = '/tmf-api/workOrderManagement/v4/workOrder';
const JOURNEY = 'journey-jane';

const validator = createSchemaValidator();

type Doc = Record<string, any>;

const PORT = 'res-inst-olt-port-04-12';
const ONT = 'res-inst-ont-hwtc-a1b2';
const VLAN_PAIR = 'res-inst-vlan-pair-100-2042';
const DROP = 'res-inst-drop-42-maple-ave';
const SESSION = 'res-inst-bng-tor-01-session-130';

const fromPool = (id: string) => ({ quantity: 1, relatedEntity: [{ id, role: 'resourcePool', '@referredType': 'ResourcePool' }] });
const theResource = (id: string) => ({ quantity: 1, relatedEntity: [{ id, role: 'resource', '@referredType': 'PhysicalResource' }] });
const ofSpec = (id: string) => ({ quantity: 1, relatedEntity: [{ id, role: 'resourceSpecification', '@referredType': 'ResourceSpecification' }] });
const reservation = (...reservationItem: Doc[]) => ({
  relatedParty: [{ id: 'cust-56789', name: 'Jane Smith', role: 'customer', '@referredType': 'Customer' }],
  reservationItem,
});

/** An activation request for one TMF639 resource with its configuration. */
function activation(id: string, config: Record<string, string | number> = {}): Doc {
  return {
    resourceRelationship: [{ relationshipType: 'targets', resource: { id, href: `${BASE_URL}${RESOURCE}/${id}`, '@referredType': 'Resource' } }],
    resourceCharacteristic: Object.entries(config).map(([name, value]) => ({ name, value })),
  };
}

// What the orchestrator sends to activate each of the five.
const janesActivations = {
  port: activation(PORT),
  drop: activation(DROP),
  ont: activation(ONT, { ponPort: PORT, serialNumber: 'HWTC-A1B2C3D4' }),
  vlanPair: activation(VLAN_PAIR, { sVlan: 100, cVlan: 2042 }),
  session: activation(SESSION, { rateProfile: 'RP-1G', accessType: 'IPoE' }),
};

function send(app: FastifyInstance, method: 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown) {
  const request = body === undefined ? { headers: {} } : json(body);
  return app.inject({ method, url, ...request, headers: { ...request.headers, 'x-correlation-id': JOURNEY } });
}

const get = async (app: FastifyInstance, url: string): Promise<any> => (await app.inject({ method: 'GET', url })).json();
const characteristic = (doc: Doc, name: string) => doc.resourceCharacteristic?.find((c: Doc) => c.name === name)?.value;
const names = (doc: Doc) => doc.resourceCharacteristic.map((c: Doc) => c.name);

async function janeReserved(): Promise<FastifyInstance> {
  const app = await build({ now: () => new Date('2026-11-26T10:00:00Z') });
  await loadDemoDataset(app.spine.ctx);
  const reserved = await send(app, 'POST', RESERVATION, reservation(theResource(PORT), theResource(ONT), fromPool('pool-cvlan-svlan-100'), theResource(DROP), ofSpec('rs-bng-session')));
  expect(reserved.statusCode, reserved.body).toBe(201);
  return app;
}

async function activate(app: FastifyInstance, body: Doc): Promise<Doc> {
  const response = await send(app, 'POST', ACTIVATION, body);
  expect(response.statusCode, response.body).toBe(201);
  const doc = response.json();
  const issues = validator.validate('TMF702', 'Resource', doc);
  expect(issues, describeIssues(issues)).toEqual([]);
  return doc;
}

async function eventsSince(app: FastifyInstance, seen: number) {
  return (await app.spine.ctx.store.listEvents({})).slice(seen);
}

describe('TMF702 activation on the simulated network', () => {
  it("activates Jane's five resources and TMF639 shows the network's view, with events carrying the journey's id", async () => {
    const app = await janeReserved();
    const seen = (await app.spine.ctx.store.listEvents({})).length;

    const port = await activate(app, janesActivations.port);
    expect(port).toMatchObject({ name: 'OLT-EAST-TOR-001 GPON 1/4/12', category: 'ponPort', administrativeState: 'unlocked', usageState: 'active' });
    expect(port.resourceRelationship[0]).toEqual({
      relationshipType: 'targets',
      resource: { id: PORT, href: `${BASE_URL}${RESOURCE}/${PORT}`, name: 'OLT-EAST-TOR-001 GPON 1/4/12', '@referredType': 'PhysicalResource' },
    });
    expect([characteristic(port, 'connectedOnts'), characteristic(port, 'capacity')]).toEqual([30, 32]);

    const drop = await activate(app, janesActivations.drop);
    expect([drop.usageState, characteristic(drop, 'estimatedPathLossDb'), characteristic(drop, 'maxLossDb')]).toEqual(['active', 24.236, 28]);

    const ont = await activate(app, janesActivations.ont);
    expect(ont).toMatchObject({ administrativeState: 'unlocked', operationalState: 'enable', usageState: 'active', resourceStatus: 'reserved', startOperatingDate: '2026-11-26T10:00:00.000Z' });
    expect(names(ont)).toEqual(['ponPort', 'serialNumber', 'lineProfile', 'ontId', 'olt', 'frameSlotPort', 'runState']);
    expect([characteristic(ont, 'ontId'), characteristic(ont, 'lineProfile'), characteristic(ont, 'frameSlotPort')]).toEqual([29, 'LP-GPON-FTTH', '1/4/12']);

    const pair = await activate(app, janesActivations.vlanPair);
    expect([pair.usageState, characteristic(pair, 'olt'), characteristic(pair, 'uplinkPort')]).toEqual(['active', 'OLT-EAST-TOR-001', '0/9/0']);

    const session = await activate(app, janesActivations.session);
    expect([session.usageState, characteristic(session, 'ipv4Address'), characteristic(session, 'sessionId'), characteristic(session, 'rateProfile')])
      .toEqual(['active', '203.0.113.10', 'BNG-TOR-01:130', 'RP-1G']);

    const ontNow = await get(app, `${RESOURCE}/${ONT}`);
    expect(ontNow).toMatchObject({ operationalState: 'enable', usageState: 'active', resourceStatus: 'reserved' });
    expect([characteristic(ontNow, 'ontId'), characteristic(ontNow, 'ponPort')]).toEqual([29, PORT]);
    const portNow = await get(app, `${RESOURCE}/${PORT}`);
    expect([portNow.usageState, characteristic(portNow, 'connectedOnts')]).toEqual(['active', 30]);
    expect(characteristic(portNow, 'registeredOnts')).toEqual([{ ontId: 29, serialNumber: 'HWTC-A1B2C3D4', ont: ONT }]);
    expect(await get(app, `${RESOURCE}/${VLAN_PAIR}`)).toMatchObject({ usageState: 'active', resourceStatus: 'reserved' });
    const sessionNow = await get(app, `${RESOURCE}/${SESSION}`);
    expect(sessionNow.usageState).toBe('active');
    expect(['rateProfile', 'ipv4Address', 'sessionState'].map((n) => characteristic(sessionNow, n))).toEqual(['RP-1G', '203.0.113.10', 'up']);
    expect((await get(app, `${RESOURCE}/${DROP}`)).usageState).toBe('active');

    const events = await eventsSince(app, seen);
    expect(events.every((e) => e.correlationId === JOURNEY)).toBe(true);
    const inventory = events.filter((e) => e.api === 'TMF639').map((e) => `${e.eventType} ${e.resourceId}`);
    expect(inventory).toEqual(expect.arrayContaining([
      `ResourceStateChangeEvent ${ONT}`,
      `ResourceAttributeValueChangeEvent ${ONT}`,
      `ResourceAttributeValueChangeEvent ${PORT}`,
      `ResourceStateChangeEvent ${VLAN_PAIR}`,
      `ResourceStateChangeEvent ${SESSION}`,
      `ResourceStateChangeEvent ${DROP}`,
    ]));
    const activations = events.filter((e) => e.api === 'TMF702').map((e) => e.eventType);
    expect(activations.filter((t) => t === 'ResourceCreateEvent')).toHaveLength(5);
    expect(activations.filter((t) => t === 'MonitorStateChangeEvent')).toHaveLength(5);
  });

  it('logs each network operation as a TMF702 monitor of the activation', async () => {
    const app = await janeReserved();
    const ont = await activate(app, janesActivations.ont);
    const monitors = await get(app, `${MONITOR}?sourceHref=${encodeURIComponent(ont.href)}`);
    expect(monitors).toHaveLength(1);
    const [monitor] = monitors;
    expect(validator.validate('TMF702', 'Monitor', monitor)).toEqual([]);
    expect(monitor).toMatchObject({ state: 'Completed', request: { method: 'NETCONF', to: 'OLT-EAST-TOR-001' }, response: { statusCode: '200' } });
    expect(monitor.request.header).toContainEqual({ name: 'x-correlation-id', value: JOURNEY });
    expect(JSON.parse(monitor.request.body)).toEqual({
      operation: 'ont.add',
      parameters: { frameSlotPort: '1/4/12', ontId: 29, serialNumber: 'HWTC-A1B2C3D4', lineProfile: 'LP-GPON-FTTH', authentication: 'serial number' },
    });
    expect(JSON.parse(monitor.response.body)).toMatchObject({ ontId: 29, runState: 'online' });
  });

  it('refuses to activate an ONT that was not reserved with 409 naming it and its state, and changes nothing', async () => {
    const app = await janeReserved();
    const before = await get(app, `${RESOURCE}/res-inst-ont-hwtc-a3f4`);
    const portBefore = await get(app, `${RESOURCE}/${PORT}`);
    const seen = (await app.spine.ctx.store.listEvents({})).length;

    const refused = await send(app, 'POST', ACTIVATION, activation('res-inst-ont-hwtc-a3f4', { ponPort: PORT }));

    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: 'SPN-409-CONFLICT',
      message: 'ONT HWTC-A3F47C10 (res-inst-ont-hwtc-a3f4) is available, not reserved: reserve it through TMF685 before activating it',
    });
    expect(await get(app, `${RESOURCE}/res-inst-ont-hwtc-a3f4`)).toEqual(before);
    expect(await get(app, `${RESOURCE}/${PORT}`)).toEqual(portBefore);
    expect(await get(app, ACTIVATION)).toEqual([]);
    expect(await get(app, MONITOR)).toEqual([]);
    expect(await eventsSince(app, seen)).toEqual([]);
  });

  it('answers 404 for an unknown resource, and 400 for a missing or unknown parameter', async () => {
    const app = await janeReserved();
    const unknown = await send(app, 'POST', ACTIVATION, activation('res-inst-ont-nope'));
    expect([unknown.statusCode, unknown.json().code]).toEqual([404, 'SPN-404-NOT-FOUND']);
    expect(unknown.json().message).toContain('res-inst-ont-nope');

    const noRate = await send(app, 'POST', ACTIVATION, activation(SESSION));
    expect([noRate.statusCode, noRate.json().message]).toEqual([400, 'a bngSession activation needs resourceCharacteristic rateProfile']);
    const typo = await send(app, 'POST', ACTIVATION, activation(SESSION, { rateProfile: 'RP-1G', rate: 'fast' }));
    expect(typo.json().message).toBe('resourceCharacteristic rate is not a parameter of a bngSession activation; parameters: rateProfile, accessType');
    const unsold = await send(app, 'POST', ACTIVATION, activation(SESSION, { rateProfile: 'RP-10G' }));
    expect(unsold.json().message).toBe('resourceCharacteristic rateProfile RP-10G is not one of RP-100M, RP-1G, RP-1G-BIZ, RP-2G');
    expect(await get(app, ACTIVATION)).toEqual([]);
  });

  it('refuses to activate an active ONT twice, and a second ONT on a port without a reserved slot', async () => {
    const app = await janeReserved();
    await activate(app, janesActivations.ont);
    const twice = await send(app, 'POST', ACTIVATION, janesActivations.ont);
    expect([twice.statusCode, twice.json().message]).toEqual([409, 'ONT HWTC-A1B2C3D4 (res-inst-ont-hwtc-a1b2) is already active: deactivate it before activating it again']);

    const second = await send(app, 'POST', RESERVATION, reservation(theResource('res-inst-ont-hwtc-a3f4')));
    expect(second.statusCode, second.body).toBe(201);
    const noSlot = await send(app, 'POST', ACTIVATION, activation('res-inst-ont-hwtc-a3f4', { ponPort: PORT }));
    expect([noSlot.statusCode, noSlot.json().message]).toEqual([
      409,
      'OLT-EAST-TOR-001 GPON 1/4/12 (res-inst-olt-port-04-12) has no reserved ONT slot left: 30 ONTs counted, 29 installed base, 1 registered by activation',
    ]);
  });

  it('deactivates by locking or deleting: the network configuration goes, TMF639 usage returns to idle', async () => {
    const app = await janeReserved();
    const ont = await activate(app, janesActivations.ont);
    const session = await activate(app, janesActivations.session);
    const seen = (await app.spine.ctx.store.listEvents({})).length;

    const locked = await send(app, 'PATCH', `${ACTIVATION}/${ont.id}`, { administrativeState: 'locked' });
    expect(locked.statusCode, locked.body).toBe(200);
    expect(locked.json()).toMatchObject({ administrativeState: 'locked', usageState: 'idle', endOperatingDate: '2026-11-26T10:00:00.000Z' });
    expect(names(locked.json())).toEqual(['ponPort', 'serialNumber', 'lineProfile']);
    const ontNow = await get(app, `${RESOURCE}/${ONT}`);
    expect(ontNow).toMatchObject({ usageState: 'idle', resourceStatus: 'reserved' });
    expect(characteristic(ontNow, 'ontId')).toBeUndefined();
    expect(characteristic(await get(app, `${RESOURCE}/${PORT}`), 'registeredOnts')).toEqual([]);
    const stateChanges = (await eventsSince(app, seen)).filter((e) => e.api === 'TMF639' && e.eventType === 'ResourceStateChangeEvent');
    expect(stateChanges.map((e) => [e.resourceId, e.correlationId])).toEqual([[ONT, JOURNEY]]);

    expect((await send(app, 'DELETE', `${ACTIVATION}/${session.id}`)).statusCode).toBe(204);
    const sessionNow = await get(app, `${RESOURCE}/${SESSION}`);
    expect(sessionNow.usageState).toBe('idle');
    expect(characteristic(sessionNow, 'ipv4Address')).toBeUndefined();
    const operations = (await get(app, MONITOR)).map((m: Doc) => JSON.parse(m.request.body).operation);
    expect(operations).toEqual(['ont.add', 'session.up', 'ont.delete', 'session.down']);

    const unlocked = await send(app, 'PATCH', `${ACTIVATION}/${ont.id}`, { administrativeState: 'unlocked' });
    expect(unlocked.json()).toMatchObject({ administrativeState: 'unlocked', usageState: 'active' });
    expect(characteristic(unlocked.json(), 'ontId')).toBe(29);
    expect(unlocked.json().endOperatingDate).toBeUndefined();
  });

  it('refuses a PATCH of what the network decides, and keeps a TMF702 resource that targets nothing as sent', async () => {
    const app = await janeReserved();
    const ont = await activate(app, janesActivations.ont);
    const rewrite = await send(app, 'PATCH', `${ACTIVATION}/${ont.id}`, { usageState: 'idle' });
    expect([rewrite.statusCode, rewrite.json().code]).toEqual([400, 'SPN-400-NOT-PATCHABLE']);

    const plain = await send(app, 'POST', ACTIVATION, { name: 'a record of the activation domain' });
    expect(plain.statusCode).toBe(201);
    expect(plain.json()).toEqual({ id: expect.any(String), href: expect.any(String), '@type': 'Resource', name: 'a record of the activation domain' });
  });
});

describe('the workforce: TMF646 calendar, appointment and TMF697 work order', () => {
  it('offers the next three working days, mornings and afternoons, in Toronto time', async () => {
    const app = await build({ now: () => new Date('2026-11-26T10:00:00Z') });
    const response = await send(app, 'POST', SEARCH, {});
    expect(response.statusCode).toBe(201);
    const search = response.json();
    expect(validator.validate('TMF646', 'SearchTimeSlot', search)).toEqual([]);
    expect([search.status, search.searchResult, search.searchDate]).toEqual(['done', 'success', '2026-11-26T10:00:00.000Z']);
    expect(search.availableTimeSlot.map((s: Doc) => [s.id, s.validFor.startDateTime, s.validFor.endDateTime])).toEqual([
      ['ts-2026-11-27-am', '2026-11-27T13:00:00.000Z', '2026-11-27T17:00:00.000Z'],
      ['ts-2026-11-27-pm', '2026-11-27T18:00:00.000Z', '2026-11-27T22:00:00.000Z'],
      ['ts-2026-11-30-am', '2026-11-30T13:00:00.000Z', '2026-11-30T17:00:00.000Z'],
      ['ts-2026-11-30-pm', '2026-11-30T18:00:00.000Z', '2026-11-30T22:00:00.000Z'],
      ['ts-2026-12-01-am', '2026-12-01T13:00:00.000Z', '2026-12-01T17:00:00.000Z'],
      ['ts-2026-12-01-pm', '2026-12-01T18:00:00.000Z', '2026-12-01T22:00:00.000Z'],
    ]);
  });

  it('keeps to the requested period and to the summer offset', async () => {
    const app = await build({ now: () => new Date('2026-07-01T12:00:00Z') });
    const search = (await send(app, 'POST', SEARCH, {
      requestedTimeSlot: [{ validFor: { startDateTime: '2026-07-06T00:00:00Z', endDateTime: '2026-07-06T23:59:59Z' } }],
    })).json();
    expect(search.availableTimeSlot.map((s: Doc) => s.validFor.startDateTime)).toEqual(['2026-07-06T12:00:00.000Z', '2026-07-06T17:00:00.000Z']);
    const none = (await send(app, 'POST', SEARCH, { requestedTimeSlot: [{ validFor: { startDateTime: '2026-07-04T00:00:00Z', endDateTime: '2026-07-05T23:59:59Z' } }] })).json();
    expect([none.status, none.searchResult, none.availableTimeSlot]).toEqual(['done', 'fail', []]);
  });

  it('stops offering a slot both crews hold, and refuses a third booking on it', async () => {
    const app = await build({ now: () => new Date('2026-11-26T10:00:00Z') });
    const [first] = (await send(app, 'POST', SEARCH, {})).json().availableTimeSlot;
    for (let i = 0; i < 2; i++) expect((await send(app, 'POST', APPOINTMENT, { validFor: first.validFor })).statusCode).toBe(201);
    const third = await send(app, 'POST', APPOINTMENT, { validFor: first.validFor });
    expect([third.statusCode, third.json().message]).toEqual([
      409,
      'time slot ts-2026-11-27-am (2026-11-27T13:00:00.000Z to 2026-11-27T17:00:00.000Z) is fully booked: 2 of 2 crews',
    ]);
    expect((await send(app, 'POST', SEARCH, {})).json().availableTimeSlot[0].id).toBe('ts-2026-11-27-pm');
  });

  it('takes an appointment initialized → confirmed → completed and a work order acknowledged → inProgress → completed, each move an event', async () => {
    const app = await build({ now: () => new Date('2026-11-26T10:00:00Z') });
    const [slot] = (await send(app, 'POST', SEARCH, {})).json().availableTimeSlot;
    const appointment = (await send(app, 'POST', APPOINTMENT, {
      category: 'installation', validFor: slot.validFor,
      relatedPlace: { id: 'addr-tor-42-maple-ave', role: 'installationAddress', '@referredType': 'GeographicAddress' },
    })).json();
    expect(appointment.status).toBe('initialized');
    const workOrder = (await send(app, 'POST', WORK_ORDER, {
      category: 'installation',
      appointment: { id: appointment.id, href: appointment.href, '@referredType': 'Appointment' },
      workOrderItem: [
        { id: '1', action: 'add', description: `Install ONT ${ONT}` },
        { id: '2', action: 'add', description: `Splice fibre drop ${DROP}` },
      ],
    })).json();
    expect(workOrder.state).toBe('acknowledged');

    for (const status of ['confirmed', 'completed']) {
      expect((await send(app, 'PATCH', `${APPOINTMENT}/${appointment.id}`, { status })).statusCode).toBe(200);
    }
    for (const state of ['inProgress', 'completed']) {
      const items = workOrder.workOrderItem.map((item: Doc) => ({ ...item, state }));
      const moved = await send(app, 'PATCH', `${WORK_ORDER}/${workOrder.id}`, { state, workOrderItem: items });
      expect(moved.statusCode, moved.body).toBe(200);
    }

    const changes = (await app.spine.ctx.store.listEvents({ correlationId: JOURNEY })).filter((e) => e.eventType.endsWith('StateChangeEvent'));
    expect(changes.map((e) => {
      const payload = (e.envelope.event as Doc)[e.resource];
      return `${e.eventType} ${payload.status ?? payload.state}`;
    })).toEqual([
      'AppointmentStateChangeEvent confirmed',
      'AppointmentStateChangeEvent completed',
      'WorkOrderStateChangeEvent inProgress',
      'WorkOrderStateChangeEvent completed',
    ]);
  });
});
