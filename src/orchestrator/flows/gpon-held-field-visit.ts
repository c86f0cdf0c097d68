import type { Flow } from '../flow.js';
import { changePointOfNoReturn } from '../policies/matrix.js';
import { bookAppointment } from '../steps/book-appointment.js';
import { holdForFieldVisit } from '../steps/hold-for-field-visit.js';
import { resumeAfterFieldVisit } from '../steps/resume-after-field-visit.js';
import { ChangeParameters, prepareChange } from './existing-product.js';
import { modifyNetworkSteps, modifyOrderSteps } from './gpon-upgrade.js';

/**
 * The upgrade when the ONT swap needs a technician: a visit is booked (TMF646), the work order raised
 * (TMF697) and the order held until the field app completes the work order; then it goes on.
 */
export const gponHeldFieldVisit: Flow = {
  scenario: 'gpon-held-field-visit',
  title: 'Modify held for a field visit — ONT swap',
  description: 'The GPON → XGS-PON upgrade with a technician: acknowledged → inProgress → held (appointment, work order) → inProgress once the work order is completed through TMF697 → completed.',
  parameters: ChangeParameters.modify,
  prepare: (input, tx, tmf) => prepareChange(input, tx, tmf, 'modify'),
  pointOfNoReturn: changePointOfNoReturn,
  steps: [bookAppointment, ...modifyOrderSteps, holdForFieldVisit, resumeAfterFieldVisit, ...modifyNetworkSteps],
};
