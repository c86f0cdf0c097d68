import type { StepDefinition } from '../flow.js';
import { tmfPath } from '../tmf-caller.js';
import type { ServiceItem } from './order-services.js';

/**
 * SOM marks the services active in the inventory, RFSs before the CFSs they support. This is the
 * service's state (the thing exists and works), separate from the order's (the work is done).
 */
export const activateServices: StepDefinition = {
  id: 'activate-services',
  actor: 'som',
  title: 'RFS and CFS active (TMF638)',
  async run({ call, context, tmf }) {
    const serviceIds = context.serviceIds as Record<string, string>;
    const items = [...(context.serviceItems as ServiceItem[])].reverse();
    for (const item of items) {
      await call({ from: 'som', method: 'PATCH', path: tmfPath('TMF638', 'service', serviceIds[item.itemId]!), body: { state: 'active', startDate: tmf.now().toISOString() } });
    }
  },
};
