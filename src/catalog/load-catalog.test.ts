import { describe, expect, it } from 'vitest';
import { targetOf } from '../tmf/resource-service.js';
import { createSchemaValidator } from '../tmf/schemas.js';
import { OfferingIds } from './data/ids.js';
import { spineCatalogIndex } from './data/index.js';
import { catalogDocuments } from './load-catalog.js';

const validator = createSchemaValidator();

describe('the catalog documents', () => {
  it.each(catalogDocuments().map((d) => [d.api, d.resource, d.doc.id, d] as const))(
    '%s %s %s validates against its official *_Create schema',
    (api, resource, _id, { doc }) => {
      const { createSchema } = targetOf(api, resource).resource;
      expect(validator.validate(api, createSchema!, doc)).toEqual([]);
    },
  );

  it('lists resource specifications before the services and products that refer to them', () => {
    const order = [...new Set(catalogDocuments().map((d) => d.resource))];
    expect(order).toEqual(['resourceSpecification', 'serviceSpecification', 'productSpecification', 'productOfferingPrice', 'productOffering']);
  });

  it('names the VDSL2 alternate exactly as the TECH-001 proposal quotes it', () => {
    expect(spineCatalogIndex.offerings.get(OfferingIds.vdsl2Residential)?.name).toBe('VDSL2 100Mbps Residential');
  });

  it('targets the business offering at enterprises only and the GPON 1G one at residential customers', () => {
    expect(spineCatalogIndex.offerings.get(OfferingIds.gponBusiness)?.marketSegment?.map((s) => s.id)).toEqual(['enterprise']);
    expect(spineCatalogIndex.offerings.get(OfferingIds.gponResidential)?.marketSegment?.map((s) => s.id)).toEqual(['residential']);
  });
});
