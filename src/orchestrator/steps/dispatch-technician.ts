import type { Doc } from '../../store/port.js';
import type { StepDefinition } from '../flow.js';
import { addToThread } from '../trace.js';
import { tmfPath } from '../tmf-caller.js';
import { cancelOrder } from './order-state.js';
import { customerParty, refById } from './refs.js';

/** ROM raises the field work for the booked visit (TMF697): install the ONT, splice the drop. */
export const dispatchTechnician: StepDefinition = {
  id: 'dispatch-technician',
  actor: 'rom',
  title: 'Raise the work order (TMF697)',
  async run({ call, context, tmf }) {
    const resources = context.resources as Record<string, string>;
    const workOrder = await call<Doc>({
      from: 'rom',
      method: 'POST',
      path: tmfPath('TMF697', 'workOrder'),
      body: {
        category: 'installation',
        description: `Install ONT and splice drop for ${String(context.resourceOrderId)}`,
        appointment: refById(tmf, 'Appointment', context.appointmentId),
        place: refById(tmf, 'GeographicAddress', context.addressId, { role: 'installationAddress' }),
        relatedParty: [customerParty(tmf, context)],
        order: [refById(tmf, 'ResourceOrder', context.resourceOrderId)],
        workOrderItem: [
          { id: '1', action: 'add', description: `Install ONT ${resources.cpe}` },
          { id: '2', action: 'add', description: `Splice fibre drop ${resources.drop}` },
        ],
      },
    });
    return {
      workOrderId: workOrder.id,
      ...addToThread({ role: 'workOrder', api: 'TMF697', resource: 'workOrder', id: String(workOrder.id), via: 'order (ResourceOrder)' }),
    };
  },
  // The visit is called off; a work order the technician already completed stays as it is.
  async compensate({ call, context }) {
    await cancelOrder(call, 'rom', 'TMF697', 'workOrder', String(context.workOrderId));
  },
};
