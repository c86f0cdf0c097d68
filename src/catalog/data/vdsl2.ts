// The VDSL2 family: the copper alternate the qualification proposes when GPON cannot be delivered
// (TECH-001). Its name is quoted verbatim in the TMF645 alternate proposal, so it must not change.

import type { CatalogPart, ProductOfferingDoc, ProductOfferingPriceDoc, ProductSpecificationDoc } from '../model.js';
import { AccessTechnologies, OfferingIds, PriceIds, ProductSpecIds, ResourceSpecIds, ServiceSpecIds } from './ids.js';
import { broadbandRule, serviceSpecs } from './service-specs.js';
import { channels, fixed, footprints, marketSegments, refTo, release } from './values.js';

const productSpec: ProductSpecificationDoc = {
  id: ProductSpecIds.vdsl2Residential, name: 'VDSL2 100Mbps', '@type': 'ProductSpecification',
  ...release, lifecycleStatus: 'Active', isBundle: false, brand: 'Spine Copper',
  description: 'Broadband over the copper pair with VDSL2 17a vectoring, 100 Mbps down and 40 Mbps up.',
  productSpecCharacteristic: [
    { name: 'downloadSpeed', valueType: 'number', configurable: false, productSpecCharacteristicValue: fixed('number', 100, 'Mbps') },
    { name: 'uploadSpeed', valueType: 'number', configurable: false, productSpecCharacteristicValue: fixed('number', 40, 'Mbps') },
    { name: 'accessTechnology', valueType: 'text', configurable: false, productSpecCharacteristicValue: fixed('text', AccessTechnologies.VDSL2) },
  ],
  serviceSpecification: [refTo(serviceSpecs.broadband.doc)],
};

const monthly: ProductOfferingPriceDoc = {
  id: PriceIds.vdsl2ResidentialMonthly, name: 'VDSL2 100Mbps Residential, monthly', '@type': 'ProductOfferingPrice',
  ...release, lifecycleStatus: 'Active',
  priceType: 'recurring', recurringChargePeriodType: 'month', recurringChargePeriodLength: 1,
  price: { unit: 'CAD', value: 60 },
};

const residential: ProductOfferingDoc = {
  id: OfferingIds.vdsl2Residential, name: 'VDSL2 100Mbps Residential', '@type': 'ProductOffering',
  ...release, lifecycleStatus: 'Launched', isBundle: false, isSellable: true,
  description: '100 Mbps copper broadband for homes the fibre footprint does not (yet) reach.',
  productSpecification: refTo(productSpec),
  productOfferingPrice: [refTo(monthly)],
  marketSegment: [marketSegments.residential],
  channel: [channels.online, channels.retail],
  place: [footprints.copper],
};

/** The VDSL2 family's share of the catalog. */
export const vdsl2: CatalogPart = {
  productOfferings: [residential],
  productOfferingPrices: [monthly],
  productSpecifications: [productSpec],
  decompositionRules: [
    broadbandRule(
      productSpec.id,
      { rfs: ServiceSpecIds.vdsl2Access, port: ResourceSpecIds.vdsl2Port, drop: ResourceSpecIds.copperDrop },
      ResourceSpecIds.vdsl2Modem,
    ),
  ],
  characteristicMappings: [
    { from: { spec: productSpec.id, characteristic: 'accessTechnology' }, to: { spec: ServiceSpecIds.broadband, characteristic: 'accessTechnology' } },
    {
      from: { spec: productSpec.id, characteristic: 'downloadSpeed' },
      to: { spec: ServiceSpecIds.internetAccess, characteristic: 'bandwidthProfile' },
      values: { 100: '100M-residential' },
    },
  ],
};
