import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { loadDemoDataset } from '../src/scenarios/demo-dataset.js';
import { targetOf, upsertInTx } from '../src/tmf/resource-service.js';
import { createSchemaValidator, describeIssues } from '../src/tmf/schemas.js';
import { build, json } from './support/build.js';

// The three qualification gates over HTTP against the demo dataset: TMF673 address validation, TMF679
// commercial eligibility, TMF645 footprint and deep network. Every outcome follows from the data.

type Doc = Record<string, any>;

const VALIDATION = '/tmf-api/geographicAddressManagement/v4/geographicAddressValidation';
const POQ = '/tmf-api/productOfferingQualification/v4/productOfferingQualification';
const SQ = '/tmf-api/serviceQualificationManagement/v4/checkServiceQualification';
const QUERY = '/tmf-api/serviceQualificationManagement/v4/queryServiceQualification';
const RESOURCE = '/tmf-api/resourceInventoryManagement/v4/resource';
const POOL = '/tmf-api/resourcePoolManagement/v4/resourcePool';
const RESERVATION = '/tmf-api/resourcePoolManagement/v4/reservation';

const ENTITIES: Record<string, [api: string, definition: string]> = {
  [VALIDATION]: ['TMF673', 'GeographicAddressValidation'],
  [POQ]: ['TMF679', 'ProductOfferingQualification'],
  [SQ]: ['TMF645', 'CheckServiceQualification'],
  [QUERY]: ['TMF645', 'QueryServiceQualification'],
};

const validator = createSchemaValidator();

const JANE = { customer: 'cust-56789', address: 'addr-tor-42-maple-ave' };
const BIRCH_ST = 'addr-tor-15-birch-st';
const MAPLE_97 = 'addr-tor-97-maple-ave';
const CEDAR_LANE = 'addr-mkm-8-cedar-lane';

async function demoApp(): Promise<FastifyInstance> {
  const app = await build({ now: () => new Date('2026-11-26T10:00:00Z') });
  await loadDemoDataset(app.spine.ctx);
  return app;
}

/** POSTs a qualification and checks the answer against the official schema of its entity. */
async function qualify(app: FastifyInstance, url: string, body: Doc, correlationId?: string) {
  const request = json(body);
  const response = await app.inject({
    method: 'POST', url, ...request, headers: { ...request.headers, ...(correlationId && { 'x-correlation-id': correlationId }) },
  });
  if (response.statusCode < 300) {
    const [api, definition] = ENTITIES[url]!;
    const issues = validator.validate(api, definition, response.json());
    expect(issues, describeIssues(issues)).toEqual([]);
  }
  return response;
}

const validation = (submittedGeographicAddress: Doc, provideAlternative = true) => ({ submittedGeographicAddress, provideAlternative });

const poq = (customerId: string, offeringIds: string[], flags: Doc = {}) => ({
  instantSyncQualification: true, provideAlternative: true, provideUnavailabilityReason: true, ...flags,
  relatedParty: [{ id: customerId, role: 'customer', '@referredType': 'Customer' }],
  productOfferingQualificationItem: offeringIds.map((id, i) => ({ id: String(i + 1), productOffering: { id } })),
});

const sq = (addressId: string, flags: Doc = {}, technology = 'GPON') => ({
  instantSyncQualification: true, provideAlternative: true, provideUnavailabilityReason: true, ...flags,
  serviceQualificationItem: [{
    id: '1',
    service: {
      serviceSpecification: { id: 'cfss-broadband' },
      place: [{ id: addressId, role: 'installationAddress', '@referredType': 'GeographicAddress' }],
      serviceCharacteristic: [{ name: 'accessTechnology', value: technology }],
    },
  }],
});

/** The one item of an instant SQ for `addressId`. */
async function sqItem(app: FastifyInstance, addressId: string, flags: Doc = {}, technology = 'GPON'): Promise<Doc> {
  const response = await qualify(app, SQ, sq(addressId, flags, technology));
  expect(response.statusCode, response.body).toBe(200);
  return response.json().serviceQualificationItem[0];
}

const codesOf = (item: Doc) => (item.eligibilityUnavailabilityReason ?? []).map((r: Doc) => r.code);
const characteristic = (doc: Doc, name: string) =>
  (doc.serviceCharacteristic ?? doc.resourceCharacteristic).find((c: Doc) => c.name === name)?.value;
const get = async (app: FastifyInstance, url: string): Promise<Doc> => (await app.inject({ method: 'GET', url })).json();

