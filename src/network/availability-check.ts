// TMF685 availabilityCheck as the first A of AAR: says what the pools could give, allocating nothing.
// The v4 AvailabilityCheck declares no attributes of its own, so Spine reads and answers it in the
// reservation's vocabulary: the client sends the `reservationItem`s it would reserve, and each comes
// back with `appliedCapacity` = what the pool has available, `state` completed (enough) or rejected
// (not enough), a `stateChangeReason` in words, and the resources a reservation would get as
// `candidateResource` relatedEntities. POSTing the same items to /reservation then reserves them.

import type { Doc } from '../store/port.js';
import type { ResourceBehaviour } from '../tmf/resource-service.js';
import { ResourceStatuses } from './inventory-model.js';
import { availabilityOf, refTo, requireResource, type Availability } from './pools.js';
import { clientRefs, ItemRoles, itemsOf, readItem, ReservationStates } from './reservation-items.js';

/** Fills each item of an availability check with what the network has; writes nothing but the check itself. */
export const availabilityCheckBehaviour: ResourceBehaviour = {
  async onCreate(tx, doc, env) {
    const results: Doc[] = [];
    for (const [index, item] of itemsOf(doc).entries()) {
      const request = await readItem(tx, env.ctx.network, item, index);
      const { available, total, unit, candidates } = 'resource' in request
        ? single(request.resource)
        : request.memberId
          ? single(await requireResource(tx, request.memberId, `reservationItem[${index}]`))
          : await availabilityOf(tx, env, request.pool, request.quantity);
      const enough = available >= request.quantity;
      results.push({
        ...item,
        id: item.id ?? String(index + 1),
        quantity: request.quantity,
        state: enough ? ReservationStates.completed : ReservationStates.rejected,
        stateChangeDate: env.at,
        stateChangeReason: `${available} of ${total} ${unit} available${'pool' in request ? ` in ${request.pool.id}` : ''}, ${request.quantity} requested`,
        appliedCapacity: { capacityAmount: { capacityAmount: `${available} ${unit}` } },
        relatedEntity: [...clientRefs(item), ...(enough ? candidates : []).map((ref) => ({ ...ref, role: ItemRoles.candidateResource }))],
      });
    }
    return { ...doc, reservationItem: results };
  },
};

function single(resource: Doc): Availability {
  const free = resource.resourceStatus === ResourceStatuses.available;
  return { available: free ? 1 : 0, total: 1, inUse: free ? 0 : 1, unit: 'ea', candidates: [refTo(resource)] };
}
