import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { loadDemoDataset } from '../src/scenarios/demo-dataset.js';
import { build, json } from './support/build.js';
import { tempDir } from './support/temp-dir.js';

// TMF679 and TMF645 asked without instantSyncQualification: the POST answers 201 with the task in the
// API's initial state and no result; later the task is done with the result a synchronous request
// gets, announced by its state change events, even when the server restarted in between.

type Doc = Record<string, any>;
const POQ = '/tmf-api/productOfferingQualification/v4/productOfferingQualification';
const SQ = '/tmf-api/serviceQualificationManagement/v4/checkServiceQualification';
const QUERY = '/tmf-api/serviceQualificationManagement/v4/queryServiceQualification';
const clock = () => new Date('2026-11-26T10:00:00Z');

const poq = (customerId: string, offeringIds: string[]) => ({
  provideAlternative: true, provideUnavailabilityReason: true,
  relatedParty: [{ id: customerId, role: 'customer', '@referredType': 'Customer' }],
  productOfferingQualificationItem: offeringIds.map((id, i) => ({ id: String(i + 1), productOffering: { id } })),
});

const sq = (addressId: string) => ({
  provideAlternative: true, provideUnavailabilityReason: true,
  serviceQualificationItem: [{
    id: '1',
    service: {
      serviceSpecification: { id: 'cfss-broadband' },
      place: [{ id: addressId, role: 'installationAddress', '@referredType': 'GeographicAddress' }],
      serviceCharacteristic: [{ name: 'accessTechnology', value: 'GPON' }],
    },
  }],
});

const cases = [
  // Raj Patel may buy the residential offering but not the business one (COMM-003).
  { api: 'TMF679', url: POQ, body: poq('cust-56790', ['po-gpon-ftth-001', 'po-gpon-ftth-business']), entity: 'ProductOfferingQualification', initial: 'acknowledged', items: 'productOfferingQualificationItem' },
  // 15 Birch St's port is full (TECH-001), with an alternative.
  { api: 'TMF645', url: SQ, body: sq('addr-tor-15-birch-st'), entity: 'CheckServiceQualification', initial: 'accepted', items: 'serviceQualificationItem' },
];

async function post(app: FastifyInstance, url: string, body: Doc, correlationId = 'client-conversation-1') {
  const request = json(body);
  return app.inject({ method: 'POST', url, ...request, headers: { ...request.headers, 'x-correlation-id': correlationId } });
}

async function finished(app: FastifyInstance, url: string): Promise<Doc> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const doc = (await app.inject({ method: 'GET', url })).json();
    if (!['acknowledged', 'accepted', 'inProgress'].includes(doc.state) || Date.now() > deadline) return doc;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

// What a qualification decided, without what differs between two tasks (ids, hrefs, dates).
function decision(doc: Doc, items: string): Doc {
  return { qualificationResult: doc.qualificationResult, items: doc[items].map(({ state, qualificationResult, qualificationItemResult, eligibilityUnavailabilityReason, alternateServiceProposal, alternateProductOfferingProposal }: Doc) => ({ state, qualificationResult, qualificationItemResult, eligibilityUnavailabilityReason, alternateServiceProposal, alternateProductOfferingProposal })) };
}

