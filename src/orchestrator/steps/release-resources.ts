import type { Doc } from '../../store/port.js';
import type { DiffChange, ProductView } from '../diff/index.js';
import type { StepDefinition } from '../flow.js';
import { tmfPath, type TmfCall } from '../tmf-caller.js';

const RELEASE_ORDER = ['bngSession', 'vlanPair', 'cpe', 'drop', 'accessPort'];

/**
 * ROM takes what the diff deletes or modifies off the network (TMF702 activation → locked), and gives
 * back what it deletes (TMF685: the reservation items holding it → cancelled), so TMF639 shows them
 * idle and available and the port's capacity is restored. What the diff leaves alone is not touched.
 */
export const releaseResources: StepDefinition = {
  id: 'release-resources',
  actor: 'rom',
  title: 'Deactivate and release (TMF702, TMF685)',
  async run({ call, context }) {
    const changes = (context.changes as DiffChange[])
      .filter((c) => c.layer === 'resource' && (c.action === 'delete' || c.action === 'modify'))
      .sort((a, b) => RELEASE_ORDER.indexOf(a.slot) - RELEASE_ORDER.indexOf(b.slot));
    const line = lineResources(context.currentView as ProductView);
    const released: string[] = [];
    for (const change of changes) {
      const id = change.current!.instanceId!;
      await deactivate(call, id);
      if (change.action === 'delete') {
        await release(call, id, String(context.customerId), line);
        released.push(id);
      }
    }
    return { releasedResources: released };
  },
};

async function deactivate(call: TmfCall, resourceId: string): Promise<void> {
  const activations = await call<Doc[]>({
    from: 'rom',
    method: 'GET',
    path: `${tmfPath('TMF702', 'resource')}?administrativeState=unlocked&resourceRelationship.resource.id=${encodeURIComponent(resourceId)}`,
  });
  for (const activation of activations) {
    await call({ from: 'rom', method: 'PATCH', path: tmfPath('TMF702', 'resource', String(activation.id)), body: { administrativeState: 'locked' } });
  }
}

/** The resources the product runs on now. */
function lineResources(view: ProductView): Set<string> {
  return new Set(Object.values(view.nodes).flatMap((node) => (node.layer === 'resource' && node.instanceId ? [node.instanceId] : [])));
}

// A shared resource (a PON port) is held by many reservations, one slot each: the one given back is
// the reservation that also reserved this line's own resources (a customer may have two lines on one
// port), else any of this customer's.
async function release(call: TmfCall, resourceId: string, customerId: string, line: Set<string>): Promise<void> {
  const reservations = await call<Doc[]>({
    from: 'rom',
    method: 'GET',
    path: `${tmfPath('TMF685', 'reservation')}?state=completed&relatedParty.id=${encodeURIComponent(customerId)}&reservationItem.relatedEntity.id=${encodeURIComponent(resourceId)}`,
  });
  const holds = (item: Doc) => item.state === 'completed' && ((item.relatedEntity as Doc[] | undefined) ?? []).some((e) => e.role === 'reservedResource' && e.id === resourceId);
  const reservedForLine = (item: Doc) => ((item.relatedEntity as Doc[] | undefined) ?? []).some((e) => e.role === 'reservedResource' && e.id !== resourceId && line.has(String(e.id)));
  const holding = reservations.filter((r) => (r.reservationItem as Doc[]).some(holds));
  const reservation = holding.find((r) => (r.reservationItem as Doc[]).some(reservedForLine)) ?? holding[0];
  if (!reservation) return;
  let done = false;
  await call({
    from: 'rom',
    method: 'PATCH',
    path: tmfPath('TMF685', 'reservation', String(reservation.id)),
    body: {
      reservationItem: (reservation.reservationItem as Doc[]).map((item) => {
        if (done || !holds(item)) return item;
        done = true;
        return { ...item, state: 'cancelled' };
      }),
    },
  });
}