/** Reserves through TMF685 what the network test reserves: `quantity` units of a pool. */
async function reserve(app: FastifyInstance, poolId: string, quantity: number) {
  const response = await app.inject({
    method: 'POST', url: RESERVATION,
    ...json({
      relatedParty: [{ id: 'cust-56790', role: 'customer', '@referredType': 'Customer' }],
      reservationItem: [{ quantity, relatedEntity: [{ id: poolId, role: 'resourcePool', '@referredType': 'ResourcePool' }] }],
    }),
  });
  expect(response.statusCode, response.body).toBe(201);
}

describe('Jane Smith at 42 Maple Ave qualifies at all three gates', () => {
  it('TMF673 finds her address however it is written, with its id and href', async () => {
    const app = await demoApp();
    const response = await qualify(app, VALIDATION, validation({
      streetNr: '42', streetName: ' maple ', streetType: 'Avenue', city: 'TORONTO', stateOrProvince: 'Ontario', postcode: 'm4m2k1', country: 'Canada',
    }));
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      state: 'done', validationResult: 'success', validationDate: '2026-11-26T10:00:00.000Z',
      validGeographicAddress: {
        id: JANE.address, href: `http://spine.test/tmf-api/geographicAddressManagement/v4/geographicAddress/${JANE.address}`,
        streetNr: '42', streetName: 'Maple', streetType: 'Ave', postcode: 'M4M 2K1',
      },
    });
    expect(response.json().alternateGeographicAddress).toBeUndefined();
  });

  it('TMF679 qualifies po-gpon-ftth-001 for her residential segment', async () => {
    const app = await demoApp();
    const response = await qualify(app, POQ, poq(JANE.customer, ['po-gpon-ftth-001']));
    expect(response.statusCode).toBe(200);
    const doc = response.json();
    expect([doc.state, doc.qualificationResult]).toEqual(['done', 'qualified']);
    expect(doc.productOfferingQualificationItem).toEqual([{ id: '1', productOffering: { id: 'po-gpon-ftth-001' }, state: 'done', qualificationItemResult: 'qualified' }]);
  });

  it('TMF645 names her PON port and drop, and the facts the resource order needs, under the B+ budget', async () => {
    const app = await demoApp();
    const response = await qualify(app, SQ, sq(JANE.address));
    expect(response.statusCode).toBe(200);
    expect([response.json().state, response.json().qualificationResult]).toEqual(['done', 'qualified']);
    const item = response.json().serviceQualificationItem[0];
    expect([item.state, item.qualificationResult, item.eligibilityUnavailabilityReason]).toEqual(['done', 'qualified', undefined]);
    expect(item.service.supportingResource).toEqual([
      { id: 'res-inst-olt-port-04-12', href: `http://spine.test${RESOURCE}/res-inst-olt-port-04-12`, name: 'OLT-EAST-TOR-001 GPON 1/4/12', '@referredType': 'PhysicalResource' },
      { id: 'res-inst-drop-42-maple-ave', href: `http://spine.test${RESOURCE}/res-inst-drop-42-maple-ave`, name: 'DROP-42-MAPLE-AVE', '@referredType': 'PhysicalResource' },
    ]);
    const port = await get(app, `${RESOURCE}/res-inst-olt-port-04-12`);
    const drop = await get(app, `${RESOURCE}/res-inst-drop-42-maple-ave`);
    const facts = ['accessTechnology', 'olt', 'frameSlotPort', 'splitter', 'dropRoute', 'opticClass', 'classMaxDb', 'sVlan'].map((n) => characteristic(item.service, n));
    expect(facts).toEqual([
      'GPON', characteristic(port, 'olt'), characteristic(port, 'frameSlotPort'), characteristic(drop, 'splitter'), drop.name,
      characteristic(port, 'opticClass'), characteristic(port, 'maxLossDb'), characteristic(port, 'sVlan'),
    ]);
    expect(facts).toEqual(['GPON', 'OLT-EAST-TOR-001', '1/4/12', 'SPLIT-MAPLE-AVE-01', 'DROP-42-MAPLE-AVE', 'B+', 28, 100]);
    const loss = characteristic(item.service, 'pathLossDb');
    expect(loss).toBe(characteristic(drop, 'estimatedPathLossDb'));
    expect(loss).toBeLessThan(28);
  });
});

