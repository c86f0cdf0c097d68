import type { Doc } from '../../store/port.js';
import { StepWaiting, type StepDefinition } from '../flow.js';
import type { DiffChange } from '../diff/index.js';
import { extendThread } from '../trace.js';
import { tmfPath } from '../tmf-caller.js';
import { moveOrder } from './order-state.js';
import { customerParty } from './refs.js';

/**
 * The change needs a technician (an ONT swap): ROM raises the work order (TMF697) for the booked
 * appointment, and the customer's order is held on the provider's side (inProgress → held).
 */
export const holdForFieldVisit: StepDefinition = {
  id: 'hold-for-field-visit',
  actor: 'rom',
  title: 'Raise the field work and hold the order (TMF697, TMF622)',
  async run({ call, context }) {
    const swaps = (context.changes as DiffChange[]).filter((c) => c.layer === 'resource' && c.slot === 'cpe');
    const added = (context.addedResources as Record<string, string> | undefined) ?? {};
    const workOrder = await call<Doc>({
      from: 'rom',
      method: 'POST',
      path: tmfPath('TMF697', 'workOrder'),
      body: {
        category: 'ontSwap',
        description: `Swap the ONT for ${String(context.resourceOrderId)}`,
        appointment: { id: context.appointmentId, '@referredType': 'Appointment' },
        place: { id: context.addressId, role: 'installationAddress', '@referredType': 'GeographicAddress' },
        relatedParty: [customerParty(context)],
        order: [{ id: context.resourceOrderId, '@referredType': 'ResourceOrder' }],
        workOrderItem: swaps.map((change, index) => ({
          id: String(index + 1),
          action: change.action,
          description: change.action === 'delete' ? `Remove ONT ${String(change.current!.instanceId)}` : `Install ONT ${added.cpe}`,
        })),
      },
    });
    await moveOrder(call, 'com', 'TMF622', 'productOrder', String(context.productOrderId), 'held');
    return {
      workOrderId: workOrder.id,
      ...extendThread(context, { role: 'workOrder', api: 'TMF697', resource: 'workOrder', id: String(workOrder.id), via: 'order (ResourceOrder)' }),
    };
  },
};

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
    if (workOrder.state !== 'completed') {
      throw new StepWaiting(`work order ${String(context.workOrderId)} is ${String(workOrder.state)}: waiting for the technician to complete it`, 100);
    }
    await call({ from: 'com', method: 'PATCH', path: tmfPath('TMF646', 'appointment', String(context.appointmentId)), body: { status: 'completed' } });
    await moveOrder(call, 'com', 'TMF622', 'productOrder', String(context.productOrderId), 'inProgress');
  },
};
