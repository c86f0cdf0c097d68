import type { Doc } from '../../store/port.js';
import { JourneyStopped, type StepDefinition } from '../flow.js';
import { addToThread } from '../trace.js';
import { tmfPath } from '../tmf-caller.js';
import { customerParty, refById } from './refs.js';

const SEARCH_WINDOW_DAYS = 14;

/** A new ONT needs a technician: COM finds a slot with workforce (TMF646) and books it. */
export const bookAppointment: StepDefinition = {
  id: 'book-appointment',
  actor: 'com',
  title: 'Book the installation visit (TMF646)',
  async run({ call, context, tmf }) {
    const from = tmf.now();
    const to = new Date(from.getTime() + SEARCH_WINDOW_DAYS * 86_400_000);
    const place = refById(tmf, 'GeographicAddress', context.addressId, { role: 'installationAddress' });
    const search = await call<Doc>({
      from: 'com',
      method: 'POST',
      path: tmfPath('TMF646', 'searchTimeSlot'),
      body: { relatedPlace: place, requestedTimeSlot: [{ validFor: { startDateTime: from.toISOString(), endDateTime: to.toISOString() } }] },
    });
    const slot = (search.availableTimeSlot as Doc[] | undefined)?.[0];
    if (!slot) throw new JourneyStopped('NO-SLOT', `no installation slot in the next ${SEARCH_WINDOW_DAYS} days`);
    const appointment = await call<Doc>({
      from: 'com',
      method: 'POST',
      path: tmfPath('TMF646', 'appointment'),
      body: { category: 'installation', description: 'ONT installation and drop splice', validFor: slot.validFor, relatedPlace: place, relatedParty: [customerParty(tmf, context)] },
    });
    await call({ from: 'com', method: 'PATCH', path: tmfPath('TMF646', 'appointment', String(appointment.id)), body: { status: 'confirmed' } });
    return {
      appointmentId: appointment.id,
      ...addToThread({ role: 'appointment', api: 'TMF646', resource: 'appointment', id: String(appointment.id) }),
    };
  },
  // Cancelling the appointment gives its slot back to the installation calendar; a visit that took place stays completed.
  async compensate({ call, context }) {
    const path = tmfPath('TMF646', 'appointment', String(context.appointmentId));
    const appointment = await call<Doc>({ from: 'com', method: 'GET', path });
    if (BOOKED.includes(String(appointment.status))) await call({ from: 'com', method: 'PATCH', path, body: { status: 'cancelled' } });
  },
};

/** The appointment statuses that hold a slot for a visit still to come. */
export const BOOKED: readonly string[] = ['initialized', 'confirmed'];
