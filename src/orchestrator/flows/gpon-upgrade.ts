import type { Flow, StepDefinition } from '../flow.js';
import { changePointOfNoReturn } from '../policies/matrix.js';
import { activateChangedResources } from '../steps/activate-changed-resources.js';
import { applyServiceChanges } from '../steps/apply-service-changes.js';
import { completeProductOrder } from '../steps/complete-product-order.js';
import { completeResourceOrder } from '../steps/complete-resource-order.js';
import { completeServiceOrder } from '../steps/complete-service-order.js';
import { computeDiff } from '../steps/compute-diff.js';
import { orderResourceChanges } from '../steps/order-resource-changes.js';
import { orderServiceChanges } from '../steps/order-service-changes.js';
import { placeChangeOrder } from '../steps/place-change-order.js';
import { qualifyOffering } from '../steps/qualify-offering.js';
import { qualifyService } from '../steps/qualify-service.js';
import { readCurrentView } from '../steps/read-current-view.js';
import { releaseResources } from '../steps/release-resources.js';
import { reserveAddedResources } from '../steps/reserve-added-resources.js';
import { startProductOrder } from '../steps/start-product-order.js';
import { updateProduct } from '../steps/update-product.js';
import { ChangeParameters, prepareChange } from './existing-product.js';

/**
 * The steps of a modify up to the network work, and after it: shared with the held variant. The
 * change is qualified (TMF645, naming the line in service) before any order is placed for it.
 */
export const modifyOrderSteps: readonly StepDefinition[] = [qualifyOffering, qualifyService, placeChangeOrder, startProductOrder, readCurrentView, computeDiff, orderServiceChanges, orderResourceChanges, reserveAddedResources];
export const modifyNetworkSteps: readonly StepDefinition[] = [
  releaseResources,
  activateChangedResources,
  completeResourceOrder,
  applyServiceChanges,
  completeServiceOrder,
  updateProduct,
  completeProductOrder,
];

/**
 * A modify order on an existing product (GPON 1 Gbps → XGS-PON 2 Gbps by default): the diff of the
 * current and target views decides every service and resource order item; what stays is not touched.
 */
export const gponUpgrade: Flow = {
  scenario: 'gpon-upgrade',
  title: 'Modify — GPON 1 Gbps → XGS-PON 2 Gbps',
  description: 'TMF622 modify on the active product: current view from TMF637/638/639, target from the catalog, the diff as TMF641/652 items, old port and ONT released, new ones reserved and activated, BNG rate profile modified.',
  parameters: ChangeParameters.modify,
  prepare: (input, tx, tmf) => prepareChange(input, tx, tmf, 'modify'),
  pointOfNoReturn: changePointOfNoReturn,
  steps: [...modifyOrderSteps, ...modifyNetworkSteps],
};
