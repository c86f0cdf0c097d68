// The GPON FTTH family: the 1 Gbps residential offering of the brief's journey (po-gpon-ftth-001) and
// its enterprise twin (po-gpon-ftth-business), whose segment is what COMM-003 refuses a residential
// customer. Both decompose the same way; the business profile and static IPs set them apart.

import type { CatalogPart, ProductOfferingDoc, ProductOfferingPriceDoc, ProductSpecificationDoc } from '../model.js';
import { AccessTechnologies, OfferingIds, PriceIds, ProductSpecIds, ResourceSpecIds, ServiceSpecIds } from './ids.js';
import { broadbandRule, serviceSpecs } from './service-specs.js';
import { channels, fixed, footprints, marketSegments, oneOf, refTo, release } from './values.js';
import { xgsponOffering } from './xgspon.js';

const speeds = [
  { name: 'downloadSpeed', valueType: 'number', configurable: false, productSpecCharacteristicValue: fixed('number', 1000, 'Mbps') },
  { name: 'uploadSpeed', valueType: 'number', configurable: false, productSpecCharacteristicValue: fixed('number', 500, 'Mbps') },
  { name: 'accessTechnology', valueType: 'text', configurable: false, productSpecCharacteristicValue: fixed('text', AccessTechnologies.GPON) },
];

const residentialSpec: ProductSpecificationDoc = {
  id: ProductSpecIds.gponResidential, name: 'GPON FTTH 1Gbps', '@type': 'ProductSpecification',
  ...release, lifecycleStatus: 'Active', isBundle: false, brand: 'Spine Fibre',
  description: 'Fibre to the home over GPON, 1 Gbps down and 500 Mbps up.',
  productSpecCharacteristic: speeds,
  serviceSpecification: [refTo(serviceSpecs.broadband.doc)],
  productSpecificationRelationship: [{ ...refTo(xgsponOffering.productSpec), relationshipType: 'migration' }],
};

const businessSpec: ProductSpecificationDoc = {
  id: ProductSpecIds.gponBusiness, name: 'GPON FTTH 1Gbps Business', '@type': 'ProductSpecification',
  ...release, lifecycleStatus: 'Active', isBundle: false, brand: 'Spine Fibre Business',
  description: 'Fibre to the premises over GPON, 1 Gbps down and 500 Mbps up, with static IPv4 addresses.',
  productSpecCharacteristic: [
    ...speeds,
    { name: 'staticIpAddresses', valueType: 'number', configurable: true, productSpecCharacteristicValue: oneOf('number', [1, 5], 1) },
  ],
  serviceSpecification: [refTo(serviceSpecs.broadband.doc)],
};

const residentialMonthly: ProductOfferingPriceDoc = {
  id: PriceIds.gponResidentialMonthly, name: 'GPON FTTH 1Gbps Residential, monthly', '@type': 'ProductOfferingPrice',
  ...release, lifecycleStatus: 'Active',
  priceType: 'recurring', recurringChargePeriodType: 'month', recurringChargePeriodLength: 1,
  price: { unit: 'CAD', value: 85 },
};

const businessMonthly: ProductOfferingPriceDoc = {
  id: PriceIds.gponBusinessMonthly, name: 'GPON FTTH 1Gbps Business, monthly', '@type': 'ProductOfferingPrice',
  ...release, lifecycleStatus: 'Active',
  priceType: 'recurring', recurringChargePeriodType: 'month', recurringChargePeriodLength: 1,
  price: { unit: 'CAD', value: 149 },
};

const residential: ProductOfferingDoc = {
  id: OfferingIds.gponResidential, name: 'GPON FTTH 1Gbps Residential', '@type': 'ProductOffering',
  ...release, lifecycleStatus: 'Launched', isBundle: false, isSellable: true,
  description: '1 Gbps fibre broadband for homes in the GPON footprint.',
  productSpecification: refTo(residentialSpec),
  productOfferingPrice: [refTo(residentialMonthly)],
  marketSegment: [marketSegments.residential],
  channel: [channels.online, channels.retail],
  place: [footprints.gpon],
  productOfferingRelationship: [{ ...refTo(xgsponOffering.offering), relationshipType: 'upgrade' }],
};

const business: ProductOfferingDoc = {
  id: OfferingIds.gponBusiness, name: 'GPON FTTH 1Gbps Business', '@type': 'ProductOffering',
  ...release, lifecycleStatus: 'Launched', isBundle: false, isSellable: true,
  description: '1 Gbps fibre for enterprise customers only, with static IPv4 addresses.',
  productSpecification: refTo(businessSpec),
  productOfferingPrice: [refTo(businessMonthly)],
  marketSegment: [marketSegments.enterprise],
  channel: [channels.enterpriseSales],
  place: [footprints.gpon],
};

const gponAccess = { rfs: ServiceSpecIds.gponAccess, port: ResourceSpecIds.gponPort, drop: ResourceSpecIds.fibreDrop };

/** The GPON FTTH family's share of the catalog. */
export const gponFtth: CatalogPart = {
  productOfferings: [residential, business],
  productOfferingPrices: [residentialMonthly, businessMonthly],
  productSpecifications: [residentialSpec, businessSpec],
  decompositionRules: [
    broadbandRule(residentialSpec.id, gponAccess, ResourceSpecIds.ontGpon),
    broadbandRule(businessSpec.id, gponAccess, ResourceSpecIds.ontGpon),
  ],
  characteristicMappings: [
    { from: { spec: residentialSpec.id, characteristic: 'accessTechnology' }, to: { spec: ServiceSpecIds.broadband, characteristic: 'accessTechnology' } },
    {
      from: { spec: residentialSpec.id, characteristic: 'downloadSpeed' },
      to: { spec: ServiceSpecIds.internetAccess, characteristic: 'bandwidthProfile' },
      values: { 1000: '1G-residential' },
    },
    { from: { spec: businessSpec.id, characteristic: 'accessTechnology' }, to: { spec: ServiceSpecIds.broadband, characteristic: 'accessTechnology' } },
    {
      from: { spec: businessSpec.id, characteristic: 'downloadSpeed' },
      to: { spec: ServiceSpecIds.internetAccess, characteristic: 'bandwidthProfile' },
      values: { 1000: '1G-business' },
    },
    { from: { spec: businessSpec.id, characteristic: 'staticIpAddresses' }, to: { spec: ServiceSpecIds.bngSubscriber, characteristic: 'staticIpv4Count' } },
  ],
};
