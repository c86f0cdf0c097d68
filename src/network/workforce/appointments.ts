// TMF646 over the installation calendar (calendar.ts). A searchTimeSlot answers at once (status done)
// with the next free slots inside the requested periods (any, when none are given); a slot is free
// while fewer appointments hold it than there are crews. Booking or moving an appointment onto a
// slot every crew already holds is refused with 409; a period that is no calendar slot (an agreed
// out-of-hours visit) is not the calendar's to judge.

import type { Doc, Store } from '../../store/port.js';
import { TmfError } from '../../tmf/errors.js';
import { targetOf, type BehaviourEnv, type ResourceBehaviour } from '../../tmf/resource-service.js';
import { instant, InstallationCalendar, slotMatching, slotsAfter } from './calendar.js';

// TMF646 SearchTimeSlotStateType and searchResult values Spine answers with.
const SearchOutcomes = { done: 'done', success: 'success', fail: 'fail' } as const;

// Appointment statuses that hold a crew for their slot (a cancelled or failed one gives it back).
const SlotHoldingStatuses = ['initialized', 'confirmed', 'completed'] as const;

const APPOINTMENT_TARGET = targetOf('TMF646', 'appointment');

/** Answers a search with the calendar's free slots, deterministic for a given clock. */
export const searchTimeSlotBehaviour: ResourceBehaviour = {
  async onCreate(tx, doc, env) {
    const windows = requestedWindows(doc);
    const held = await heldSlots(tx, env.at);
    const offered = slotsAfter(new Date(env.at))
      .filter((slot) => (held.get(periodKey(slot)!) ?? 0) < crewsOf(env))
      .filter((slot) => !windows.length || windows.some((w) => (!w.start || slot.startDateTime >= w.start) && (!w.end || slot.endDateTime <= w.end)))
      .slice(0, InstallationCalendar.slotsOffered);
    return {
      ...doc,
      status: SearchOutcomes.done,
      searchResult: offered.length ? SearchOutcomes.success : SearchOutcomes.fail,
      availableTimeSlot: offered.map((slot) => ({ id: slot.id, '@type': 'TimeSlot', validFor: { startDateTime: slot.startDateTime, endDateTime: slot.endDateTime } })),
    };
  },
};

/** Keeps a calendar slot to as many appointments as there are crews, on booking and on reschedule. */
export const appointmentBehaviour: ResourceBehaviour = {
  async onCreate(tx, doc, env) {
    await requireFreeSlot(tx, doc, crewsOf(env));
  },
  async onPatch(tx, current, next, env) {
    if (periodKey(next.validFor) !== periodKey(current.validFor)) await requireFreeSlot(tx, next, crewsOf(env));
  },
};

// Crews per shift: the served network's own count, else the calendar's.
function crewsOf(env: BehaviourEnv): number {
  return env.ctx.network.network.installationCrews ?? InstallationCalendar.crews;
}

async function requireFreeSlot(tx: Store, appointment: Doc, crews: number): Promise<void> {
  const slot = slotMatching(appointment.validFor);
  if (!slot) return;
  const held = (await heldSlots(tx, slot.endDateTime, String(appointment.id))).get(periodKey(slot)!) ?? 0;
  if (held >= crews) {
    throw new TmfError('CONFLICT', `time slot ${slot.id} (${slot.startDateTime} to ${slot.endDateTime}) is fully booked: ${held} of ${crews} crews`);
  }
}

// How many appointments hold each period ending at or after `from`, by start and end instant (earlier
// ones may be counted too); `except` leaves one appointment out.
async function heldSlots(tx: Store, from: string, except?: string): Promise<Map<string, number>> {
  const records = await tx.listResources({
    api: APPOINTMENT_TARGET.api.id,
    resource: APPOINTMENT_TARGET.resource.name,
    states: [...SlotHoldingStatuses],
    notBefore: { path: ['validFor', 'endDateTime'], at: from },
  });
  const held = new Map<string, number>();
  for (const { id, doc } of records) {
    const key = periodKey(doc.validFor);
    if (id !== except && key) held.set(key, (held.get(key) ?? 0) + 1);
  }
  return held;
}

// A period as its start and end instants, undefined unless it has both.
function periodKey(validFor: unknown): string | undefined {
  const period = (validFor ?? {}) as Doc;
  const start = instant(period.startDateTime);
  const end = instant(period.endDateTime);
  return start && end ? `${start}/${end}` : undefined;
}

function requestedWindows(doc: Doc): { start?: string; end?: string }[] {
  const requested = Array.isArray(doc.requestedTimeSlot) ? (doc.requestedTimeSlot as Doc[]) : [];
  return requested.map((slot) => {
    const validFor = slot.validFor as Doc | undefined;
    return { start: instant(validFor?.startDateTime), end: instant(validFor?.endDateTime) };
  });
}
