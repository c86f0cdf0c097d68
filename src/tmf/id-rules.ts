import type { Doc } from '../store/port.js';
import type { IdRule } from './ids.js';

/**
 * Readable ids of the order chain, as operators quote them (po-ord-2026-00789, so-2026-00789,
 * ro-2026-00321, svc-cfs-gpon-00456). Everything without a rule gets a UUID.
 */
export const idRules: readonly IdRule[] = [
  { api: 'TMF622', resource: 'productOrder', prefix: 'po-ord', withYear: true, width: 5 },
  { api: 'TMF641', resource: 'serviceOrder', prefix: 'so', withYear: true, width: 5 },
  { api: 'TMF652', resource: 'resourceOrder', prefix: 'ro', withYear: true, width: 5 },
  { api: 'TMF638', resource: 'service', prefix: servicePrefix, withYear: false, width: 5 },
];

/** `svc-cfs-gpon`, `svc-rfs-xgspon`, or `svc-cfs` when the service names no access technology. */
export function servicePrefix(service: Doc): string {
  const facing = isResourceFacing(service) ? 'rfs' : 'cfs';
  const technology = characteristicValue(service, 'accessTechnology');
  return typeof technology === 'string' && /^[A-Za-z0-9]+$/.test(technology) ? `svc-${facing}-${technology.toLowerCase()}` : `svc-${facing}`;
}

// TMF638 marks the layer in `category` ("customer facing or resource facing") and in `@type`.
function isResourceFacing(service: Doc): boolean {
  const category = String(service.category ?? '').toLowerCase();
  return category === 'rfs' || category.startsWith('resource') || service['@type'] === 'ResourceFacingService';
}

function characteristicValue(service: Doc, name: string): unknown {
  const characteristics = Array.isArray(service.serviceCharacteristic) ? service.serviceCharacteristic : [];
  return characteristics.find((c: { name?: unknown }) => c?.name === name)?.value;
}
