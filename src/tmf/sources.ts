import { randomUUID } from 'node:crypto';

/** Where time and fresh identifiers come from. Everything that stamps or names a record asks these. */
export interface Sources {
  now: () => Date;
  uuid: () => string;
}

/** The instant a deterministic run's virtual clock starts at. */
export const DETERMINISTIC_START = '2026-11-26T09:00:00.000Z';

/** The real clock and random UUIDs. */
export function systemSources(): Sources {
  return { now: () => new Date(), uuid: randomUUID };
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
