// Loads the catalog into the TMF APIs that serve it (TMF634, TMF633, TMF620), through the same write
// path as any client: each document is validated against its official `*_Create` schema and emits
// its TMF event. The demo dataset (and so `spine serve`) loads it this way.

import type { Doc, Store } from '../store/port.js';
import { hrefOf, targetOf, upsertInTx, type RequestMeta, type Target, type TmfContext } from '../tmf/resource-service.js';
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
  const documents = catalogDocuments();
  const served = new Map(documents.map(({ api, resource, doc }) => [`${String(doc['@type'])}/${String(doc.id)}`, targetOf(api, resource)]));
  for (const { api, resource, doc } of documents) {
    // A new copy: the stored one must not share objects with the module-level catalog data.
    await upsertInTx(tx, ctx, targetOf(api, resource), withHrefs(ctx, doc, served) as Doc, meta);
  }
}

/**
 * A copy of `value` where each reference to another catalog document (matched by id and
 * `@referredType`) carries the href that document is served at. The data modules cannot hold it: an
 * href is absolute under the server's base URL. A reference to anything else (an offering's
 * footprint, a GeographicLocation) is copied as it is.
 */
function withHrefs(ctx: Pick<TmfContext, 'baseUrl'>, value: unknown, served: ReadonlyMap<string, Target>): unknown {
  if (Array.isArray(value)) return value.map((item) => withHrefs(ctx, item, served));
  if (!value || typeof value !== 'object') return value;
  const copy: Doc = Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withHrefs(ctx, item, served)]));
  const target = copy['@referredType'] !== undefined ? served.get(`${String(copy['@referredType'])}/${String(copy.id)}`) : undefined;
  return target && copy.href === undefined ? { id: copy.id, href: hrefOf(ctx, target, String(copy.id)), ...copy } : copy;
}
