import { spineCatalogIndex } from '../../catalog/index.js';
import type { Doc } from '../../store/port.js';
import type { DiffChange, ProductView } from '../diff/index.js';
import type { StepDefinition } from '../flow.js';
import { addToThread, type ThreadLink } from '../trace.js';
import { tmfPath } from '../tmf-caller.js';
import { resourcesAfter } from './activate-changed-resources.js';
import { customerParty, refById } from './refs.js';
import { terminateService } from './terminate-service.js';

/**
 * SOM brings the service inventory (TMF638) to the target: deleted services terminated (children
 * first), modified ones take their target characteristics, added ones are created active under their
 * parent, and every RFS whose resources were replaced points at the new ones (`supportingResource`).
 */
export const applyServiceChanges: StepDefinition = {
  id: 'apply-service-changes',
  actor: 'som',
  title: 'Update CFS and RFS (TMF638)',
  async run({ call, context, tmf }) {
    const changes = (context.changes as DiffChange[]).filter((c) => c.layer === 'service');
    const current = context.currentView as ProductView;
    const target = context.targetView as ProductView;
    const resources = resourcesAfter(context);
    const servicePath = (id: string) => tmfPath('TMF638', 'service', id);
    const instances: Record<string, string> = {};
    for (const node of Object.values(current.nodes)) if (node.layer === 'service' && node.instanceId) instances[node.slot] = node.instanceId;
    const supportingResource = (slot: string) =>
      Object.values(target.nodes)
        .filter((n) => n.layer === 'resource' && n.parentSlot === slot && resources[n.slot])
        .map((n) => refById(tmf, 'Resource', resources[n.slot]));

    const deletes = changes.filter((c) => c.action === 'delete').reverse();
    for (const change of deletes) {
      await terminateService(call, 'som', change.current!.instanceId!, { endDate: tmf.now().toISOString() });
      if (!changes.some((c) => c.action === 'add' && c.slot === change.slot)) delete instances[change.slot];
    }
    for (const change of changes.filter((c) => c.action === 'modify')) {
      await call({ from: 'som', method: 'PATCH', path: servicePath(change.current!.instanceId!), body: { serviceCharacteristic: change.target!.characteristics } });
    }
    const links: ThreadLink[] = [];
    for (const change of changes.filter((c) => c.action === 'add')) {
      const node = change.target!;
      const supporting = supportingResource(node.slot);
      const service = await call<Doc>({
        from: 'som',
        method: 'POST',
        path: tmfPath('TMF638', 'service'),
        body: {
          name: node.spec.name,
          category: kindOf(node.spec.id),
          isBundle: false,
          state: 'active',
          startDate: tmf.now().toISOString(),
          serviceSpecification: refById(tmf, 'ServiceSpecification', node.spec.id, { name: node.spec.name }),
          serviceCharacteristic: node.characteristics,
          serviceOrderItem: [{ serviceOrderId: context.serviceOrderId, itemId: String(changes.indexOf(change) + 1), itemAction: 'add', role: 'realizes' }],
          relatedEntity: [refById(tmf, 'Product', context.productId, { role: 'realizes' })],
          relatedParty: [customerParty(tmf, context)],
          place: [refById(tmf, 'GeographicAddress', context.addressId, { role: 'installationAddress' })],
          ...(supporting.length && { supportingResource: supporting }),
        },
      });
      instances[node.slot] = String(service.id);
      links.push({ role: 'rfs', api: 'TMF638', resource: 'service', id: String(service.id), via: `replaces ${change.slot}` });
      const parentId = node.parentSlot ? instances[node.parentSlot] : undefined;
      if (parentId) {
        const parent = await call<Doc>({ from: 'som', method: 'GET', path: servicePath(parentId) });
        const replaced = new Set(deletes.map((d) => d.current!.instanceId));
        const kept = ((parent.supportingService as Doc[] | undefined) ?? []).filter((s) => !replaced.has(String(s.id)));
        await call({ from: 'som', method: 'PATCH', path: servicePath(parentId), body: { supportingService: [...kept, refById(tmf, 'Service', service.id)] } });
      }
    }
    // Kept RFSs whose resources changed (the ONT under CPE management) follow them.
    const changedResourceSlots = new Set((context.changes as DiffChange[]).filter((c) => c.layer === 'resource' && c.action === 'add').map((c) => c.slot));
    for (const node of Object.values(current.nodes)) {
      if (node.layer !== 'resource' || !changedResourceSlots.has(node.slot) || !node.parentSlot) continue;
      const owner = current.nodes[`service:${node.parentSlot}`];
      if (!owner?.instanceId || changes.some((c) => c.slot === owner.slot && c.action !== 'modify')) continue;
      await call({ from: 'som', method: 'PATCH', path: servicePath(owner.instanceId), body: { supportingResource: supportingResource(owner.slot) } });
    }
    return { serviceIds: instances, ...addToThread(...links) };
  },
};

function kindOf(specId: string): 'CFS' | 'RFS' {
  const entry = spineCatalogIndex.serviceSpecs.get(specId);
  return entry && 'layer' in entry ? 'RFS' : 'CFS';
}
