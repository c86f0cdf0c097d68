import type { StepDefinition } from '../flow.js';
import { tmfPath } from '../tmf-caller.js';
import type { ServiceItem } from './order-services.js';
import { partialOf } from '../policies/partial.js';

/**
 * SOM marks the services active in the inventory, RFSs before the CFSs they support. This is the
 * service's state (the thing exists and works), separate from the order's (the work is done).
 * Items a partial completion gave up on are left to the follow-up order.
 */
export const activateServices: StepDefinition = {
  id: 'activate-services',
  actor: 'som',
  title: 'RFS and CFS active (TMF638)',
  async run({ call, context, tmf }) {
    const serviceIds = context.serviceIds as Record<string, string>;
    const failed = partialOf(context)?.failedItems ?? [];
    const items = (context.serviceItems as ServiceItem[]).filter((item) => !failed.includes(item.itemId)).reverse();
    for (const item of items) {
      await call({ from: 'som', method: 'PATCH', path: tmfPath('TMF638', 'service', serviceIds[item.itemId]!), body: { state: 'active', startDate: tmf.now().toISOString() } });
    }
  },
};
