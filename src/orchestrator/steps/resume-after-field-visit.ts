import type { Doc } from '../../store/port.js';
import { JourneyStopped, StepWaiting, type StepDefinition } from '../flow.js';
import { tmfPath } from '../tmf-caller.js';
import { moveOrder } from './order-state.js';

/**
 * The order waits for the technician: until the field app completes the work order through TMF697,
 * this step waits (the run shows held). Then the appointment is kept and the order resumes
 * (held → inProgress).
 */
export const resumeAfterFieldVisit: StepDefinition = {
  id: 'resume-after-field-visit',
  actor: 'com',
  title: 'Resume once the work order is completed (TMF697, TMF622)',
  async run({ call, context }) {
    const workOrder = await call<Doc>({ from: 'com', method: 'GET', path: tmfPath('TMF697', 'workOrder', String(context.workOrderId)) });
    // A work order that ended without the work (rejected, failed, cancelled) will never complete: the change stops.
    if (ENDED_UNDONE.includes(String(workOrder.state))) {
      throw new JourneyStopped('FIELD-WORK', `work order ${String(context.workOrderId)} is ${String(workOrder.state)}: the field work will not be done`);
    }
    if (workOrder.state !== 'completed') {
      throw new StepWaiting(`work order ${String(context.workOrderId)} is ${String(workOrder.state)}: waiting for the technician to complete it`, 100);
    }
    await call({ from: 'com', method: 'PATCH', path: tmfPath('TMF646', 'appointment', String(context.appointmentId)), body: { status: 'completed' } });
    await moveOrder(call, 'com', 'TMF622', 'productOrder', String(context.productOrderId), 'inProgress');
  },
};

const ENDED_UNDONE: readonly string[] = ['rejected', 'failed', 'cancelled'];