describe('gate 1, commercial (TMF679)', () => {
  it('refuses po-gpon-ftth-business to residential Jane with COMM-003 and proposes po-gpon-ftth-001 (alternate)', async () => {
    const app = await demoApp();
    const doc = (await qualify(app, POQ, poq(JANE.customer, ['po-gpon-ftth-business']))).json();
    expect(doc.qualificationResult).toBe('alternate');
    expect(doc.productOfferingQualificationItem[0]).toMatchObject({
      qualificationItemResult: 'alternate',
      eligibilityUnavailabilityReason: [{
        code: 'COMM-003',
        label: 'Customer segment mismatch',
        technicalReason: 'Product po-gpon-ftth-business requires customerSegment=enterprise. Customer cust-56789 is segment=residential.',
        suggestedAction: 'Offer po-gpon-ftth-001 (residential) instead',
      }],
      alternateProductOfferingProposal: [{
        alternateProductOffering: { id: 'po-gpon-ftth-001', name: 'GPON FTTH 1Gbps Residential', '@referredType': 'ProductOffering' },
      }],
    });
  });

  it('is unqualified, never ineligible, when no alternative is asked for; the overall result follows the worst item', async () => {
    const app = await demoApp();
    const doc = (await qualify(app, POQ, poq(JANE.customer, ['po-gpon-ftth-001', 'po-gpon-ftth-business'], { provideAlternative: false }))).json();
    expect(doc.productOfferingQualificationItem.map((i: Doc) => i.qualificationItemResult)).toEqual(['qualified', 'unqualified']);
    expect(doc.productOfferingQualificationItem[1].alternateProductOfferingProposal).toBeUndefined();
    expect(codesOf(doc.productOfferingQualificationItem[1])).toEqual(['COMM-003']);
    expect(doc.qualificationResult).toBe('unqualified');
  });

  it('says when the catalog has no equivalent for the customer segment', async () => {
    const app = await demoApp();
    const item = (await qualify(app, POQ, poq('cust-56792', ['po-xgspon-ftth-2g']))).json().productOfferingQualificationItem[0];
    expect(item.qualificationItemResult).toBe('unqualified');
    expect(item.eligibilityUnavailabilityReason[0]).toMatchObject({
      code: 'COMM-003',
      technicalReason: 'Product po-xgspon-ftth-2g requires customerSegment=residential. Customer cust-56792 is segment=enterprise.',
      suggestedAction: 'No enterprise offering in the catalog matches po-xgspon-ftth-2g (XGSPON, 2000 Mbps)',
    });
  });

  it('checks the channel when the qualification names one (COMM-002)', async () => {
    const app = await demoApp();
    const item = (await qualify(app, POQ, poq(JANE.customer, ['po-gpon-ftth-001'], { channel: { id: 'ch-enterprise-sales' } }))).json()
      .productOfferingQualificationItem[0];
    expect(item).toMatchObject({
      qualificationItemResult: 'unqualified',
      eligibilityUnavailabilityReason: [{
        code: 'COMM-002',
        label: 'Channel not allowed',
        technicalReason: 'Product po-gpon-ftth-001 is sold through ch-online or ch-retail. This qualification came through ch-enterprise-sales.',
        suggestedAction: 'Order po-gpon-ftth-001 through ch-online or ch-retail',
      }],
    });
  });

  it('leaves the reasons out when asked to, without changing the result', async () => {
    const app = await demoApp();
    const item = (await qualify(app, POQ, poq(JANE.customer, ['po-gpon-ftth-business'], { provideUnavailabilityReason: false }))).json()
      .productOfferingQualificationItem[0];
    expect(item.qualificationItemResult).toBe('alternate');
    expect(item.eligibilityUnavailabilityReason).toBeUndefined();
  });

  it('is unqualified for an offering that is not on sale, saying why, as the cart refuses it; and never proposes one', async () => {
    const app = await demoApp();
    const CATALOG = '/tmf-api/productCatalogManagement/v4/productOffering';
    const { id: _id, href: _href, ...copy } = await get(app, `${CATALOG}/po-gpon-ftth-001`);
    const offer = async (changes: Doc) => (await app.inject({ method: 'POST', url: CATALOG, ...json({ ...copy, ...changes }) })).json();
    const retired = await offer({ name: 'Retired fibre', lifecycleStatus: 'Retired' });
    const bundled = await offer({ name: 'Bundle-only fibre', isSellable: false });

    const doc = (await qualify(app, POQ, poq(JANE.customer, [retired.id, bundled.id], { provideAlternative: false }))).json();
    expect(doc.qualificationResult).toBe('unqualified');
    expect(doc.productOfferingQualificationItem.map((i: Doc) => [i.qualificationItemResult, i.eligibilityUnavailabilityReason])).toEqual([
      ['unqualified', [{
        code: 'COMM-001', label: 'Offering not on sale',
        technicalReason: `Product ${retired.id} is Retired: offerings are on sale when Launched or Active.`,
        suggestedAction: 'Offer po-gpon-ftth-001 instead',
      }]],
      ['unqualified', [{
        code: 'COMM-001', label: 'Offering not on sale',
        technicalReason: `Product ${bundled.id} is sold only within a bundle (isSellable false).`,
        suggestedAction: 'Offer po-gpon-ftth-001 instead',
      }]],
    ]);
    // The cart refuses the same two offerings.
    for (const offering of [retired, bundled]) {
      const cart = await app.inject({ method: 'POST', url: '/tmf-api/shoppingCart/v4/shoppingCart', ...json({ cartItem: [{ id: '1', action: 'add', productOffering: { id: offering.id } }] }) });
      expect(cart.statusCode, offering.name).toBe(409);
    }
    // Asked for alternatives, the gate proposes the offering on sale in its place, and never one that is not.
    const alternatives = (await qualify(app, POQ, poq(JANE.customer, [retired.id, 'po-gpon-ftth-business']))).json().productOfferingQualificationItem;
    expect(alternatives.map((i: Doc) => [i.qualificationItemResult, i.alternateProductOfferingProposal.map((p: Doc) => p.alternateProductOffering.id)])).toEqual([
      ['alternate', ['po-gpon-ftth-001']],
      ['alternate', ['po-gpon-ftth-001']],
    ]);
  });

  it('refuses with 400, storing nothing, a customer or offering that does not exist, or no customer at all', async () => {
    const app = await demoApp();
    const refusals = [
      [poq('cust-nobody', ['po-gpon-ftth-001']), 'relatedParty names customer cust-nobody, which does not exist'],
      [poq(JANE.customer, ['po-nothing']), 'productOfferingQualificationItem[0].productOffering names productOffering po-nothing, which does not exist'],
      [{ ...poq(JANE.customer, ['po-gpon-ftth-001']), relatedParty: [] }, 'relatedParty must name the customer'],
    ] as const;
    for (const [body, message] of refusals) {
      const response = await qualify(app, POQ, body);
      expect(response.statusCode).toBe(400);
      expect(response.json().message).toContain(message);
    }
    expect((await app.inject({ method: 'GET', url: POQ })).json()).toEqual([]);
  });
});

