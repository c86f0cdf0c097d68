import type { Flow } from '../flow.js';
import { changePointOfNoReturn } from '../policies/matrix.js';
import { applyServiceChanges } from '../steps/apply-service-changes.js';
import { completeProductOrder } from '../steps/complete-product-order.js';
import { completeResourceOrder } from '../steps/complete-resource-order.js';
import { completeServiceOrder } from '../steps/complete-service-order.js';
import { computeDiff } from '../steps/compute-diff.js';
import { orderResourceChanges } from '../steps/order-resource-changes.js';
import { orderServiceChanges } from '../steps/order-service-changes.js';
import { placeChangeOrder } from '../steps/place-change-order.js';
import { readCurrentView } from '../steps/read-current-view.js';
import { releaseResources } from '../steps/release-resources.js';
import { startProductOrder } from '../steps/start-product-order.js';
import { startTermination } from '../steps/start-termination.js';
import { terminateProduct } from '../steps/terminate-product.js';
import { ChangeParameters, prepareChange } from './existing-product.js';

/**
 * A cease: a TMF622 delete item on the active product. The diff against nothing deletes every service
 * and resource: activations locked (TMF702), reservations released (TMF685), resources idle (TMF639),
 * services and product terminated.
 */
export const gponCease: Flow = {
  scenario: 'gpon-cease',
  title: 'Cease — GPON FTTH',
  description: 'TMF622 delete on the active product: product pendingTerminate → terminated, services terminated, every resource deactivated and released for reuse.',
  parameters: ChangeParameters.delete,
  prepare: (input, tx, tmf) => prepareChange(input, tx, tmf, 'delete'),
  pointOfNoReturn: changePointOfNoReturn,
  steps: [
    placeChangeOrder,
    startProductOrder,
    startTermination,
    readCurrentView,
    computeDiff,
    orderServiceChanges,
    orderResourceChanges,
    releaseResources,
    completeResourceOrder,
    applyServiceChanges,
    completeServiceOrder,
    terminateProduct,
    completeProductOrder,
  ],
};
