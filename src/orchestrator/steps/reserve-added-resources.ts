import { subscriberReservationItems } from '../../network/reservation-plan.js';
import type { Technology } from '../../network/optical-budget.js';
import type { Doc } from '../../store/port.js';
import type { DiffChange } from '../diff/index.js';
import { JourneyStopped, type StepDefinition } from '../flow.js';
import { addToThread } from '../trace.js';
import { tmfPath } from '../tmf-caller.js';
import { customerParty, refById } from './refs.js';

/**
 * ROM reserves only what the diff adds (TMF685): the same per-subscriber plan a provision uses, for
 * the target technology, narrowed to the added slots; an availability check first. The resource
 * order's add items then name the instances reserved.
 */
export const reserveAddedResources: StepDefinition = {
  id: 'reserve-added-resources',
  actor: 'rom',
  title: 'Reserve the added resources (TMF685)',
  async run({ call, context, tmf }) {
    const added = new Set((context.changes as DiffChange[]).filter((c) => c.layer === 'resource' && c.action === 'add').map((c) => c.slot));
    if (!added.size) return { addedResources: {} };
    const reservationItem = subscriberReservationItems(tmf, String(context.addressId), context.networkTechnology as Technology, tmf.network.network).filter((item) => added.has(String(item.id)));
    const check = await call<Doc>({ from: 'rom', method: 'POST', path: tmfPath('TMF685', 'availabilityCheck'), body: { reservationItem } });
    const unavailable = (check.reservationItem as Doc[]).filter((item) => item.state !== 'completed');
    if (unavailable.length) throw new JourneyStopped('AAR', `not available: ${unavailable.map((i) => String(i.id)).join(', ')}`);
    const reservation = await call<Doc>({
      from: 'rom',
      method: 'POST',
      path: tmfPath('TMF685', 'reservation'),
      body: { description: `Resources added by ${String(context.resourceOrderId)}`, relatedParty: [customerParty(tmf, context)], reservationItem },
    });
    const addedResources: Record<string, string> = {};
    for (const item of reservation.reservationItem as Doc[]) {
      addedResources[String(item.id)] = String((item.relatedEntity as Doc[]).find((e) => e.role === 'reservedResource')?.id);
    }
    const path = tmfPath('TMF652', 'resourceOrder', String(context.resourceOrderId));
    const order = await call<Doc>({ from: 'rom', method: 'GET', path });
    await call({
      from: 'rom',
      method: 'PATCH',
      path,
      body: {
        orderItem: (order.orderItem as Doc[]).map((item) => {
          const slot = String(item.id).replace(/^add-/, '');
          return item.action === 'add' && addedResources[slot]
            ? { ...item, resource: refById(tmf, 'Resource', addedResources[slot]) }
            : item;
        }),
      },
    });
    return {
      addedReservationId: reservation.id,
      addedResources,
      ...addToThread({ role: 'reservation', api: 'TMF685', resource: 'reservation', id: String(reservation.id), via: 'ROM availability check + reservation' },
        ...Object.entries(addedResources).map(([slot, id]) => ({ role: `resource:${slot}`, api: 'TMF639', resource: 'resource', id, via: 'reservationItem.relatedEntity (reservedResource)' })),
      ),
    };
  },
  // Cancelling the reservation gives the added resources back (usageState idle) and their capacity to the pools.
  async compensate({ call, context }) {
    if (context.addedReservationId === undefined) return;
    await call({ from: 'rom', method: 'PATCH', path: tmfPath('TMF685', 'reservation', String(context.addedReservationId)), body: { state: 'cancelled' } });
  },
};
