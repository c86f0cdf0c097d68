// Crash runs pick their kill delays from a seeded generator, so a failing run can be replayed with
// `CRASH_SEED=<seed> npm run test:slow`; where a kill lands also depends on timing, so a seed makes a
// failure likely again, not certain.

/** The seed of this run: CRASH_SEED, or a fixed default. */
export const CRASH_SEED = Number(process.env.CRASH_SEED ?? 20_261_126);

/** mulberry32: a small seeded PRNG in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
