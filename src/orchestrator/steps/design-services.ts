import type { Doc } from '../../store/port.js';
import type { StepDefinition } from '../flow.js';
import { addToThread, type ThreadLink } from '../trace.js';
import { tmfPath } from '../tmf-caller.js';
import type { ServiceItem } from './order-services.js';
import { customerParty, refById } from './refs.js';
import { terminateService } from './terminate-service.js';

/**
 * SOM designs the services in the service inventory (TMF638): one per order item, parents first,
 * each `designed`, linked to its order item and product; then parents list their supporting services.
 */
export const designServices: StepDefinition = {
  id: 'design-services',
  actor: 'som',
  title: 'Design CFS and RFS (TMF638)',
  async run({ call, context, tmf }) {
    const items = context.serviceItems as ServiceItem[];
    const serviceIds: Record<string, string> = {};
    for (const item of items) {
      const service = await call<Doc>({
        from: 'som',
        method: 'POST',
        path: tmfPath('TMF638', 'service'),
        body: {
          name: item.spec.name,
          category: item.kind,
          isBundle: item.isBundle,
          state: 'designed',
          serviceSpecification: { ...item.spec, '@referredType': 'ServiceSpecification' },
          serviceCharacteristic: item.characteristics,
          serviceOrderItem: [{ serviceOrderId: context.serviceOrderId, itemId: item.itemId, itemAction: 'add', role: 'realizes' }],
          relatedEntity: [refById(tmf, 'Product', context.productId, { role: 'realizes' })],
          relatedParty: [customerParty(tmf, context)],
          place: [refById(tmf, 'GeographicAddress', context.addressId, { role: 'installationAddress' })],
        },
      });
      serviceIds[item.itemId] = String(service.id);
    }
    for (const parent of items.filter((i) => items.some((c) => c.parentItemId === i.itemId))) {
      const children = items.filter((c) => c.parentItemId === parent.itemId);
      await call({
        from: 'som',
        method: 'PATCH',
        path: tmfPath('TMF638', 'service', serviceIds[parent.itemId]!),
        body: { supportingService: children.map((c) => refById(tmf, 'Service', serviceIds[c.itemId])) },
      });
    }
    const links: ThreadLink[] = items.map((item) => ({
      role: item.kind === 'CFS' ? 'cfs' : 'rfs',
      api: 'TMF638',
      resource: 'service',
      id: serviceIds[item.itemId]!,
      via: item.parentItemId ? `supportingService of ${serviceIds[item.parentItemId]}` : 'serviceOrderItem',
    }));
    return { serviceIds, ...addToThread(...links) };
  },
  // The designs are abandoned, supporting services first.
  async compensate({ call, context }) {
    for (const id of Object.values(context.serviceIds as Record<string, string>).reverse()) await terminateService(call, 'som', id);
  },
};
