import type { Doc } from '../../store/port.js';
import { StepWaiting, type StepDefinition } from '../flow.js';
import { addToThread } from '../trace.js';
import { tmfPath } from '../tmf-caller.js';
import { BOOKED, bookAppointment } from './book-appointment.js';
import { moveOrder } from './order-state.js';

/**
 * Until the customer has named an appointment on the order item, this step waits (the order stays
 * pending); then COM confirms the appointment and the order goes on (pending → inProgress).
 */
export const awaitCustomerSlot: StepDefinition = {
  id: 'await-customer-slot',
  actor: 'com',
  title: 'Resume once the customer has chosen (TMF622, TMF646)',
  async run({ call, context }) {
    const order = await call<Doc>({ from: 'com', method: 'GET', path: tmfPath('TMF622', 'productOrder', String(context.productOrderId)) });
    const appointmentId = ((order.productOrderItem as Doc[] | undefined) ?? []).map((item) => (item.appointment as Doc | undefined)?.id).find((id) => id !== undefined);
    const waiting = `product order ${String(context.productOrderId)} is pending: waiting for the customer to choose a visit slot`;
    if (appointmentId === undefined) throw new StepWaiting(waiting, 100);
    // Only a booked slot at this premises is taken: a mistyped id or another home's visit is not, and the order keeps waiting.
    const [appointment] = await call<Doc[]>({ from: 'com', method: 'GET', path: `${tmfPath('TMF646', 'appointment')}?id=${encodeURIComponent(String(appointmentId))}` });
    const unfit = !appointment ? 'does not exist'
      : (appointment.relatedPlace as Doc | undefined)?.id !== context.addressId ? `is not at ${String(context.addressId)}`
      : !BOOKED.includes(String(appointment.status)) ? `is ${String(appointment.status)}`
      : undefined;
    if (unfit) throw new StepWaiting(`${waiting} (appointment ${String(appointmentId)} named on it ${unfit})`, 100);
    await call({ from: 'com', method: 'PATCH', path: tmfPath('TMF646', 'appointment', String(appointmentId)), body: { status: 'confirmed' } });
    await moveOrder(call, 'com', 'TMF622', 'productOrder', String(context.productOrderId), 'inProgress');
    return {
      appointmentId,
      ...addToThread({ role: 'appointment', api: 'TMF646', resource: 'appointment', id: String(appointmentId), via: 'productOrderItem.appointment (chosen by the customer)' }),
    };
  },
  // The slot the customer chose is given back, as a booked one is.
  compensate: bookAppointment.compensate,
};
