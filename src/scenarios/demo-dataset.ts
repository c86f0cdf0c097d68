import { loadCatalog } from '../catalog/index.js';
import { loadNetwork } from '../network/load-network.js';
import { sequenceName } from '../tmf/ids.js';
import type { RequestMeta, TmfContext } from '../tmf/resource-service.js';
import { loadParties } from './demo-data/load-parties.js';

/** `--seed` choices: the demo dataset, or an empty stack. */
export const SeedChoices = { demo: 'demo', none: 'none' } as const;
export type SeedChoice = keyof typeof SeedChoices;

/**
 * Where the demo's id sequences start, so that the first GPON journey gets the ids operators know
 * from the brief (po-ord-2026-00789, so-2026-00789, ro-2026-00321, svc-cfs-gpon-00456) and the
 * next journey the next numbers. Prefixes match `idRules`.
 */
export const demoSequenceStarts = [
  { prefix: 'po-ord', withYear: true, next: 789 },
  { prefix: 'so', withYear: true, next: 789 },
  { prefix: 'ro', withYear: true, next: 321 },
  { prefix: 'svc-cfs-gpon', withYear: false, next: 456 },
] as const;

/** The correlationId of the events the demo dataset's own writes emit. */
export const DEMO_SEED_META: RequestMeta = { correlationId: 'seed-demo' };

/**
 * Loads the demo dataset (catalog, parties and addresses, GPON network, id sequences) once per
 * database, in one transaction: on a later start, or after a crash mid-load, it is all or nothing.
 */
export async function loadDemoDataset(ctx: TmfContext): Promise<boolean> {
  const now = ctx.now();
  return ctx.store.transaction(async (tx) => {
    if (!(await tx.markDatasetLoaded(SeedChoices.demo, now.toISOString()))) return false;
    await loadCatalog(tx, ctx, DEMO_SEED_META);
    await loadParties(tx, ctx, DEMO_SEED_META);
    await loadNetwork(tx, ctx, DEMO_SEED_META);
    for (const start of demoSequenceStarts) {
      await tx.seedSequence(sequenceName(start.prefix, start.withYear ? now.getUTCFullYear() : undefined), start.next);
    }
    return true;
  });
}
