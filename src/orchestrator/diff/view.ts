// An instance view of one product: the services and resources that realise it, one node per slot
// (the catalog's CFS function, RFS layer or resource kind). The current view is read back from the
// inventories (TMF637/638/639); the target view is the catalog's decomposition of the ordered offering.

import type { Decomposition, ModifyPolicy, CfsNode, RfsNode } from '../../catalog/index.js';

/** Whether a node is a service (TMF638, changed by TMF641 items) or a resource (TMF639, by TMF652 items). */
export type ViewLayer = 'service' | 'resource';

/** One service or resource of a product, in its slot. `instanceId` names the inventory record, when there is one. */
export interface ViewNode {
  layer: ViewLayer;
  slot: string;
  spec: { id: string; name?: string };
  characteristics: { name: string; value: unknown }[];
  onModify: ModifyPolicy;
  instanceId?: string;
  /** The slot of the service this one supports (services) or is realised for (resources). */
  parentSlot?: string;
}

/** A product's view: its offering and its nodes, keyed `layer:slot`. */
export interface ProductView {
  offeringId?: string;
  nodes: Record<string, ViewNode>;
}

export function nodeKey(node: Pick<ViewNode, 'layer' | 'slot'>): string {
  return `${node.layer}:${node.slot}`;
}

/** The target view of an offering: its decomposition flattened into slots. */
export function viewOfDecomposition(tree: Decomposition): ProductView {
  const nodes: Record<string, ViewNode> = {};
  const add = (node: ViewNode) => (nodes[nodeKey(node)] = node);
  const visit = (node: CfsNode | RfsNode, parentSlot?: string) => {
    add({ layer: 'service', slot: node.slot, spec: { id: node.spec.id, name: node.spec.name }, characteristics: plain(node.characteristics), onModify: node.onModify, ...(parentSlot && { parentSlot }) });
    if (node.kind === 'CFS') for (const child of node.children) visit(child, node.slot);
    else for (const r of node.resources) add({ layer: 'resource', slot: r.slot, spec: { id: r.spec.id, name: r.spec.name }, characteristics: plain(r.characteristics), onModify: r.onModify, parentSlot: node.slot });
  };
  for (const root of tree.services) visit(root);
  return { offeringId: tree.offering.id, nodes };
}

/** The view of nothing: what a cease takes a product to. */
export const emptyView: ProductView = { nodes: {} };

function plain(list: readonly { name: string; value: unknown }[]) {
  return list.map(({ name, value }) => ({ name, value }));
}
