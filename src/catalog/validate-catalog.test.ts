import { describe, expect, it } from 'vitest';
import type { Catalog } from './model.js';
import { validateCatalog } from './validate-catalog.js';

const speed = (value: number) => [{ value, valueType: 'number', isDefault: true }];
const entity = { version: '1.0', lifecycleStatus: 'Active' };

// A toy catalog: one offering, atomic CFS → RFS → one access port on a shared OLT.
function toyCatalog(): Catalog {
  return {
    productOfferings: [
      {
        id: 'po-toy', name: 'Toy', '@type': 'ProductOffering', ...entity, isBundle: false, isSellable: true,
        productSpecification: { id: 'ps-toy', name: 'Toy spec' },
        productOfferingPrice: [{ id: 'pop-toy' }],
      },
    ],
    productOfferingPrices: [
      { id: 'pop-toy', name: 'Toy price', '@type': 'ProductOfferingPrice', ...entity, priceType: 'recurring', price: { unit: 'EUR', value: 1 } },
    ],
    productSpecifications: [
      {
        id: 'ps-toy', name: 'Toy spec', '@type': 'ProductSpecification', ...entity, isBundle: false,
        productSpecCharacteristic: [{ name: 'speed', valueType: 'number', productSpecCharacteristicValue: speed(10) }],
        serviceSpecification: [{ id: 'cfs-toy' }],
      },
    ],
    serviceSpecifications: [
      {
        function: 'internetAccess',
        doc: {
          id: 'cfs-toy', name: 'Toy CFS', '@type': 'CustomerFacingServiceSpecification', ...entity, isBundle: false,
          specCharacteristic: [{ name: 'profile', valueType: 'text', characteristicValueSpecification: [{ value: 'slow' }] }],
          serviceSpecRelationship: [{ id: 'rfs-toy', relationshipType: 'dependency' }],
        },
      },
      {
        layer: 'access',
        doc: {
          id: 'rfs-toy', name: 'Toy RFS', '@type': 'ResourceFacingServiceSpecification', ...entity, isBundle: false,
          resourceSpecification: [{ id: 'rs-port' }],
        },
      },
    ],
    resourceSpecifications: [
      {
        kind: 'accessPort',
        doc: {
          id: 'rs-port', name: 'Port', '@type': 'PhysicalResourceSpecification', ...entity, isBundle: false, category: 'port',
          resourceSpecRelationship: [{ id: 'rs-olt', relationshipType: 'dependency' }],
        },
      },
      { kind: 'shared', doc: { id: 'rs-olt', name: 'OLT', '@type': 'PhysicalResourceSpecification', ...entity, isBundle: false, category: 'node' } },
    ],
    decompositionRules: [
      {
        productSpecification: 'ps-toy',
        services: [
          { spec: 'cfs-toy', onModify: 'modifyInPlace', services: [{ spec: 'rfs-toy', onModify: 'replace', resources: [{ spec: 'rs-port', onModify: 'replace' }] }] },
        ],
      },
    ],
    characteristicMappings: [
      { from: { spec: 'ps-toy', characteristic: 'speed' }, to: { spec: 'cfs-toy', characteristic: 'profile' }, values: { 10: 'slow' } },
    ],
  };
}

describe('validateCatalog', () => {
  it('finds nothing wrong with the shipped catalog', () => {
    expect(validateCatalog()).toEqual([]);
  });

  it('finds nothing wrong with a sound toy catalog', () => {
    expect(validateCatalog(toyCatalog())).toEqual([]);
  });

  it('flags a reference to a resource specification that does not exist', () => {
    const catalog = toyCatalog();
    catalog.serviceSpecifications[1].doc.resourceSpecification = [{ id: 'rs-typo' }];
    expect(validateCatalog(catalog)).toContain('serviceSpecification rfs-toy: resourceSpecification rs-typo does not exist');
  });

  it('flags an offering whose product specification does not exist', () => {
    const catalog = toyCatalog();
    catalog.productOfferings[0].productSpecification = { id: 'ps-typo' };
    expect(validateCatalog(catalog)).toContain('productOffering po-toy: productSpecification ps-typo does not exist');
  });

  it('flags a reference whose name disagrees with the entry it points at', () => {
    const catalog = toyCatalog();
    catalog.productOfferings[0].productSpecification = { id: 'ps-toy', name: 'Old name' };
    expect(validateCatalog(catalog)).toEqual(['productOffering po-toy: productSpecification ps-toy is called "Old name" but is named "Toy spec"']);
  });

  it('flags an id used twice, even across APIs', () => {
    const catalog = toyCatalog();
    catalog.productOfferingPrices[0].id = 'rs-port';
    catalog.productOfferings[0].productOfferingPrice = [{ id: 'rs-port' }];
    expect(validateCatalog(catalog)).toContain('id rs-port is used by 2 catalog entries');
  });

  it('flags an RFS specification without resource specifications', () => {
    const catalog = toyCatalog();
    delete catalog.serviceSpecifications[1].doc.resourceSpecification;
    expect(validateCatalog(catalog)).toContain('serviceSpecification rfs-toy: an RFS specification must name at least one resource specification');
  });

  it('flags a resource specification that is neither a per-subscriber kind nor shared', () => {
    const catalog = toyCatalog();
    Object.assign(catalog.resourceSpecifications[0], { kind: 'chassis' });
    expect(validateCatalog(catalog)).toContain(
      'resourceSpecification rs-port: kind chassis is neither a per-subscriber kind (accessPort, cpe, vlanPair, drop, bngSession) nor shared',
    );
  });

  it('flags a rule that allocates a shared resource per order', () => {
    const catalog = toyCatalog();
    catalog.serviceSpecifications[1].doc.resourceSpecification = [{ id: 'rs-port' }, { id: 'rs-olt' }];
    catalog.decompositionRules[0].services[0].services![0].resources!.push({ spec: 'rs-olt', onModify: 'replace' });
    expect(validateCatalog(catalog)).toEqual(['decomposition of ps-toy: rs-olt is shared and cannot be allocated per order']);
  });

  it('flags a rule edge the TMF documents do not publish', () => {
    const catalog = toyCatalog();
    catalog.serviceSpecifications[0].doc.serviceSpecRelationship = [];
    expect(validateCatalog(catalog)).toEqual(['decomposition of ps-toy: cfs-toy does not publish a relationship to rfs-toy']);
  });

  it('flags an offering that no rule decomposes', () => {
    const catalog = toyCatalog();
    catalog.decompositionRules = [];
    expect(validateCatalog(catalog)).toEqual(['productOffering po-toy: productSpecification ps-toy has no decomposition rule']);
  });

  it('flags a mapping that names a characteristic its specification lacks', () => {
    const catalog = toyCatalog();
    catalog.characteristicMappings[0].to.characteristic = 'profiel';
    expect(validateCatalog(catalog)).toEqual(['mapping ps-toy.speed → cfs-toy.profiel: cfs-toy has no characteristic profiel']);
  });

  it('flags a mapping that leaves an offered value unmapped or produces a value the target does not allow', () => {
    const catalog = toyCatalog();
    catalog.characteristicMappings[0].values = { 20: 'fast' };
    expect(validateCatalog(catalog)).toEqual([
      'mapping ps-toy.speed → cfs-toy.profile: no value for ps-toy.speed = 10',
      'mapping ps-toy.speed → cfs-toy.profile: fast is not a value cfs-toy.profile allows',
    ]);
  });
});
