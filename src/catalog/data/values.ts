// Small builders that keep the data files readable as the TMF documents they are.

import type { CharacteristicValue, EntityRef, ValueSpecification } from '../model.js';

/** Version and validity every entry of this catalog release carries. */
export const release = { version: '1.0', validFor: { startDateTime: '2026-01-01T00:00:00.000Z' } } as const;

/** A TMF reference to a catalog document: id, name and its `@type` as `@referredType`. */
export function refTo(doc: { id: string; name: string; '@type': string }): EntityRef {
  return { id: doc.id, name: doc.name, '@referredType': doc['@type'] };
}

/** The single value a characteristic has for this specification (also its default). */
export function fixed(valueType: string, value: CharacteristicValue, unitOfMeasure?: string): ValueSpecification[] {
  return [{ value, valueType, isDefault: true, ...(unitOfMeasure ? { unitOfMeasure } : {}) }];
}

/** The values a characteristic may take; `byDefault` marks one as the default. */
export function oneOf(valueType: string, values: CharacteristicValue[], byDefault?: CharacteristicValue): ValueSpecification[] {
  return values.map((value) => ({ value, valueType, ...(value === byDefault ? { isDefault: true } : {}) }));
}

/** Market segments offerings target (TMF620 `marketSegment`; the qualification's COMM-003 reads them). */
export const marketSegments = {
  residential: { id: 'residential', name: 'Residential' },
  enterprise: { id: 'enterprise', name: 'Enterprise' },
} as const satisfies Record<string, EntityRef>;

/** Sales channels (TMF620 `channel`). */
export const channels = {
  online: { id: 'ch-online', name: 'Online shop' },
  retail: { id: 'ch-retail', name: 'Retail store' },
  enterpriseSales: { id: 'ch-enterprise-sales', name: 'Enterprise sales' },
} as const satisfies Record<string, EntityRef>;

/** Footprints an offering is sold in (TMF620 `place`): a hint for the serviceability gate, not the network truth. */
export const footprints = {
  gpon: { id: 'fp-toronto-east-gpon', name: 'Toronto East GPON footprint', '@referredType': 'GeographicLocation' },
  xgspon: { id: 'fp-toronto-east-xgspon', name: 'Toronto East XGS-PON footprint', '@referredType': 'GeographicLocation' },
  copper: { id: 'fp-toronto-copper', name: 'Toronto copper (VDSL2) footprint', '@referredType': 'GeographicLocation' },
} as const satisfies Record<string, EntityRef>;

/** An integer range a characteristic's value is assigned from (VLAN ids, port numbers). */
export function range(valueFrom: number, valueTo: number): ValueSpecification[] {
  return [{ valueType: 'number', valueFrom, valueTo }];
}
