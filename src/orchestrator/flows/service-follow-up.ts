import { spineCatalogIndex } from '../../catalog/index.js';
import type { Doc, Store } from '../../store/port.js';
import { TmfError } from '../../tmf/errors.js';
import type { Flow } from '../flow.js';
import { pointOfNoReturn } from '../policies/matrix.js';
import { FOLLOW_UP_SCENARIO } from '../policies/partial.js';
import { activateServices } from '../steps/activate-services.js';
import { completeProductOrder } from '../steps/complete-product-order.js';
import { completeServiceOrder } from '../steps/complete-service-order.js';
import type { ServiceItem } from '../steps/order-services.js';
import { startServiceOrder } from '../steps/start-service-order.js';

/**
 * Delivers a follow-up service order (raised when a service order ended partial): the services it
 * names are activated, the order completed, and with it the product order both belong to. SOM
 * starts it on its own; an operator may start one by naming the order.
 */
export const serviceFollowUp: Flow = {
  scenario: FOLLOW_UP_SCENARIO,
  title: 'Follow-up service order',
  description: 'Delivers what a partial service order left out: the follow-up order (orderRelationship followUpOf) is started, its services activated in TMF638, the order completed, then the product order.',
  parameters: ['serviceOrderId'],
  prepare: prepareFollowUp,
  steps: [startServiceOrder, activateServices, completeServiceOrder, completeProductOrder],
};

async function prepareFollowUp(input: Doc, tx: Store): Promise<Doc> {
  if (typeof input.serviceOrderId !== 'string') throw new TmfError('INVALID_BODY', 'serviceOrderId is required: the follow-up service order to deliver');
  const order = (await tx.getResource('TMF641', 'serviceOrder', input.serviceOrderId))?.doc;
  if (!order) throw new TmfError('NOT_FOUND', `serviceOrder ${input.serviceOrderId} does not exist`);
  const relationships = (order.orderRelationship as Doc[] | undefined) ?? [];
  const original = relationships.find((r) => r.relationshipType === 'followUpOf');
  const productOrder = relationships.find((r) => r['@referredType'] === 'ProductOrder');
  if (!original || !productOrder) throw new TmfError('INVALID_BODY', `serviceOrder ${input.serviceOrderId} is not a follow-up order: it needs an orderRelationship followUpOf and a cross-ref to its ProductOrder`);
  if (order.state !== 'acknowledged') throw new TmfError('ILLEGAL_TRANSITION', `serviceOrder ${input.serviceOrderId} is ${String(order.state)}: only an acknowledged follow-up order can be delivered`);
  const milestone = ((await tx.getResource('TMF641', 'serviceOrder', String(original.id)))?.doc.milestone as Doc[] | undefined)?.find((m) => m.name === 'pointOfNoReturn');

  const serviceItems: ServiceItem[] = [];
  const serviceIds: Record<string, string> = {};
  for (const item of order.serviceOrderItem as Doc[]) {
    const serviceId = String((item.service as Doc).id);
    const service = (await tx.getResource('TMF638', 'service', serviceId))?.doc;
    if (!service) throw new TmfError('INVALID_BODY', `serviceOrder ${input.serviceOrderId} item ${String(item.id)} names service ${serviceId}, which does not exist`);
    const parent = (item.serviceOrderItemRelationship as Doc[] | undefined)?.find((r) => r.relationshipType === 'reliesOn');
    const spec = service.serviceSpecification as Doc;
    const entry = spineCatalogIndex.serviceSpecs.get(String(spec.id));
    if (!entry) throw new TmfError('INVALID_BODY', `service ${serviceId} has specification ${String(spec.id)}, which the catalog does not have`);
    serviceItems.push({
      itemId: String(item.id),
      kind: 'function' in entry ? 'CFS' : 'RFS',
      slot: 'function' in entry ? entry.function : entry.layer,
      spec: { id: String(spec.id), name: String(spec.name), href: String(spec.href) },
      isBundle: Boolean(service.isBundle),
      ...(parent && { parentItemId: String((parent.orderItem as Doc).itemId) }),
      characteristics: ((service.serviceCharacteristic as Doc[] | undefined) ?? []).map((c) => ({ name: String(c.name), value: c.value })),
    });
    serviceIds[String(item.id)] = serviceId;
  }
  const customer = ((order.relatedParty as Doc[] | undefined) ?? []).find((p) => p.role === 'customer');
  return {
    serviceOrderId: order.id,
    productOrderId: productOrder.id,
    followUpOf: original.id,
    customerId: customer?.id,
    customerName: customer?.name,
    serviceItems,
    serviceIds,
    // The journey passed its point of no return before the follow-up was raised: failures are held, never rolled back.
    ...(milestone && { pointOfNoReturn: { step: pointOfNoReturn.step, at: milestone.milestoneDate } }),
  };
}
