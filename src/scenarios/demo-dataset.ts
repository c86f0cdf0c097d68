import { loadCatalog } from '../catalog/index.js';
import { loadNetwork } from '../network/load-network.js';
import { demoNetwork, type Network } from '../network/topology.js';
import type { Doc } from '../store/port.js';
import { sequenceName } from '../tmf/ids.js';
import type { RequestMeta, TmfContext } from '../tmf/resource-service.js';
import { demoAddresses } from './demo-data/addresses.js';
import { loadParties } from './demo-data/load-parties.js';
import { demoCustomers, type DemoCustomer } from './demo-data/parties.js';

/** `--seed` choices: the demo dataset, or an empty stack. */
export const SeedChoices = { demo: 'demo', none: 'none' } as const;
export type SeedChoice = keyof typeof SeedChoices;

/** Where one readable-id sequence starts; `prefix` matches `idRules`. */
export interface SequenceStart {
  prefix: string;
  withYear: boolean;
  next: number;
}

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
] as const satisfies readonly SequenceStart[];

/**
 * Everything a stack is seeded with besides the catalog: the network (which the app must serve:
 * buildApp's `network`), the addresses and customers on it, and where the id sequences start.
 */
export interface Dataset {
  /** Recorded once per database: a dataset of this name is loaded only once. */
  name: string;
  network: Network;
  addresses: readonly Doc[];
  customers: readonly DemoCustomer[];
  sequenceStarts: readonly SequenceStart[];
}

/** The demo: east Toronto's network, its five premises and customers, the brief's id sequences. */
export const demoDataset: Dataset = {
  name: SeedChoices.demo,
  network: demoNetwork,
  addresses: demoAddresses,
  customers: demoCustomers,
  sequenceStarts: demoSequenceStarts,
};

/** The correlationId of the events the demo dataset's own writes emit. */
export const DEMO_SEED_META: RequestMeta = { correlationId: 'seed-demo' };

/**
 * Loads a dataset (catalog, parties and addresses, network, id sequences) once per database, in one
 * transaction: on a later start, or after a crash mid-load, it is all or nothing. The app must serve
 * the dataset's network (buildApp's `network`), or nothing is loaded.
 */
export async function loadDataset(ctx: TmfContext, dataset: Dataset, meta: RequestMeta = DEMO_SEED_META): Promise<boolean> {
  if (ctx.network.network !== dataset.network) throw new Error(`dataset ${dataset.name} is on another network than the app serves: build the app with its network`);
  const now = ctx.now();
  return ctx.store.transaction(async (tx) => {
    if (!(await tx.markDatasetLoaded(dataset.name, now.toISOString()))) return false;
    await loadCatalog(tx, ctx, meta);
    await loadParties(tx, ctx, meta, dataset);
    await loadNetwork(tx, ctx, meta);
    for (const start of dataset.sequenceStarts) {
      await tx.seedSequence(sequenceName(start.prefix, start.withYear ? now.getUTCFullYear() : undefined), start.next);
    }
    return true;
  });
}

/** Loads the demo dataset (see `loadDataset`). */
export async function loadDemoDataset(ctx: TmfContext): Promise<boolean> {
  return loadDataset(ctx, demoDataset);
}
