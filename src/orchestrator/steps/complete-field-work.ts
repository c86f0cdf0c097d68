import type { StepDefinition } from '../flow.js';
import { tmfPath } from '../tmf-caller.js';
import { moveOrder } from './order-state.js';

/** The technician does the visit: the work order runs and completes, the appointment is kept. */
export const completeFieldWork: StepDefinition = {
  id: 'complete-field-work',
  actor: 'workforce',
  title: 'Technician installs the ONT (TMF697, TMF646)',
  async run({ call, context }) {
    await moveOrder(call, 'workforce', 'TMF697', 'workOrder', String(context.workOrderId), 'inProgress');
    await moveOrder(call, 'workforce', 'TMF697', 'workOrder', String(context.workOrderId), 'completed');
    await call({ from: 'workforce', method: 'PATCH', path: tmfPath('TMF646', 'appointment', String(context.appointmentId)), body: { status: 'completed' } });
  },
};
