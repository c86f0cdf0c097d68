import { randomFillSync } from 'node:crypto';

/** Where time and fresh identifiers come from. Everything that stamps or names a record asks these. */
export interface Sources {
  now: () => Date;
  uuid: () => string;
}

/** The instant a deterministic run's virtual clock starts at. */
export const DETERMINISTIC_START = '2026-11-26T09:00:00.000Z';

/** The real clock and time-ordered UUIDs. */
export function systemSources(): Sources {
  return { now: () => new Date(), uuid: () => timeOrderedUuid(Date.now()) };
}

// Random bytes drawn 256 ids at a time: one draw per id would cost more than the rest of the id.
const ENTROPY = Buffer.alloc(16 * 256);
let drawn = ENTROPY.length;

/**
 * A version 7 UUID (RFC 9562): the Unix time in milliseconds, then 74 random bits. Ids minted later
 * sort later, so each new event, resource or link lands at the end of its index instead of on a
 * random page of it, and inserts stay as cheap as the tables grow.
 */
export function timeOrderedUuid(unixMs: number): string {
  if (drawn === ENTROPY.length) {
    randomFillSync(ENTROPY);
    drawn = 0;
  }
  const bytes = ENTROPY.subarray(drawn, (drawn += 16));
  bytes.writeUIntBE(unixMs, 0, 6);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * A virtual clock that moves 1 ms per reading and UUIDs from a counter: the same sequence of work
 * on the same data yields the same timestamps and ids, byte for byte.
 */
export function deterministicSources(start: string = DETERMINISTIC_START): Sources {
  let tick = 0;
  let counter = 0;
  const origin = Date.parse(start);
  return {
    now: () => new Date(origin + tick++),
    uuid: () => `00000000-0000-4000-8000-${(++counter).toString(16).padStart(12, '0')}`,
  };
}