describe('gates 2 and 3, footprint and deep network (TMF645)', () => {
  it('finds 15 Birch St on a full port (TECH-001), names OLT-EAST-TOR-002 and proposes VDSL2 (alternate)', async () => {
    const app = await demoApp();
    const item = await sqItem(app, BIRCH_ST);
    expect(item.qualificationResult).toBe('alternate');
    expect(item.eligibilityUnavailabilityReason).toEqual([{
      code: 'TECH-001',
      label: 'OLT capacity exhausted',
      technicalReason: 'OLT-EAST-TOR-001 PON port 1/4/11 at 32/32 ONT capacity. No available GPON ports on splitter SPLIT-BIRCH-ST-01.',
      suggestedAction: 'Assign to adjacent OLT-EAST-TOR-002 (GPON 1/2/3 via SPLIT-BIRCH-ST-02, 10/32 ONTs) or waitlist for a free slot on OLT-EAST-TOR-001 GPON 1/4/11',
    }]);
    expect(item.alternateServiceProposal).toHaveLength(1);
    expect(item.alternateServiceProposal[0].alternateService).toMatchObject({
      name: 'VDSL2 100Mbps Residential',
      serviceSpecification: { id: 'cfss-broadband' },
      serviceCharacteristic: [{ name: 'accessTechnology', value: 'VDSL2' }, { name: 'downloadSpeed', value: 100 }],
      place: [{ id: BIRCH_ST, role: 'installationAddress' }],
      relatedEntity: [{ id: 'po-vdsl2-100m', role: 'productOffering', '@referredType': 'ProductOffering' }],
    });
    expect(item.service.supportingResource).toBeUndefined();
  });

  it('makes TECH-001 unqualified when no alternative is asked for', async () => {
    const app = await demoApp();
    const item = await sqItem(app, BIRCH_ST, { provideAlternative: false });
    expect([item.qualificationResult, codesOf(item), item.alternateServiceProposal]).toEqual(['unqualified', ['TECH-001'], undefined]);
  });

  it('computes 31.2 dB against 28.0 dB at 97 Maple Ave (TECH-002) and names SPLIT-MAPLE-AVE-02 and a C+ optic', async () => {
    const app = await demoApp();
    const item = await sqItem(app, MAPLE_97);
    expect(item.qualificationResult).toBe('unqualified');
    expect(item.alternateServiceProposal).toBeUndefined();
    expect(item.eligibilityUnavailabilityReason).toEqual([{
      code: 'TECH-002',
      label: 'Optical budget exceeded',
      technicalReason:
        'Estimated path loss 31.2 dB exceeds maximum allowed 28.0 dB for class B+ optics on OLT-EAST-TOR-001 GPON 1/4/14: ' +
        '1:64 split at SPLIT-DANFORTH-AVE-01, 10.4 km feeder, 180 m G.652D drop.',
      suggestedAction:
        'Re-route via SPLIT-MAPLE-AVE-02 (24.0 dB on OLT-EAST-TOR-001 GPON 1/4/13), fit a C+ optic (32.0 dB max) on OLT-EAST-TOR-001 GPON 1/4/14 ' +
        'or add a PON reach extender',
    }]);
    const drop = await get(app, `${RESOURCE}/res-inst-drop-97-maple-ave`);
    expect(characteristic(drop, 'estimatedPathLossDb').toFixed(1)).toBe('31.2');
  });

  it('puts 8 Cedar Lane, Markham outside the footprint (TECH-000), with nothing to propose', async () => {
    const app = await demoApp();
    const item = await sqItem(app, CEDAR_LANE);
    expect([item.qualificationResult, item.alternateServiceProposal]).toEqual(['unqualified', undefined]);
    expect(item.eligibilityUnavailabilityReason).toEqual([{
      code: 'TECH-000',
      label: 'Address outside the access footprint',
      technicalReason: 'No drop route of the fibre network reaches addr-mkm-8-cedar-lane (8 Cedar Lane, Markham).',
      suggestedAction: 'Register interest in a fibre build at 8 Cedar Lane, Markham',
    }]);
  });

  it('says when the address is in the footprint but not of the asked technology (TECH-003), in either spelling', async () => {
    const app = await demoApp();
    for (const spelling of ['XGS-PON', 'XGSPON']) {
      const item = await sqItem(app, BIRCH_ST, {}, spelling);
      expect(item.eligibilityUnavailabilityReason).toEqual([{
        code: 'TECH-003',
        label: 'Access technology not available at this address',
        technicalReason: 'addr-tor-15-birch-st is reached through SPLIT-BIRCH-ST-01 and SPLIT-BIRCH-ST-02, which no XGS-PON port feeds (GPON only).',
        suggestedAction: 'Qualify GPON instead or register interest in XGS-PON at 15 Birch St, Toronto',
      }]);
      expect(item.alternateServiceProposal.map((p: Doc) => p.alternateService.name)).toEqual(['VDSL2 100Mbps Residential']);
    }
  });

  it('stops at the first gate that fails: each address gets exactly one reason, the cheapest', async () => {
    const app = await demoApp();
    const codes = [];
    for (const address of [JANE.address, BIRCH_ST, MAPLE_97, CEDAR_LANE]) codes.push(codesOf(await sqItem(app, address)));
    expect(codes).toEqual([[], ['TECH-001'], ['TECH-002'], ['TECH-000']]);
  });

  it('checks capacity before the budget: 97 Maple Ave on a full port is TECH-001, not TECH-002', async () => {
    const app = await demoApp();
    const port = await get(app, `${RESOURCE}/res-inst-olt-port-04-14`);
    await reserve(app, 'pool-olt-port-04-14', characteristic(port, 'capacity') - characteristic(port, 'connectedOnts'));
    const item = await sqItem(app, MAPLE_97);
    expect(codesOf(item)).toEqual(['TECH-001']);
    expect(item.eligibilityUnavailabilityReason[0].technicalReason).toContain('PON port 1/4/14 at 32/32 ONT capacity');
    expect(item.eligibilityUnavailabilityReason[0].suggestedAction)
      .toBe('Re-route via SPLIT-MAPLE-AVE-02 to OLT-EAST-TOR-001 GPON 1/4/13 (12/32 ONTs) or waitlist for a free slot on OLT-EAST-TOR-001 GPON 1/4/14');
  });

  it("reads capacity live: once Jane's port is full, her next SQ is TECH-001 on 1/4/12 and XGS-PON or VDSL2 is proposed", async () => {
    const app = await demoApp();
    expect((await sqItem(app, JANE.address)).qualificationResult).toBe('qualified');
    await reserve(app, 'pool-olt-port-04-12', 3);
    const item = await sqItem(app, JANE.address);
    expect(item.qualificationResult).toBe('alternate');
    expect(item.eligibilityUnavailabilityReason[0]).toMatchObject({
      code: 'TECH-001',
      technicalReason: 'OLT-EAST-TOR-001 PON port 1/4/12 at 32/32 ONT capacity. No available GPON ports on splitter SPLIT-MAPLE-AVE-01.',
      suggestedAction: 'Waitlist for a free slot on OLT-EAST-TOR-001 GPON 1/4/12',
    });
    expect(item.alternateServiceProposal.map((p: Doc) => p.alternateService.relatedEntity[0].id)).toEqual(['po-xgspon-ftth-2g', 'po-vdsl2-100m']);
  });

  it('checks ONT stock last (TECH-004): with every GPON ONT reserved, Jane is offered XGS-PON or VDSL2', async () => {
    const app = await demoApp();
    const pool = await get(app, `${POOL}/pool-ont-stock-gpon`);
    const available = Number.parseInt(pool.capacity.find((c: Doc) => c.capacitySpec.name === 'available').capacityAmount.capacityAmount, 10);
    await reserve(app, 'pool-ont-stock-gpon', available);
    const item = await sqItem(app, JANE.address);
    expect(item.eligibilityUnavailabilityReason).toEqual([{
      code: 'TECH-004',
      label: 'ONT out of stock',
      technicalReason: 'pool-ont-stock-gpon has 0 of 5 GPON ONTs available.',
      suggestedAction: 'Replenish pool-ont-stock-gpon or waitlist for a GPON ONT',
    }]);
    expect(item.alternateServiceProposal.map((p: Doc) => p.alternateService.name)).toEqual(['XGS-PON FTTH 2Gbps Residential', 'VDSL2 100Mbps Residential']);
  });

  it('refuses with 400 an address that does not exist, no address, or a technology it cannot check', async () => {
    const app = await demoApp();
    const noPlace = sq(JANE.address);
    noPlace.serviceQualificationItem[0]!.service.place = [];
    const refusals = [
      [sq('addr-nowhere'), 'serviceQualificationItem[0].service.place names geographicAddress addr-nowhere, which does not exist'],
      [noPlace, 'serviceQualificationItem[0].service.place must name the installationAddress'],
      [sq(JANE.address, {}, 'VDSL2'), 'accessTechnology must be one the network can check: GPON, XGSPON (got "VDSL2")'],
    ] as const;
    for (const [body, message] of refusals) {
      const response = await qualify(app, SQ, body);
      expect(response.statusCode).toBe(400);
      expect(response.json().message).toContain(message);
    }
    expect((await app.inject({ method: 'GET', url: SQ })).json()).toEqual([]);
  });
});

