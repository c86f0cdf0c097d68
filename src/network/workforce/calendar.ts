// The installation crews' calendar as data: working days, the morning and afternoon shifts in the
// central office's time zone, and how many crews work each shift. Slots are computed from a clock
// reading, so the same virtual clock offers the same slots.

/** The field crews of Toronto East: Monday to Friday, mornings and afternoons, two crews a shift. */
export const InstallationCalendar = {
  timeZone: 'America/Toronto',
  /** Days of the week with shifts, 0 = Sunday. */
  workingDays: [1, 2, 3, 4, 5],
  shifts: [
    { id: 'am', start: '08:00', end: '12:00' },
    { id: 'pm', start: '13:00', end: '17:00' },
  ],
  /** Visits one shift can take: one per crew. */
  crews: 2,
  /** How many slots a search offers at most: three working days of mornings and afternoons. */
  slotsOffered: 6,
  /** How far ahead the calendar is open, in days; the earliest visit is the next day. */
  horizonDays: 28,
} as const;

/** One shift on one day, e.g. `ts-2026-11-27-am`, with its start and end as UTC instants. */
export interface CalendarSlot {
  id: string;
  startDateTime: string;
  endDateTime: string;
}

/** Every slot from the day after `at` (local date) to the end of the horizon, in time order. */
export function slotsAfter(at: Date): CalendarSlot[] {
  const today = localDate(at);
  return Array.from({ length: InstallationCalendar.horizonDays }, (_, i) => addDays(today, i + 1)).flatMap(slotsOn);
}

/** The calendar slot a period is exactly, if it is one. */
export function slotMatching(validFor: unknown): CalendarSlot | undefined {
  const period = (validFor ?? {}) as { startDateTime?: unknown; endDateTime?: unknown };
  const start = instant(period.startDateTime);
  const end = instant(period.endDateTime);
  if (start === undefined || end === undefined) return undefined;
  return slotsOn(localDate(new Date(start))).find((s) => s.startDateTime === start && s.endDateTime === end);
}

/** A date-time string as a UTC ISO instant, so periods written with other offsets compare equal. */
export function instant(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

// A day's slots depend on the day alone, and working them out (zone offsets) is the costly part of a search.
const slotsByDay = new Map<string, readonly CalendarSlot[]>();
const SLOT_DAYS_KEPT = 1024;

function slotsOn(day: string): readonly CalendarSlot[] {
  let slots = slotsByDay.get(day);
  if (!slots) {
    if (slotsByDay.size >= SLOT_DAYS_KEPT) slotsByDay.clear();
    slots = Object.freeze(dailySlots(day).map((slot) => Object.freeze(slot)));
    slotsByDay.set(day, slots);
  }
  return slots;
}

function dailySlots(day: string): CalendarSlot[] {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  if (!(InstallationCalendar.workingDays as readonly number[]).includes(weekday)) return [];
  return InstallationCalendar.shifts.map((shift) => ({
    id: `ts-${day}-${shift.id}`,
    startDateTime: localTime(day, shift.start),
    endDateTime: localTime(day, shift.end),
  }));
}

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

// The UTC instant of a wall-clock time on a day in the calendar's zone; the second pass settles the
// offset when the first guess falls on the other side of a daylight-saving change.
function localTime(day: string, time: string): string {
  const wall = Date.parse(`${day}T${time}:00Z`);
  const guess = wall - offsetAt(wall);
  return new Date(wall - offsetAt(guess)).toISOString();
}

function localDate(at: Date): string {
  const { year, month, day } = partsAt(at.getTime());
  return `${year}-${month}-${day}`;
}

// How far the zone's wall clock is ahead of UTC at an instant, in milliseconds.
function offsetAt(ms: number): number {
  const p = partsAt(ms);
  return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second)) - Math.floor(ms / 1000) * 1000;
}

const wallClock = new Intl.DateTimeFormat('en-US', {
  timeZone: InstallationCalendar.timeZone,
  hourCycle: 'h23',
  year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
});

function partsAt(ms: number): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', string> {
  const parts = Object.fromEntries(wallClock.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!, second: parts.second! };
}
