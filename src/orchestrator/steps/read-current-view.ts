import { decomposeStored, spineCatalogIndex } from '../../catalog/index.js';
import type { Doc } from '../../store/port.js';
import { viewOfDecomposition, nodeKey, type ProductView, type ViewNode } from '../diff/index.js';
import type { StepDefinition } from '../flow.js';
import { addToThread, type ThreadLink } from '../trace.js';
import { tmfPath, type TmfCall } from '../tmf-caller.js';

/**
 * The orchestrator reads what the product is now from the inventories: the product (TMF637), the
 * services that realise it down their supportingService tree (TMF638) and the resources the RFSs run
 * on (TMF639). Each node takes its slot from the catalog entry of its specification; a resource's
 * characteristics are the inventory's values of those its catalog specification declares, where the
 * inventory records them, and otherwise the values the product's offering designed.
 */
export const readCurrentView: StepDefinition = {
  id: 'read-current-view',
  actor: 'orchestrator',
  title: 'Read the current view (TMF637, TMF638, TMF639)',
  async run({ call, context, tmf, tx }) {
    const product = await call<Doc>({ from: 'orchestrator', method: 'GET', path: tmfPath('TMF637', 'product', String(context.productId)) });
    const offeringId = String((product.productOffering as Doc | undefined)?.id);
    const designed = viewOfDecomposition(await decomposeStored(tx, tmf, offeringId));
    const nodes: Record<string, ViewNode> = {};
    const links: ThreadLink[] = [];
    const visitService = async (id: string, parentSlot?: string) => {
      const service = await call<Doc>({ from: 'orchestrator', method: 'GET', path: tmfPath('TMF638', 'service', id) });
      if (service.state === 'terminated') return;
      const specId = String((service.serviceSpecification as Doc).id);
      const entry = spineCatalogIndex.serviceSpecs.get(specId);
      if (!entry) return;
      const slot = 'function' in entry ? entry.function : entry.layer;
      const node: ViewNode = {
        layer: 'service',
        slot,
        spec: { id: specId, name: entry.doc.name },
        characteristics: ((service.serviceCharacteristic as Doc[] | undefined) ?? []).map((c) => ({ name: String(c.name), value: c.value })),
        onModify: designed.nodes[nodeKey({ layer: 'service', slot })]?.onModify ?? 'modifyInPlace',
        instanceId: id,
        ...(parentSlot && { parentSlot }),
      };
      nodes[nodeKey(node)] = node;
      links.push({ role: entry && 'function' in entry ? 'cfs' : 'rfs', api: 'TMF638', resource: 'service', id, via: parentSlot ? `supportingService (${parentSlot})` : 'realizingService' });
      for (const child of (service.supportingService as Doc[] | undefined) ?? []) await visitService(String(child.id), slot);
      for (const ref of (service.supportingResource as Doc[] | undefined) ?? []) {
        const resource = await readResource(call, String(ref.id), slot, designed);
        if (!resource) continue;
        nodes[nodeKey(resource)] = resource;
        links.push({ role: `resource:${resource.slot}`, api: 'TMF639', resource: 'resource', id: String(ref.id), via: `supportingResource of ${id}` });
      }
    };
    for (const ref of (product.realizingService as Doc[] | undefined) ?? []) await visitService(String(ref.id));
    const currentView: ProductView = { offeringId, nodes };
    return {
      currentOfferingId: offeringId,
      currentView,
      billingAccountId: context.billingAccountId ?? (product.billingAccount as Doc | undefined)?.id,
      ...addToThread(...links),
    };
  },
};

async function readResource(call: TmfCall, id: string, parentSlot: string, designed: ProductView): Promise<ViewNode | undefined> {
  const resource = await call<Doc>({ from: 'orchestrator', method: 'GET', path: tmfPath('TMF639', 'resource', id) });
  const specId = String((resource.resourceSpecification as Doc | undefined)?.id);
  const entry = spineCatalogIndex.resourceSpecs.get(specId);
  if (!entry || entry.kind === 'shared') return undefined;
  const slot = entry.kind;
  const design = designed.nodes[nodeKey({ layer: 'resource', slot })];
  const observed = new Map(((resource.resourceCharacteristic as Doc[] | undefined) ?? []).map((c) => [String(c.name), c.value]));
  return {
    layer: 'resource',
    slot,
    spec: { id: specId, name: entry.doc.name },
    characteristics: (design?.characteristics ?? []).map(({ name, value }) => ({ name, value: observed.has(name) ? observed.get(name) : value })),
    onModify: design?.onModify ?? 'modifyInPlace',
    instanceId: id,
    parentSlot,
  };
}