describe('TMF645 queryServiceQualification: the services the network can deliver at a place', () => {
  const query = (addressId: string, service: Doc = {}, flags: Doc = { instantSyncQualification: true }) => ({
    ...flags,
    searchCriteria: { service: { place: [{ id: addressId, role: 'installationAddress', '@referredType': 'GeographicAddress' }], ...service } },
  });
  /** Each listed service as [its specification, its access technology]. */
  const listed = (doc: Doc) => doc.serviceQualificationItem.map((item: Doc) => [item.service.serviceSpecification.id, characteristic(item.service, 'accessTechnology')]);
  const answer = async (app: FastifyInstance, body: Doc) => {
    const response = await qualify(app, QUERY, body);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  it("lists the Broadband CFS over XGS-PON, GPON and VDSL2 at Jane's address, fastest first, done in the response", async () => {
    const app = await demoApp();
    const response = await qualify(app, QUERY, query(JANE.address), 'journey-jane');
    expect(response.statusCode, response.body).toBe(200);
    const doc = response.json();
    expect(response.headers.location).toBe(doc.href);
    expect([doc.state, doc.effectiveQualificationDate]).toEqual(['done', '2026-11-26T10:00:00.000Z']);
    expect(listed(doc)).toEqual([['cfss-broadband', 'XGSPON'], ['cfss-broadband', 'GPON'], ['cfss-broadband', 'VDSL2']]);
    expect(doc.serviceQualificationItem[1]).toEqual({
      id: '2',
      service: {
        serviceSpecification: {
          id: 'cfss-broadband', href: 'http://spine.test/tmf-api/serviceCatalogManagement/v4/serviceSpecification/cfss-broadband',
          name: 'Broadband', version: '1.0', '@referredType': 'CustomerFacingServiceSpecification',
        },
        serviceCharacteristic: [{ name: 'accessTechnology', valueType: 'string', value: 'GPON' }],
        place: [{ id: JANE.address, role: 'installationAddress', '@referredType': 'GeographicAddress' }],
      },
    });
    expect(await get(app, `${QUERY}/${doc.id}`)).toEqual(doc);
    const events = await app.spine.ctx.store.listEvents({ resourceId: doc.id });
    expect(events.map((e) => [e.eventType, (e.envelope.event as Doc).queryServiceQualification.state, e.correlationId]).slice(0, 2)).toEqual([
      ['QueryServiceQualificationCreateEvent', 'inProgress', 'journey-jane'],
      ['QueryServiceQualificationStateChangeEvent', 'done', 'journey-jane'],
    ]);
  });

  it('reads the network as the check does: no GPON once her port is full, only VDSL2 at 15 Birch St, nothing at 8 Cedar Lane, Markham', async () => {
    const app = await demoApp();
    await reserve(app, 'pool-olt-port-04-12', 3);
    expect(listed(await answer(app, query(JANE.address)))).toEqual([['cfss-broadband', 'XGSPON'], ['cfss-broadband', 'VDSL2']]);
    expect(listed(await answer(app, query(BIRCH_ST)))).toEqual([['cfss-broadband', 'VDSL2']]);
    const unserved = await answer(app, query(CEDAR_LANE));
    expect([unserved.state, unserved.serviceQualificationItem]).toEqual(['done', []]);
  });

  it('narrows the list to the specification and access technology searched for, in either spelling', async () => {
    const app = await demoApp();
    const broadband = { serviceSpecification: { id: 'cfss-broadband' } };
    expect(listed(await answer(app, query(JANE.address, broadband)))).toHaveLength(3);
    for (const spelling of ['XGS-PON', 'xgspon']) {
      const searched = query(JANE.address, { ...broadband, serviceCharacteristic: [{ name: 'accessTechnology', value: spelling }] });
      expect(listed(await answer(app, searched))).toEqual([['cfss-broadband', 'XGSPON']]);
    }
  });

  it('refuses with 400, storing nothing, a place or specification that does not exist, or no place, when the answer is asked for in the response', async () => {
    const app = await demoApp();
    const refusals = [
      [query('addr-nowhere'), 'searchCriteria.service.place names geographicAddress addr-nowhere, which does not exist'],
      [{ instantSyncQualification: true, searchCriteria: {} }, 'searchCriteria.service.place must name the installationAddress'],
      [query(JANE.address, { serviceSpecification: { id: 'cfss-nothing' } }), 'searchCriteria.service.serviceSpecification names serviceSpecification cfss-nothing, which does not exist'],
    ] as const;
    for (const [body, message] of refusals) {
      const response = await qualify(app, QUERY, body);
      expect(response.statusCode).toBe(400);
      expect(response.json().message).toContain(message);
    }
    expect(await get(app, QUERY)).toEqual([]);
  });
});

describe('TMF673 address validation', () => {
  it('fails an address nobody knows, and an unknown id', async () => {
    const app = await demoApp();
    for (const submitted of [{ streetNr: '1', streetName: 'Nowhere', streetType: 'Rd', city: 'Toronto' }, { id: 'addr-nowhere' }]) {
      const doc = (await qualify(app, VALIDATION, validation(submitted))).json();
      expect([doc.state, doc.validationResult, doc.validGeographicAddress, doc.alternateGeographicAddress]).toEqual(['done', 'fails', undefined, undefined]);
    }
  });

  it('is partial for a near miss, proposing the closest addresses first when asked', async () => {
    const app = await demoApp();
    const nearMiss = { streetNr: '42', streetName: 'Maple', streetType: 'St', city: 'Toronto' };
    const doc = (await qualify(app, VALIDATION, validation(nearMiss))).json();
    expect([doc.validationResult, doc.validGeographicAddress]).toEqual(['partial', undefined]);
    expect(doc.alternateGeographicAddress.map((a: Doc) => a.id)).toEqual([JANE.address, MAPLE_97]);
    const without = (await qualify(app, VALIDATION, validation(nearMiss, false))).json();
    expect([without.validationResult, without.alternateGeographicAddress]).toEqual(['partial', undefined]);
  });

  it('validates a known id, and the multi-word street type of 350 Queen St E', async () => {
    const app = await demoApp();
    expect((await qualify(app, VALIDATION, validation({ id: 'addr-tor-350-queen-st-e' }))).json().validGeographicAddress.id).toBe('addr-tor-350-queen-st-e');
    const doc = (await qualify(app, VALIDATION, validation({ streetNr: '350', streetName: 'Queen', streetType: 'Street East', postcode: 'M5A 1T1' }))).json();
    expect([doc.validationResult, doc.validGeographicAddress.id]).toEqual(['success', 'addr-tor-350-queen-st-e']);
  });
});

describe('TMF673 address validation of addresses added and changed later', () => {
  it('finds an address however its street is stored, and follows its street when it changes', async () => {
    const app = await demoApp();
    const { ctx } = app.spine;
    const store = async (doc: Doc) => ctx.store.transaction((tx) => upsertInTx(tx, ctx, targetOf('TMF673', 'geographicAddress'), doc, { correlationId: null }));
    const result = async (submitted: Doc) => {
      const doc = (await qualify(app, VALIDATION, validation(submitted))).json();
      return [doc.validationResult, doc.validGeographicAddress?.id];
    };
    // The street name and type in one field, as an older import wrote them.
    await store({ id: 'addr-tor-7-lakeshore', '@type': 'GeographicAddress', streetNr: '7', streetName: 'Lake Shore Boulevard West', city: 'Toronto', postcode: 'M5V 1A1', country: 'CA' });
    expect(await result({ streetNr: '7', streetName: 'lake shore', streetType: 'Blvd W', city: 'Toronto' })).toEqual(['success', 'addr-tor-7-lakeshore']);
    await store({ id: 'addr-tor-7-lakeshore', '@type': 'GeographicAddress', streetNr: '7', streetName: 'Harbour', streetType: 'Street', city: 'Toronto', postcode: 'M5V 1A1', country: 'CA' });
    expect(await result({ streetNr: '7', streetName: 'lake shore', streetType: 'Blvd W', city: 'Toronto' })).toEqual(['fails', undefined]);
    expect(await result({ streetNr: '7', streetName: 'Harbour St.', city: 'Toronto' })).toEqual(['success', 'addr-tor-7-lakeshore']);
  });
});

describe('sync and async answers', () => {
  const cases = [
    { api: 'TMF679', url: POQ, body: poq(JANE.customer, ['po-gpon-ftth-001']), entity: 'ProductOfferingQualification', initial: 'acknowledged' },
    { api: 'TMF645', url: SQ, body: sq(JANE.address), entity: 'CheckServiceQualification', initial: 'accepted' },
  ];

  it.each(cases)('$api instantSyncQualification answers 200 done, with a CreateEvent (inProgress) then a StateChangeEvent (done)', async ({ url, body, entity }) => {
    const app = await demoApp();
    const response = await qualify(app, url, body, 'journey-jane');
    expect(response.statusCode).toBe(200);
    expect(response.headers.location).toBe(response.json().href);
    const id = response.json().id;
    expect(response.json()).toMatchObject({ state: 'done', qualificationResult: 'qualified' });
    expect(await get(app, `${url}/${id}`)).toEqual(response.json());
    const events = await app.spine.ctx.store.listEvents({ resourceId: id });
    const stateOf = (type: string) => {
      const event = events.find((e) => e.eventType === type)!;
      expect(event.correlationId).toBe('journey-jane');
      return Object.values(event.envelope.event as Doc)[0].state;
    };
    expect(events.map((e) => e.eventType).slice(0, 2)).toEqual([`${entity}CreateEvent`, `${entity}StateChangeEvent`]);
    expect([stateOf(`${entity}CreateEvent`), stateOf(`${entity}StateChangeEvent`)]).toEqual(['inProgress', 'done']);
  });

  // Answering it later is test/async-qualification.test.ts's; here the worker that does so is stopped.
  it.each(cases)('$api without instantSyncQualification answers 201 $initial, without a result', async ({ url, body, entity, initial }) => {
    const app = await demoApp();
    await app.spine.qualifications.stop();
    const { instantSyncQualification: _instant, ...asynchronous } = body;
    for (const flag of [{}, { instantSyncQualification: false }]) {
      const response = await qualify(app, url, { ...asynchronous, ...flag });
      expect(response.statusCode).toBe(201);
      expect(response.json().state).toBe(initial);
      expect(response.json().qualificationResult).toBeUndefined();
      const events = await app.spine.ctx.store.listEvents({ resourceId: response.json().id });
      expect(events.map((e) => e.eventType)).toEqual([`${entity}CreateEvent`]);
    }
  });

  it('TMF673 answers at once with the spec\'s 201, and announces done with GeographicAddressValidationStateChangeEvent', async () => {
    const app = await demoApp();
    const response = await qualify(app, VALIDATION, validation({ id: JANE.address }));
    expect([response.statusCode, response.json().state]).toEqual([201, 'done']);
    const events = await app.spine.ctx.store.listEvents({ resourceId: response.json().id });
    const change = events.find((e) => e.eventType === 'GeographicAddressValidationStateChangeEvent');
    expect((change!.envelope.event as Doc).geographicAddressValidation).toMatchObject({ state: 'done', validationResult: 'success' });
  });
});

describe('qualification allocates nothing (TMFC009)', () => {
  it('leaves every TMF639 resource and TMF685 pool as it was, and emits none of their events', async () => {
    const app = await demoApp();
    const inventory = async () => ({
      resources: await get(app, RESOURCE),
      pools: await get(app, POOL),
      events: (await app.spine.ctx.store.listEvents({})).filter((e) => e.api === 'TMF639' || e.api === 'TMF685').length,
    });
    const before = await inventory();
    expect(before.resources.find((r: Doc) => r.id === 'res-inst-olt-port-04-12')).toBeDefined();
    await qualify(app, VALIDATION, validation({ id: JANE.address }));
    await qualify(app, POQ, poq(JANE.customer, ['po-gpon-ftth-001', 'po-gpon-ftth-business']));
    for (const address of [JANE.address, BIRCH_ST, MAPLE_97, CEDAR_LANE]) await sqItem(app, address);
    await sqItem(app, JANE.address, {}, 'XGS-PON');
    expect(await inventory()).toEqual(before);
  });
});
