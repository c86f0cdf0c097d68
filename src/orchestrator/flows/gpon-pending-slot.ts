import type { Flow } from '../flow.js';
import { changePointOfNoReturn } from '../policies/matrix.js';
import { askCustomerForSlot } from '../steps/ask-customer-for-slot.js';
import { awaitCustomerSlot } from '../steps/await-customer-slot.js';
import { holdForFieldVisit } from '../steps/hold-for-field-visit.js';
import { resumeAfterFieldVisit } from '../steps/resume-after-field-visit.js';
import { placeChangeOrder } from '../steps/place-change-order.js';
import { ChangeParameters, prepareChange } from './existing-product.js';
import { modifyNetworkSteps, modifyOrderSteps } from './gpon-upgrade.js';

// The customer is asked for a slot once the order is placed (qualified first, as every upgrade is).
const placed = modifyOrderSteps.indexOf(placeChangeOrder) + 1;

/**
 * The upgrade when the customer must choose the visit slot: the order waits on the requester
 * (`pending`, with a ProductOrderInformationRequiredEvent) until the customer names an appointment
 * on it, then runs as the held field visit does.
 */
export const gponPendingSlot: Flow = {
  scenario: 'gpon-pending-slot',
  title: 'Modify pending on the customer — choose the visit slot',
  description: 'The GPON → XGS-PON upgrade where the customer picks the technician slot: acknowledged → pending (InformationRequired) → inProgress → held (work order) → inProgress → completed.',
  parameters: ChangeParameters.modify,
  prepare: (input, tx, tmf) => prepareChange(input, tx, tmf, 'modify'),
  pointOfNoReturn: changePointOfNoReturn,
  steps: [...modifyOrderSteps.slice(0, placed), askCustomerForSlot, awaitCustomerSlot, ...modifyOrderSteps.slice(placed), holdForFieldVisit, resumeAfterFieldVisit, ...modifyNetworkSteps],
};
