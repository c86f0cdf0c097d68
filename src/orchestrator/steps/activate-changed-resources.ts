import type { Doc } from '../../store/port.js';
import type { DiffChange } from '../diff/index.js';
import type { StepDefinition } from '../flow.js';
import { addToThread } from '../trace.js';
import { tmfPath } from '../tmf-caller.js';
import { ACTIVATION_ORDER, activationLinks } from './activate-resources.js';
import { hrefById } from './refs.js';

/**
 * ROM configures what the diff adds or modifies (TMF702): an added resource is activated as in a
 * provision, a modified one (the BNG session's rate profile) is configured again with its target
 * values after release-resources took its old configuration off. Unchanged resources get no call.
 */
export const activateChangedResources: StepDefinition = {
  id: 'activate-changed-resources',
  actor: 'rom',
  title: 'Activate the changes on the network (TMF702)',
  async run({ call, context, tmf }) {
    const changes = (context.changes as DiffChange[]).filter((c) => c.layer === 'resource' && (c.action === 'add' || c.action === 'modify'));
    const added = context.addedResources as Record<string, string>;
    const resources = resourcesAfter(context);
    const activations: Record<string, string> = {};
    for (const change of [...changes].sort((a, b) => slotOrder(a.slot) - slotOrder(b.slot))) {
      const id = change.action === 'add' ? added[change.slot]! : change.current!.instanceId!;
      const value = (name: string) => change.target!.characteristics.find((c) => c.name === name)?.value;
      const config: Record<string, Doc[]> = {
        cpe: [{ name: 'ponPort', value: resources.accessPort }],
        bngSession: [{ name: 'rateProfile', value: value('rateProfile') }, { name: 'accessType', value: value('sessionType') ?? 'IPoE' }],
      };
      const activation = await call<Doc>({
        from: 'rom',
        method: 'POST',
        path: tmfPath('TMF702', 'resource'),
        body: {
          name: `${change.action === 'add' ? 'Activate' : 'Reconfigure'} ${id}`,
          resourceRelationship: [{ relationshipType: 'targets', resource: { id, href: hrefById(tmf, 'Resource', id) } }],
          resourceCharacteristic: config[change.slot] ?? [],
        },
      });
      activations[change.slot] = String(activation.id);
    }
    return { activations, resources, ...addToThread(...activationLinks(activations, resources)) };
  },
};

const slotOrder = (slot: string) => (ACTIVATION_ORDER as readonly string[]).indexOf(slot);

/** The product's resources by slot once the changes apply: what stays, what is modified, what is added. */
export function resourcesAfter(context: Doc): Record<string, string> {
  const current = context.currentView as { nodes: Record<string, { layer: string; slot: string; instanceId?: string }> };
  const deleted = new Set((context.changes as DiffChange[]).filter((c) => c.layer === 'resource' && c.action === 'delete').map((c) => c.slot));
  const resources: Record<string, string> = {};
  for (const node of Object.values(current.nodes)) if (node.layer === 'resource' && node.instanceId && !deleted.has(node.slot)) resources[node.slot] = node.instanceId;
  return { ...resources, ...((context.addedResources as Record<string, string> | undefined) ?? {}) };
}
