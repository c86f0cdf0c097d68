// The catalog room's public face. Importing it validates the shipped catalog: a broken reference or a
// duplicate id stops the process at startup with the full list, not a provisioning run halfway.

import { spineCatalog } from './data/index.js';
import { validateCatalog } from './validate-catalog.js';

const problems = validateCatalog(spineCatalog);
if (problems.length) throw new Error(`the catalog is broken:\n- ${problems.join('\n- ')}`);

export { spineCatalog, spineCatalogIndex } from './data/index.js';
export {
  AccessTechnologies,
  OfferingIds,
  PriceIds,
  ProductSpecIds,
  ResourceSpecIds,
  ServiceSpecIds,
} from './data/ids.js';
export * from './model.js';
export * from './decomposition.js';
export * from './on-sale.js';
export { catalogDocuments, loadCatalog, type CatalogDocument } from './load-catalog.js';
export { validateCatalog } from './validate-catalog.js';
