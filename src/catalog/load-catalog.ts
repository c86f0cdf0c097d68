// Loads the catalog into the TMF APIs that serve it (TMF634, TMF633, TMF620), through the same write
// path as any client: each document is validated against its official `*_Create` schema and emits
// its TMF event. The demo dataset (and so `spine serve`) loads it this way.

import type { Doc, Store } from '../store/port.js';
import { targetOf, upsertInTx, type RequestMeta, type TmfContext } from '../tmf/resource-service.js';
import { spineCatalog } from './data/index.js';

/** One catalog document and the TMF resource collection it is served from. */
export type CatalogDocument = { api: string; resource: string; doc: Doc };

/** Every document of the catalog, referenced entries before those that reference them. */
export function catalogDocuments(): CatalogDocument[] {
  const catalog = spineCatalog;
  return [
    ...catalog.resourceSpecifications.map((e) => ({ api: 'TMF634', resource: 'resourceSpecification', doc: e.doc })),
    ...catalog.serviceSpecifications.map((e) => ({ api: 'TMF633', resource: 'serviceSpecification', doc: e.doc })),
    ...catalog.productSpecifications.map((doc) => ({ api: 'TMF620', resource: 'productSpecification', doc })),
    ...catalog.productOfferingPrices.map((doc) => ({ api: 'TMF620', resource: 'productOfferingPrice', doc })),
    ...catalog.productOfferings.map((doc) => ({ api: 'TMF620', resource: 'productOffering', doc })),
  ];
}

/**
 * Upserts every catalog document by id inside `tx`: creates what is missing, patches what differs,
 * leaves the rest alone, so a second load changes nothing and emits no event.
 */
export async function loadCatalog(tx: Store, ctx: TmfContext, meta: RequestMeta): Promise<void> {
  for (const { api, resource, doc } of catalogDocuments()) {
    // The stored copy must not share objects with the module-level catalog data.
    await upsertInTx(tx, ctx, targetOf(api, resource), structuredClone(doc), meta);
  }
}
