import { subscriberReservationItems } from '../../network/reservation-plan.js';
import type { Technology } from '../../network/optical-budget.js';
import type { Doc } from '../../store/port.js';
import { JourneyStopped, type StepDefinition } from '../flow.js';
import { extendThread } from '../trace.js';
import { tmfPath } from '../tmf-caller.js';
import { moveOrder } from './order-state.js';
import { customerParty } from './refs.js';

/**
 * ROM does AAR through TMF685: an availability check, then one reservation of the five
 * per-subscriber resources; the resource order items then name the instances reserved.
 */
export const reserveResources: StepDefinition = {
  id: 'reserve-resources',
  actor: 'rom',
  title: 'Availability check and reservation (TMF685)',
  async run({ call, context }) {
    const order = await moveOrder(call, 'rom', 'TMF652', 'resourceOrder', String(context.resourceOrderId), 'inProgress');
    const reservationItem = subscriberReservationItems(String(context.addressId), context.networkTechnology as Technology);
    const check = await call<Doc>({ from: 'rom', method: 'POST', path: tmfPath('TMF685', 'availabilityCheck'), body: { reservationItem } });
    const unavailable = (check.reservationItem as Doc[]).filter((item) => item.state !== 'completed');
    if (unavailable.length) throw new JourneyStopped('AAR', `not available: ${unavailable.map((i) => String(i.id)).join(', ')}`);
    const reservation = await call<Doc>({
      from: 'rom',
      method: 'POST',
      path: tmfPath('TMF685', 'reservation'),
      body: { description: `Resources of ${String(context.resourceOrderId)}`, relatedParty: [customerParty(context)], reservationItem },
    });
    const resources: Record<string, string> = {};
    for (const item of reservation.reservationItem as Doc[]) {
      const reserved = (item.relatedEntity as Doc[]).find((e) => e.role === 'reservedResource');
      resources[String(item.id)] = String(reserved?.id);
    }
    await call({
      from: 'rom',
      method: 'PATCH',
      path: tmfPath('TMF652', 'resourceOrder', String(context.resourceOrderId)),
      body: {
        orderItem: (order.orderItem as Doc[]).map((item) => ({
          ...item,
          resource: { id: resources[String(item.id)], href: tmfPath('TMF639', 'resource', resources[String(item.id)]!), '@referredType': 'Resource' },
        })),
      },
    });
    return {
      reservationId: reservation.id,
      resources,
      ...extendThread(
        context,
        { role: 'reservation', api: 'TMF685', resource: 'reservation', id: String(reservation.id), via: 'ROM availability check + reservation' },
        ...Object.entries(resources).map(([slot, id]) => ({ role: `resource:${slot}`, api: 'TMF639', resource: 'resource', id, via: 'reservationItem.relatedEntity (reservedResource)' })),
      ),
    };
  },
  // Cancelling the reservation gives the resources back (usageState idle) and the capacity to the pools.
  async compensate({ call, context }) {
    await call({ from: 'rom', method: 'PATCH', path: tmfPath('TMF685', 'reservation', String(context.reservationId)), body: { state: 'cancelled' } });
  },
};
