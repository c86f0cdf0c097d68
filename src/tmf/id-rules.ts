import type { IdRule } from './ids.js';

/**
 * Readable ids of the order chain, as operators quote them (po-ord-2026-00789, so-2026-00789,
 * ro-2026-00321). Everything without a rule gets a UUID.
 */
export const idRules: readonly IdRule[] = [
  { api: 'TMF622', resource: 'productOrder', prefix: 'po-ord', withYear: true, width: 5 },
  { api: 'TMF641', resource: 'serviceOrder', prefix: 'so', withYear: true, width: 5 },
  { api: 'TMF652', resource: 'resourceOrder', prefix: 'ro', withYear: true, width: 5 },
];
