// The catalog Spine ships: every offering family and the shared specifications, in one object.

import { indexCatalog, mergeCatalog } from '../model.js';
import { gponFtth } from './gpon-ftth.js';
import { resourceSpecs } from './resource-specs.js';
import { serviceMappings, serviceSpecs } from './service-specs.js';
import { vdsl2 } from './vdsl2.js';
import { xgspon } from './xgspon.js';

/** The whole catalog: shared service and resource specifications, then one part per offering family. */
export const spineCatalog = mergeCatalog(
  {
    serviceSpecifications: Object.values(serviceSpecs),
    resourceSpecifications: Object.values(resourceSpecs),
    characteristicMappings: serviceMappings,
  },
  gponFtth,
  xgspon,
  vdsl2,
);

/** The shipped catalog's entries by id. */
export const spineCatalogIndex = indexCatalog(spineCatalog);
