import type { Doc } from '../../store/port.js';
import type { StepDefinition } from '../flow.js';
import { recordOrderError } from '../policies/effects.js';
import { PolicyIds } from '../policies/matrix.js';
import { FOLLOW_UP_SCENARIO, itemOutcomes, partialOf } from '../policies/partial.js';
import { addToThread, threadOf } from '../trace.js';
import { tmfPath } from '../tmf-caller.js';
import { moveOrder } from './order-state.js';
import type { ServiceItem } from './order-services.js';
import { customerParty, refById } from './refs.js';

/**
 * SOM completes the service order: every item delivered. After a partial completion the order ends
 * partial instead, and SOM raises a follow-up order for what was not delivered, which its own
 * journey (service-follow-up) delivers.
 */
export const completeServiceOrder: StepDefinition = {
  id: 'complete-service-order',
  actor: 'som',
  title: 'Complete the service order',
  async run({ call, context, startJourney, tmf }) {
    const serviceOrderId = String(context.serviceOrderId);
    const partial = partialOf(context);
    if (!partial) {
      await moveOrder(call, 'som', 'TMF641', 'serviceOrder', serviceOrderId, 'completed');
      return;
    }
    const path = tmfPath('TMF641', 'serviceOrder', serviceOrderId);
    const items = context.serviceItems as ServiceItem[];
    const outcomes = itemOutcomes(items, partial.failedItems);
    const order = await call<Doc>({ from: 'som', method: 'GET', path });
    const serviceOrderItem = (order.serviceOrderItem as Doc[]).map((item) => ({ ...item, state: outcomes.get(String(item.id)) }));
    await call({ from: 'som', method: 'PATCH', path, body: { state: 'partial', serviceOrderItem } });
    await recordOrderError(call, context, { ...partial, policy: PolicyIds.partial }, partial.failedItems);

    const serviceIds = context.serviceIds as Record<string, string>;
    const failed = items.filter((item) => partial.failedItems.includes(item.itemId));
    const followUp = await call<Doc>({
      from: 'som',
      method: 'POST',
      path: tmfPath('TMF641', 'serviceOrder'),
      body: {
        category: 'provide',
        description: `Follow-up of service order ${serviceOrderId}: ${failed.map((i) => i.spec.name).join(', ')} not delivered (${partial.error.message})`,
        relatedParty: [customerParty(tmf, context)],
        orderRelationship: [
          refById(tmf, 'ServiceOrder', serviceOrderId, { relationshipType: 'followUpOf' }),
          refById(tmf, 'ProductOrder', context.productOrderId, { relationshipType: 'cross-ref' }),
        ],
        serviceOrderItem: failed.map((item) => ({
          id: item.itemId,
          action: 'modify',
          quantity: 1,
          service: refById(tmf, 'Service', serviceIds[item.itemId], { state: 'active' }),
          ...(item.parentItemId && partial.failedItems.includes(item.parentItemId) && {
            serviceOrderItemRelationship: [{ relationshipType: 'reliesOn', orderItem: { itemId: item.parentItemId } }],
          }),
        })),
      },
    });
    const link = { role: 'followUpServiceOrder', api: 'TMF641', resource: 'serviceOrder', id: String(followUp.id), via: 'orderRelationship (followUpOf)' };
    const journey = await startJourney(FOLLOW_UP_SCENARIO, { serviceOrderId: followUp.id }, { thread: [...threadOf(context), link] });
    return { followUp: { serviceOrderId: followUp.id, runId: journey.id }, ...addToThread(link) };
  },
};
