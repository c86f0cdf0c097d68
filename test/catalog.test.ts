import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { catalogDocuments, decompose, loadCatalog, OfferingIds, spineCatalogIndex } from '../src/catalog/index.js';
import { BASE_URL, build, json } from './support/build.js';

const CATALOG = '/tmf-api/productCatalogManagement/v4';

async function withCatalog(): Promise<FastifyInstance> {
  const app = await build();
  await app.spine.ctx.store.transaction((tx) => loadCatalog(tx, app.spine.ctx, { correlationId: null }));
  return app;
}

describe('the catalog over HTTP', () => {
  it('serves the GPON FTTH 1 Gbps residential offering from TMF620', async () => {
    const app = await withCatalog();
    const response = await app.inject({ method: 'GET', url: `${CATALOG}/productOffering/po-gpon-ftth-001` });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      id: 'po-gpon-ftth-001',
      href: `http://spine.test${CATALOG}/productOffering/po-gpon-ftth-001`,
      name: 'GPON FTTH 1Gbps Residential',
      '@type': 'ProductOffering',
      marketSegment: [{ id: 'residential' }],
      productSpecification: { id: 'ps-gpon-ftth-1g' },
    });
  });

  it('filters offerings by market segment and by name', async () => {
    const app = await withCatalog();
    const enterprise = await app.inject({ method: 'GET', url: `${CATALOG}/productOffering?marketSegment.id=enterprise` });
    expect(enterprise.json().map((o: { id: string }) => o.id)).toEqual([OfferingIds.gponBusiness]);
    const residential = await app.inject({ method: 'GET', url: `${CATALOG}/productOffering?marketSegment.id=residential&fields=id` });
    expect(residential.json().map((o: { id: string }) => o.id).sort()).toEqual(
      [OfferingIds.gponResidential, OfferingIds.xgsponResidential, OfferingIds.vdsl2Residential].sort(),
    );
    const byName = await app.inject({ method: 'GET', url: `${CATALOG}/productOffering?name=${encodeURIComponent('VDSL2 100Mbps Residential')}` });
    expect(byName.json().map((o: { id: string }) => o.id)).toEqual([OfferingIds.vdsl2Residential]);
  });

  it('serves the service and resource specifications from TMF633 and TMF634', async () => {
    const app = await withCatalog();
    const rfs = await app.inject({ method: 'GET', url: '/tmf-api/serviceCatalogManagement/v4/serviceSpecification/rfss-bng-subscriber' });
    expect(rfs.json()).toMatchObject({ '@type': 'ResourceFacingServiceSpecification', resourceSpecification: [{ id: 'rs-bng-session' }] });
    const ont = await app.inject({ method: 'GET', url: '/tmf-api/resourceCatalog/v4/resourceSpecification/rs-ont-gpon-eg8145v5' });
    expect(ont.statusCode).toBe(200);
    expect(ont.json().resourceSpecCharacteristic).toContainEqual(expect.objectContaining({ name: 'model' }));
  });

  it('emits one create event per document, and nothing when loaded a second time', async () => {
    const app = await withCatalog();
    const events = await app.spine.ctx.store.listEvents({});
    expect(events).toHaveLength(catalogDocuments().length);
    expect(new Set(events.map((e) => e.eventType))).toEqual(
      new Set(['ResourceSpecificationCreateEvent', 'ServiceSpecificationCreateEvent', 'ProductSpecificationCreateEvent', 'ProductOfferingPriceCreateEvent', 'ProductOfferingCreateEvent']),
    );
    await app.spine.ctx.store.transaction((tx) => loadCatalog(tx, app.spine.ctx, { correlationId: null }));
    expect(await app.spine.ctx.store.listEvents({})).toHaveLength(events.length);
    const offering = await app.inject({ method: 'GET', url: `${CATALOG}/productOffering/po-gpon-ftth-001` });
    expect(offering.json().lastUpdate).toBe(events.find((e) => e.resourceId === 'po-gpon-ftth-001')?.eventTime);
  });
});

describe('GET /spine/v1/catalog/decomposition/:productOfferingId', () => {
  it.each(Object.values(OfferingIds))('returns the decomposition tree of %s', async (id) => {
    const app = await withCatalog();
    const response = await app.inject({ method: 'GET', url: `/spine/v1/catalog/decomposition/${id}` });
    expect(response.statusCode).toBe(200);
    const tree = response.json();
    expect(tree).toEqual(JSON.parse(JSON.stringify(decompose({ baseUrl: BASE_URL }, spineCatalogIndex.offerings.get(id)!))));
    expect(tree.offering.id).toBe(id);
    expect(tree.services[0]).toMatchObject({ kind: 'CFS', subtype: 'bundle', spec: { id: 'cfss-broadband' } });
  });

  it('shows the mapping of 1 Gbps to the 1G-residential profile and the RP-1G rate profile', async () => {
    const app = await withCatalog();
    const tree = (await app.inject({ method: 'GET', url: '/spine/v1/catalog/decomposition/po-gpon-ftth-001' })).json();
    const [internet] = tree.services[0].children;
    const bng = internet.children.find((c: { layer: string }) => c.layer === 'subscriberSession');
    expect(internet.characteristics).toContainEqual(expect.objectContaining({ name: 'bandwidthProfile', value: '1G-residential' }));
    expect(bng.resources[0].characteristics).toContainEqual(expect.objectContaining({ name: 'rateProfile', value: 'RP-1G' }));
  });

  it('decomposes an offering a client created over TMF620, by the rule of its product specification', async () => {
    const app = await withCatalog();
    const created = await app.inject({
      method: 'POST',
      url: `${CATALOG}/productOffering`,
      ...json({ id: 'po-client-1g', name: 'Client 1 Gbps', productSpecification: { id: 'ps-gpon-ftth-1g' }, marketSegment: [{ id: 'residential' }] }),
    });
    expect(created.statusCode, created.body).toBe(201);
    const response = await app.inject({ method: 'GET', url: '/spine/v1/catalog/decomposition/po-client-1g' });
    expect(response.statusCode, response.body).toBe(200);
    const { offering, ...rest } = response.json();
    expect(offering).toEqual({ id: 'po-client-1g', name: 'Client 1 Gbps', href: `${BASE_URL}${CATALOG}/productOffering/po-client-1g`, marketSegment: ['residential'] });
    const { offering: _original, ...expected } = (await app.inject({ method: 'GET', url: '/spine/v1/catalog/decomposition/po-gpon-ftth-001' })).json();
    expect(rest).toEqual(expected);
  });

  it('answers an offering whose product specification has no decomposition rule with a 400 naming the specification', async () => {
    const app = await withCatalog();
    await app.inject({ method: 'POST', url: `${CATALOG}/productOffering`, ...json({ id: 'po-voice', name: 'Home voice', productSpecification: { id: 'ps-home-voice' } }) });
    const response = await app.inject({ method: 'GET', url: '/spine/v1/catalog/decomposition/po-voice' });
    expect([response.statusCode, response.json().code]).toEqual([400, 'SPN-400-INVALID-BODY']);
    expect(response.json().message).toMatch(/^productOffering po-voice is over productSpecification ps-home-voice, which has no decomposition rule: Spine decomposes only ps-gpon-ftth-1g, /);
  });

  it('answers an unknown offering with a TMF 404 error body', async () => {
    const app = await build();
    const response = await app.inject({ method: 'GET', url: '/spine/v1/catalog/decomposition/po-nope' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({
      code: 'SPN-404-NOT-FOUND',
      reason: 'Resource not found',
      message: 'productOffering po-nope does not exist',
      status: '404',
      '@type': 'Error',
    });
  });
});
