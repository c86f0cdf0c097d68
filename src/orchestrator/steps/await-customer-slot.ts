import type { Doc } from '../../store/port.js';
import { StepWaiting, type StepDefinition } from '../flow.js';
import { addToThread } from '../trace.js';
import { tmfPath } from '../tmf-caller.js';
import { bookAppointment } from './book-appointment.js';
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
    if (appointmentId === undefined) throw new StepWaiting(`product order ${String(context.productOrderId)} is pending: waiting for the customer to choose a visit slot`, 100);
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
