import type { Doc } from '../../store/port.js';
import type { StepDefinition } from '../flow.js';
import { addToThread, type ThreadLink } from '../trace.js';
import { tmfPath } from '../tmf-caller.js';
import type { ServiceItem } from './order-services.js';
import { hrefById } from './refs.js';

// Network order: light the port and the drop, range the ONT on its port, then the VLANs and the BNG session.
export const ACTIVATION_ORDER = ['accessPort', 'drop', 'cpe', 'vlanPair', 'bngSession'] as const;

/** The thread links of TMF702 activations by slot, each tied to the resource it targets. */
export function activationLinks(activations: Record<string, string>, resources: Record<string, string>): ThreadLink[] {
  return Object.entries(activations).map(([slot, id]) => ({ role: `activation:${slot}`, api: 'TMF702', resource: 'resource', id, via: `resourceRelationship (targets) of ${resources[slot]}` }));
}

/**
 * ROM configures each reserved resource on the network through TMF702: one activation request per
 * resource, naming its TMF639 resource (`resourceRelationship` targets) and the configuration.
 */
export const activateResources: StepDefinition = {
  id: 'activate-resources',
  actor: 'rom',
  title: 'Activate on the network (TMF702)',
  async run({ call, context, tmf }) {
    const resources = context.resources as Record<string, string>;
    const rateProfile = (context.serviceItems as ServiceItem[]).flatMap((i) => i.characteristics).find((c) => c.name === 'rateProfile')?.value;
    const config: Record<string, Doc[]> = {
      cpe: [{ name: 'ponPort', value: resources.accessPort }],
      bngSession: [{ name: 'rateProfile', value: rateProfile }, { name: 'accessType', value: 'IPoE' }],
    };
    const activations: Record<string, string> = {};
    for (const slot of ACTIVATION_ORDER) {
      const id = resources[slot]!;
      const activation = await call<Doc>({
        from: 'rom',
        method: 'POST',
        path: tmfPath('TMF702', 'resource'),
        body: {
          name: `Activate ${id}`,
          resourceRelationship: [{ relationshipType: 'targets', resource: { id, href: hrefById(tmf, 'Resource', id) } }],
          resourceCharacteristic: config[slot] ?? [],
        },
      });
      activations[slot] = String(activation.id);
    }
    return { activations, ...addToThread(...activationLinks(activations, resources)) };
  },
  // Takes the configuration off the network, last activated first (BNG session before the ONT).
  async compensate({ call, context }) {
    const activations = context.activations as Record<string, string>;
    for (const slot of [...ACTIVATION_ORDER].reverse()) {
      await call({ from: 'rom', method: 'PATCH', path: tmfPath('TMF702', 'resource', activations[slot]!), body: { administrativeState: 'locked' } });
    }
  },
};
