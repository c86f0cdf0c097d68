import { decomposeStored, type CfsNode, type RfsNode } from '../../catalog/index.js';
import type { Doc } from '../../store/port.js';
import type { StepDefinition } from '../flow.js';
import { addToThread } from '../trace.js';
import { tmfPath } from '../tmf-caller.js';
import { customerParty, refById } from './refs.js';

/** One service order item as the later steps need it: which catalog node it realises and its parent. */
export interface ServiceItem {
  itemId: string;
  kind: 'CFS' | 'RFS';
  slot: string;
  spec: { id: string; name: string; href: string };
  isBundle: boolean;
  parentItemId?: string;
  characteristics: { name: string; value: unknown }[];
  /** For an RFS: the resource slots (kinds) and specifications it is realised on. */
  resources?: { slot: string; specId: string; specName: string; specHref: string }[];
}

/**
 * The orchestrator decomposes the ordered offering with the catalog's rules and asks SOM for the
 * services (TMF641), linking back to the product order with `orderRelationship` (cross-ref).
 */
export const orderServices: StepDefinition = {
  id: 'order-services',
  actor: 'orchestrator',
  title: 'Decompose and order the services (TMF641)',
  async run({ call, context, tmf, tx }) {
    const items = serviceItems((await decomposeStored(tx, tmf, String(context.offeringId))).services);
    const order = await call<Doc>({
      from: 'orchestrator',
      method: 'POST',
      path: tmfPath('TMF641', 'serviceOrder'),
      body: {
        category: 'provide',
        description: `Services for product order ${String(context.productOrderId)}`,
        relatedParty: [customerParty(tmf, context)],
        orderRelationship: [refById(tmf, 'ProductOrder', context.productOrderId, { relationshipType: 'cross-ref' })],
        serviceOrderItem: items.map((item) => ({
          id: item.itemId,
          action: 'add',
          quantity: 1,
          service: {
            name: item.spec.name,
            category: item.kind,
            isBundle: item.isBundle,
            state: 'active',
            serviceSpecification: { ...item.spec, '@referredType': 'ServiceSpecification' },
            serviceCharacteristic: item.characteristics,
          },
          ...(item.parentItemId && { serviceOrderItemRelationship: [{ relationshipType: 'reliesOn', orderItem: { itemId: item.parentItemId } }] }),
        })),
      },
    });
    return {
      serviceOrderId: order.id,
      serviceItems: items,
      ...addToThread({ role: 'serviceOrder', api: 'TMF641', resource: 'serviceOrder', id: String(order.id), via: 'orderRelationship (cross-ref)' }),
    };
  },
};

// Depth first, parents before children, numbering items 1, 2, 3… as the order will show them.
function serviceItems(roots: readonly CfsNode[]): ServiceItem[] {
  const items: ServiceItem[] = [];
  const visit = (node: CfsNode | RfsNode, parentItemId?: string) => {
    const itemId = String(items.length + 1);
    items.push({
      itemId,
      kind: node.kind,
      slot: node.slot,
      spec: { id: node.spec.id, name: node.spec.name, href: node.spec.href },
      isBundle: node.kind === 'CFS' && node.subtype === 'bundle',
      parentItemId,
      characteristics: node.characteristics.map((c) => ({ name: c.name, value: c.value })),
      ...(node.kind === 'RFS' && {
        resources: node.resources.map((r) => ({ slot: r.slot, specId: r.spec.id, specName: r.spec.name, specHref: r.spec.href })),
      }),
    });
    if (node.kind === 'CFS') for (const child of node.children) visit(child, itemId);
  };
  for (const root of roots) visit(root);
  return items;
}