describe('asynchronous qualification', () => {
  it.each(cases)('$api: 201 $initial at once, then done with the synchronous answer and its state change events', async ({ url, body, entity, initial, items }) => {
    const app = await build({ now: clock });
    await loadDemoDataset(app.spine.ctx);
    const response = await post(app, url, { ...body, instantSyncQualification: false });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ state: initial });
    expect(response.json().qualificationResult).toBeUndefined();

    const done = await finished(app, response.headers.location as string);
    expect(done.state).toBe('done');
    const instant = (await post(app, url, { ...body, instantSyncQualification: true })).json();
    expect(decision(done, items)).toEqual(decision(instant, items));
    expect(done.qualificationResult).not.toBe('qualified');

    const events = await app.spine.ctx.store.listEvents({ resourceId: done.id });
    expect(events.map((e) => [e.eventType, Object.values(e.envelope.event as Doc)[0].state, e.correlationId])).toEqual([
      [`${entity}CreateEvent`, initial, 'client-conversation-1'],
      [`${entity}StateChangeEvent`, 'inProgress', 'client-conversation-1'],
      [`${entity}StateChangeEvent`, 'done', 'client-conversation-1'],
      // The result attributes changed too, as on the synchronous path.
      [`${entity}AttributeValueChangeEvent`, 'done', 'client-conversation-1'],
    ]);
  });

  it('answers a qualification accepted before a restart once the server is back', async () => {
    const dbPath = join(tempDir('spine-async-sq-'), 'spine.db');
    const before = await build({ now: clock, dbPath });
    await loadDemoDataset(before.spine.ctx);
    await before.spine.qualifications.stop();
    const response = await post(before, SQ, { ...sq('addr-tor-42-maple-ave'), instantSyncQualification: false });
    expect([response.statusCode, response.json().state]).toEqual([201, 'accepted']);
    await before.close();

    const after = await build({ now: clock, dbPath });
    const done = await finished(after, `${SQ}/${response.json().id}`);
    expect([done.state, done.qualificationResult]).toEqual(['done', 'qualified']);
    expect(done.serviceQualificationItem[0].service.serviceCharacteristic).toContainEqual({ name: 'frameSlotPort', valueType: 'string', value: '1/4/12' });
  });

  it('ends a qualification it cannot answer (an unknown address) terminatedWithError, with its event', async () => {
    const app = await build({ now: clock });
    await loadDemoDataset(app.spine.ctx);
    const response = await post(app, SQ, { ...sq('addr-nowhere'), instantSyncQualification: false });
    expect(response.statusCode).toBe(201);
    const ended = await finished(app, `${SQ}/${response.json().id}`);
    expect([ended.state, ended.qualificationResult]).toEqual(['terminatedWithError', undefined]);
    const events = await app.spine.ctx.store.listEvents({ resourceId: ended.id });
    expect(events.map((e) => e.eventType).at(-1)).toBe('CheckServiceQualificationStateChangeEvent');
  });

  it('answers a TMF645 query later with the services an instant one lists, and ends one for an unknown place terminatedWithError', async () => {
    const app = await build({ now: clock });
    await loadDemoDataset(app.spine.ctx);
    const query = (addressId: string, instantSyncQualification: boolean) => ({
      instantSyncQualification,
      searchCriteria: { service: { place: [{ id: addressId, role: 'installationAddress', '@referredType': 'GeographicAddress' }] } },
    });
    const response = await post(app, QUERY, query('addr-tor-42-maple-ave', false));
    expect([response.statusCode, response.json().state, response.json().serviceQualificationItem]).toEqual([201, 'accepted', undefined]);
    const done = await finished(app, response.headers.location as string);
    const instant = (await post(app, QUERY, query('addr-tor-42-maple-ave', true))).json();
    expect([done.state, done.serviceQualificationItem]).toEqual(['done', instant.serviceQualificationItem]);
    expect(done.serviceQualificationItem.length).toBeGreaterThan(0);

    const unknown = await post(app, QUERY, query('addr-nowhere', false));
    expect(unknown.statusCode).toBe(201);
    const ended = await finished(app, unknown.headers.location as string);
    expect([ended.state, ended.serviceQualificationItem]).toEqual(['terminatedWithError', undefined]);
    const events = await app.spine.ctx.store.listEvents({ resourceId: ended.id });
    expect(events.map((e) => [e.eventType, (e.envelope.event as Doc).queryServiceQualification.state, e.correlationId])).toEqual([
      ['QueryServiceQualificationCreateEvent', 'accepted', 'client-conversation-1'],
      ['QueryServiceQualificationStateChangeEvent', 'terminatedWithError', 'client-conversation-1'],
    ]);
  });
});
