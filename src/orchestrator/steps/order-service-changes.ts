import type { Doc } from '../../store/port.js';
import type { DiffChange } from '../diff/index.js';
import type { StepDefinition } from '../flow.js';
import { addToThread } from '../trace.js';
import { tmfPath } from '../tmf-caller.js';
import { moveOrder } from './order-state.js';
import { customerParty, hrefById, refById } from './refs.js';

/**
 * The orchestrator asks SOM for the service changes only (TMF641): one item per changed service,
 * `modify` or `delete` naming the service instance, `add` with the new service's specification.
 * SOM accepts the order at once (acknowledged → inProgress).
 */
export const orderServiceChanges: StepDefinition = {
  id: 'order-service-changes',
  actor: 'orchestrator',
  title: 'Order the service changes (TMF641)',
  async run({ call, context, tmf }) {
    const changes = (context.changes as DiffChange[]).filter((c) => c.layer === 'service');
    const order = await call<Doc>({
      from: 'orchestrator',
      method: 'POST',
      path: tmfPath('TMF641', 'serviceOrder'),
      body: {
        category: context.orderAction === 'delete' ? 'cease' : 'modify',
        description: `Service changes for product order ${String(context.productOrderId)}`,
        relatedParty: [customerParty(tmf, context)],
        orderRelationship: [refById(tmf, 'ProductOrder', context.productOrderId, { relationshipType: 'cross-ref' })],
        serviceOrderItem: changes.map((change, index) => ({
          id: String(index + 1),
          action: change.action,
          quantity: 1,
          service: change.action === 'add'
            ? { name: change.target!.spec.name, state: 'active', serviceSpecification: refById(tmf, 'ServiceSpecification', change.target!.spec.id), serviceCharacteristic: change.target!.characteristics }
            : { id: change.current!.instanceId, href: hrefById(tmf, 'Service', change.current!.instanceId), ...(change.action === 'modify' && { serviceCharacteristic: change.target!.characteristics }), state: change.action === 'delete' ? 'terminated' : 'active' },
        })),
      },
    });
    await moveOrder(call, 'som', 'TMF641', 'serviceOrder', String(order.id), 'inProgress');
    return {
      serviceOrderId: order.id,
      ...addToThread({ role: 'serviceOrder', api: 'TMF641', resource: 'serviceOrder', id: String(order.id), via: 'orderRelationship (cross-ref)' }),
    };
  },
};
