// The XGS-PON FTTH family: the 2 Gbps residential offering GPON customers upgrade to (TMF-DOMAIN §10).

import type { CatalogPart, ProductOfferingDoc, ProductOfferingPriceDoc, ProductSpecificationDoc } from '../model.js';
import { AccessTechnologies, OfferingIds, PriceIds, ProductSpecIds, ResourceSpecIds, ServiceSpecIds } from './ids.js';
import { broadbandRule, serviceSpecs } from './service-specs.js';
import { channels, fixed, footprints, marketSegments, refTo, release } from './values.js';

const productSpec: ProductSpecificationDoc = {
  id: ProductSpecIds.xgsponResidential, name: 'XGS-PON FTTH 2Gbps', '@type': 'ProductSpecification',
  ...release, lifecycleStatus: 'Active', isBundle: false, brand: 'Spine Fibre',
  description: 'Fibre to the home over XGS-PON, 2 Gbps symmetric.',
  productSpecCharacteristic: [
    { name: 'downloadSpeed', valueType: 'number', configurable: false, productSpecCharacteristicValue: fixed('number', 2000, 'Mbps') },
    { name: 'uploadSpeed', valueType: 'number', configurable: false, productSpecCharacteristicValue: fixed('number', 2000, 'Mbps') },
    { name: 'accessTechnology', valueType: 'text', configurable: false, productSpecCharacteristicValue: fixed('text', AccessTechnologies.XGSPON) },
  ],
  serviceSpecification: [refTo(serviceSpecs.broadband.doc)],
};

const monthly: ProductOfferingPriceDoc = {
  id: PriceIds.xgsponResidentialMonthly, name: 'XGS-PON FTTH 2Gbps Residential, monthly', '@type': 'ProductOfferingPrice',
  ...release, lifecycleStatus: 'Active',
  priceType: 'recurring', recurringChargePeriodType: 'month', recurringChargePeriodLength: 1,
  price: { unit: 'CAD', value: 110 },
};

const residential: ProductOfferingDoc = {
  id: OfferingIds.xgsponResidential, name: 'XGS-PON FTTH 2Gbps Residential', '@type': 'ProductOffering',
  ...release, lifecycleStatus: 'Launched', isBundle: false, isSellable: true,
  description: '2 Gbps symmetric fibre broadband for homes in the XGS-PON footprint.',
  productSpecification: refTo(productSpec),
  productOfferingPrice: [refTo(monthly)],
  marketSegment: [marketSegments.residential],
  channel: [channels.online, channels.retail],
  place: [footprints.xgspon],
};

/** The XGS-PON residential offering, its price and specification, as the GPON family's upgrade target. */
export const xgsponOffering = { offering: residential, productSpec } as const;

/** The XGS-PON family's share of the catalog. */
export const xgspon: CatalogPart = {
  productOfferings: [residential],
  productOfferingPrices: [monthly],
  productSpecifications: [productSpec],
  decompositionRules: [
    broadbandRule(
      productSpec.id,
      { rfs: ServiceSpecIds.xgsponAccess, port: ResourceSpecIds.xgsponPort, drop: ResourceSpecIds.fibreDrop },
      ResourceSpecIds.ontXgspon,
    ),
  ],
  characteristicMappings: [
    { from: { spec: productSpec.id, characteristic: 'accessTechnology' }, to: { spec: ServiceSpecIds.broadband, characteristic: 'accessTechnology' } },
    {
      from: { spec: productSpec.id, characteristic: 'downloadSpeed' },
      to: { spec: ServiceSpecIds.internetAccess, characteristic: 'bandwidthProfile' },
      values: { 2000: '2G-residential' },
    },
  ],
};
