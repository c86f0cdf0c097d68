import type { Doc } from '../../store/port.js';
import type { StepDefinition } from '../flow.js';
import { addToThread } from '../trace.js';
import { tmfPath } from '../tmf-caller.js';
import type { ServiceItem } from './order-services.js';
import { customerParty, refById } from './refs.js';

/**
 * SOM asks ROM for the resources its RFSs are realised on (TMF652): one item per per-subscriber
 * resource kind, by specification; ROM picks the instances when it reserves. TMF652 v4 has no
 * orderRelationship, so the service order is named in `externalReference`.
 */
export const orderResources: StepDefinition = {
  id: 'order-resources',
  actor: 'som',
  title: 'Order the resources (TMF652)',
  async run({ call, context, tmf }) {
    const resources = (context.serviceItems as ServiceItem[]).flatMap((item) => item.resources ?? []);
    const order = await call<Doc>({
      from: 'som',
      method: 'POST',
      path: tmfPath('TMF652', 'resourceOrder'),
      body: {
        name: `Resources for ${String(context.serviceOrderId)}`,
        orderType: 'provide',
        relatedParty: [customerParty(tmf, context)],
        externalReference: [{ id: context.serviceOrderId, entityType: 'ServiceOrder', owner: 'SOM' }],
        orderItem: resources.map((resource) => ({
          id: resource.slot,
          action: 'add',
          quantity: 1,
          resourceSpecification: { id: resource.specId, name: resource.specName, href: resource.specHref, '@referredType': 'ResourceSpecification' },
          ...(['cpe', 'drop'].includes(resource.slot) && { appointment: refById(tmf, 'Appointment', context.appointmentId) }),
        })),
      },
    });
    return {
      resourceOrderId: order.id,
      ...addToThread({ role: 'resourceOrder', api: 'TMF652', resource: 'resourceOrder', id: String(order.id), via: 'externalReference (ServiceOrder)' }),
    };
  },
};
