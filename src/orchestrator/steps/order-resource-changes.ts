import type { Doc } from '../../store/port.js';
import type { DiffChange } from '../diff/index.js';
import type { StepDefinition } from '../flow.js';
import { addToThread } from '../trace.js';
import { tmfPath } from '../tmf-caller.js';
import { moveOrder } from './order-state.js';
import { customerParty, refById } from './refs.js';

/**
 * SOM asks ROM for the resource changes only (TMF652): `delete` (release) and `modify` name the
 * resource instance, `add` names the specification ROM will reserve an instance of. Resources the
 * diff leaves alone get no item. Item ids say what they do to which slot (`delete-cpe`, `add-cpe`).
 */
export const orderResourceChanges: StepDefinition = {
  id: 'order-resource-changes',
  actor: 'som',
  title: 'Order the resource changes (TMF652)',
  async run({ call, context, tmf }) {
    const changes = (context.changes as DiffChange[]).filter((c) => c.layer === 'resource');
    const order = await call<Doc>({
      from: 'som',
      method: 'POST',
      path: tmfPath('TMF652', 'resourceOrder'),
      body: {
        name: `Resource changes for ${String(context.serviceOrderId)}`,
        orderType: context.orderAction === 'delete' ? 'cease' : 'modify',
        relatedParty: [customerParty(tmf, context)],
        externalReference: [{ id: context.serviceOrderId, entityType: 'ServiceOrder', owner: 'SOM' }],
        orderItem: changes.map((change) => ({
          id: `${change.action}-${change.slot}`,
          action: change.action,
          quantity: 1,
          ...(change.action === 'add'
            ? { resourceSpecification: refById(tmf, 'ResourceSpecification', change.target!.spec.id, { name: change.target!.spec.name }) }
            : { resource: refById(tmf, 'Resource', change.current!.instanceId) }),
          ...(context.appointmentId !== undefined && change.slot === 'cpe' && { appointment: refById(tmf, 'Appointment', context.appointmentId) }),
        })),
      },
    });
    await moveOrder(call, 'rom', 'TMF652', 'resourceOrder', String(order.id), 'inProgress');
    return {
      resourceOrderId: order.id,
      ...addToThread({ role: 'resourceOrder', api: 'TMF652', resource: 'resourceOrder', id: String(order.id), via: 'externalReference (ServiceOrder)' }),
    };
  },
};
