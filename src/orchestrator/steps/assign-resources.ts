import type { StepDefinition } from '../flow.js';
import { tmfPath } from '../tmf-caller.js';
import type { ServiceItem } from './order-services.js';
import { refById } from './refs.js';

/** SOM records what each RFS runs on (`supportingResource`) and moves the services designed → reserved. */
export const assignResources: StepDefinition = {
  id: 'assign-resources',
  actor: 'som',
  title: 'Assign resources to the RFSs (TMF638)',
  async run({ call, context, tmf }) {
    const serviceIds = context.serviceIds as Record<string, string>;
    const resources = context.resources as Record<string, string>;
    for (const item of context.serviceItems as ServiceItem[]) {
      const supportingResource = (item.resources ?? []).map((r) => refById(tmf, 'Resource', resources[r.slot]));
      await call({
        from: 'som',
        method: 'PATCH',
        path: tmfPath('TMF638', 'service', serviceIds[item.itemId]!),
        body: { state: 'reserved', ...(supportingResource.length && { supportingResource }) },
      });
    }
  },
};
