import { adjacentPortPlans, subscriberReservationPlan, type ReservationPlan } from '../../network/reservation-plan.js';
import type { Technology } from '../../network/optical-budget.js';
import { portLabel } from '../../network/topology.js';
import type { Doc } from '../../store/port.js';
import { JourneyStopped, type StepDefinition, type StepContext } from '../flow.js';
import { addToThread } from '../trace.js';
import { tmfPath } from '../tmf-caller.js';
import { moveOrder } from './order-state.js';
import { customerParty, refById } from './refs.js';

/**
 * ROM does AAR through TMF685: an availability check, then one reservation of the five
 * per-subscriber resources; the resource order items then name the instances reserved. When the
 * port the address qualified on has filled up since (another journey took its last place), ROM
 * re-plans on another port of the same OLT that reaches the address within budget and has room,
 * and says so on the resource order; with none, the journey stops as before.
 */
export const reserveResources: StepDefinition = {
  id: 'reserve-resources',
  actor: 'rom',
  title: 'Availability check and reservation (TMF685)',
  async run(step) {
    const { call, context } = step;
    const order = await moveOrder(call, 'rom', 'TMF652', 'resourceOrder', String(context.resourceOrderId), 'inProgress');
    const { plan, replanned } = await availablePlan(step);
    const reservation = await call<Doc>({
      from: 'rom',
      method: 'POST',
      path: tmfPath('TMF685', 'reservation'),
      body: {
        description: `Resources of ${String(context.resourceOrderId)}${replanned ? ` (${replanned})` : ''}`,
        relatedParty: [customerParty(step.tmf, context)],
        reservationItem: plan.items,
      },
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
          resource: refById(step.tmf, 'Resource', resources[String(item.id)]),
        })),
        ...(replanned && { note: [...((order.note as Doc[] | undefined) ?? []), { author: 'ROM', date: step.tmf.now().toISOString(), text: replanned }] }),
      },
    });
    return {
      reservationId: reservation.id,
      resources,
      ...(replanned && { replanned }),
      ...addToThread({ role: 'reservation', api: 'TMF685', resource: 'reservation', id: String(reservation.id), via: 'ROM availability check + reservation' },
        ...Object.entries(resources).map(([slot, id]) => ({ role: `resource:${slot}`, api: 'TMF639', resource: 'resource', id, via: 'reservationItem.relatedEntity (reservedResource)' })),
      ),
    };
  },
  // Cancelling the reservation gives the resources back (usageState idle) and the capacity to the pools.
  async compensate({ call, context }) {
    await call({ from: 'rom', method: 'PATCH', path: tmfPath('TMF685', 'reservation', String(context.reservationId)), body: { state: 'cancelled' } });
  },
};

/** The plan the pools can give now: the serving route's, else an adjacent port's (with why), else the journey stops. */
async function availablePlan({ call, context, tmf }: StepContext): Promise<{ plan: ReservationPlan; replanned?: string }> {
  const technology = context.networkTechnology as Technology;
  const { network } = tmf.network;
  const planned = subscriberReservationPlan(tmf, String(context.addressId), technology, network);
  const check = async (plan: ReservationPlan) =>
    (await call<Doc>({ from: 'rom', method: 'POST', path: tmfPath('TMF685', 'availabilityCheck'), body: { reservationItem: plan.items } })).reservationItem as Doc[];
  const unavailable = (await check(planned)).filter((item) => item.state !== 'completed');
  if (!unavailable.length) return { plan: planned };
  const stop = () => new JourneyStopped('AAR', `not available: ${unavailable.map((i) => String(i.id)).join(', ')}`);
  // Only a full port is worth another route; anything else short (ONTs, sessions) is short on every port.
  if (unavailable.some((item) => item.id !== 'accessPort')) throw stop();
  for (const alternative of adjacentPortPlans(tmf, String(context.addressId), technology, network, planned.leg.port.resourceId)) {
    const answered = await check(alternative);
    if (answered.some((item) => item.state !== 'completed')) continue;
    const room = answered.find((item) => item.id === 'accessPort')?.stateChangeReason;
    const { budget } = alternative.leg;
    return {
      plan: alternative,
      replanned:
        `re-planned from ${portLabel(planned.leg.port)}, full since qualification (${String(unavailable[0]!.stateChangeReason)}), ` +
        `to ${portLabel(alternative.leg.port)} via ${alternative.leg.splitter.id} (${String(room)}; ${budget.lossDb.toFixed(1)} dB of ${budget.maxDb.toFixed(1)} dB)`,
    };
  }
  throw stop();
}
