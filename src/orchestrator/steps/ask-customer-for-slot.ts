import { publishEvent } from '../../events/publish.js';
import type { Doc } from '../../store/port.js';
import { eventDomain, targetOf } from '../../tmf/resource-service.js';
import { JourneyStopped, type StepDefinition } from '../flow.js';
import { tmfPath } from '../tmf-caller.js';
import { refById } from './refs.js';
import { moveOrder } from './order-state.js';

const SEARCH_WINDOW_DAYS = 14;
const PRODUCT_ORDER = targetOf('TMF622', 'productOrder');

/**
 * The visit needs the customer to choose a slot: COM finds the free slots (TMF646), puts the order
 * `pending` (waiting on the requester, not on the provider) and tells the customer with a
 * ProductOrderInformationRequiredEvent that carries the slots on offer.
 */
export const askCustomerForSlot: StepDefinition = {
  id: 'ask-customer-for-slot',
  actor: 'com',
  title: 'Ask the customer to choose a visit slot (TMF646, TMF622 pending)',
  async run({ call, context, tx, tmf, run }) {
    const from = tmf.now();
    const to = new Date(from.getTime() + SEARCH_WINDOW_DAYS * 86_400_000);
    const search = await call<Doc>({
      from: 'com',
      method: 'POST',
      path: tmfPath('TMF646', 'searchTimeSlot'),
      body: {
        relatedPlace: refById(tmf, 'GeographicAddress', context.addressId, { role: 'installationAddress' }),
        requestedTimeSlot: [{ validFor: { startDateTime: from.toISOString(), endDateTime: to.toISOString() } }],
      },
    });
    const slots = (search.availableTimeSlot as Doc[] | undefined) ?? [];
    if (!slots.length) throw new JourneyStopped('NO-SLOT', `no visit slot in the next ${SEARCH_WINDOW_DAYS} days`);
    const order = await moveOrder(call, 'com', 'TMF622', 'productOrder', String(context.productOrderId), 'pending');
    await publishEvent(
      tx,
      { api: PRODUCT_ORDER.api.id, resource: PRODUCT_ORDER.resource.name, resourceId: String(order.id) },
      {
        eventId: tmf.uuid(),
        eventType: 'ProductOrderInformationRequiredEvent',
        payloadKey: 'productOrder',
        payload: order,
        correlationId: run.correlationId,
        domain: eventDomain(PRODUCT_ORDER.api),
        at: tmf.now().toISOString(),
        title: 'Choose a visit slot',
        description: `Book one of the offered slots (TMF646 appointment) and name it in productOrderItem.appointment. Offered: ${slots.map((s) => String((s.validFor as Doc).startDateTime)).join(', ')}`,
      },
    );
    return { slotSearchId: search.id };
  },
};
