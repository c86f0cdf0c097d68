import type { Doc } from '../../store/port.js';
import type { StepDefinition } from '../flow.js';
import type { DiffChange } from '../diff/index.js';
import { addToThread } from '../trace.js';
import { tmfPath } from '../tmf-caller.js';
import { dispatchTechnician } from './dispatch-technician.js';
import { moveOrder } from './order-state.js';
import { customerParty, refById } from './refs.js';

/**
 * The change needs a technician (an ONT swap): ROM raises the work order (TMF697) for the booked
 * appointment, and the customer's order is held on the provider's side (inProgress → held).
 */
export const holdForFieldVisit: StepDefinition = {
  id: 'hold-for-field-visit',
  actor: 'rom',
  title: 'Raise the field work and hold the order (TMF697, TMF622)',
  async run({ call, context, tmf }) {
    const swaps = (context.changes as DiffChange[]).filter((c) => c.layer === 'resource' && c.slot === 'cpe');
    const added = (context.addedResources as Record<string, string> | undefined) ?? {};
    const workOrder = await call<Doc>({
      from: 'rom',
      method: 'POST',
      path: tmfPath('TMF697', 'workOrder'),
      body: {
        category: 'ontSwap',
        description: `Swap the ONT for ${String(context.resourceOrderId)}`,
        appointment: refById(tmf, 'Appointment', context.appointmentId),
        place: refById(tmf, 'GeographicAddress', context.addressId, { role: 'installationAddress' }),
        relatedParty: [customerParty(tmf, context)],
        order: [refById(tmf, 'ResourceOrder', context.resourceOrderId)],
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
      ...addToThread({ role: 'workOrder', api: 'TMF697', resource: 'workOrder', id: String(workOrder.id), via: 'order (ResourceOrder)' }),
    };
  },
  // The same undo as the provision's work order: called off unless the visit took place.
  compensate: dispatchTechnician.compensate,
};
