// Loads the simulated network into inventory: every element as a TMF639 resource and every capacity
// as a TMF685 resource pool, through the same write path as the API (events included). Idempotent:
// loading again changes nothing and emits nothing.

import type { Doc, Store } from '../store/port.js';
import { hrefOf, upsertInTx, type RequestMeta, type TmfContext } from '../tmf/resource-service.js';
import { networkPools, networkResources, numberedResourceId, PoolKinds, poolDoc, type PoolDef } from './inventory-model.js';
import { POOL_TARGET, RESOURCE_TARGET } from './pools.js';
import { demoNetwork } from './topology.js';

/**
 * Upserts the demo network's resources, then its pools. A full port's 32 subscribers are its
 * `connectedOnts` count (and the BNG pool's installed base), not 32 customer journeys.
 */
export async function loadNetwork(tx: Store, ctx: TmfContext, meta: RequestMeta): Promise<void> {
  const href = (id: string) => hrefOf(ctx, RESOURCE_TARGET, id);
  const resources = networkResources(demoNetwork, href);
  for (const doc of resources) await upsertInTx(tx, ctx, RESOURCE_TARGET, doc, meta);
  const refOf = (id: string): Doc => {
    const doc = resources.find((r) => r.id === id);
    return { id, href: href(id), name: doc?.name, '@referredType': doc?.['@type'] };
  };
  for (const pool of networkPools(demoNetwork)) {
    const { inUse, members } = initialUse(pool);
    await upsertInTx(tx, ctx, POOL_TARGET, poolDoc(demoNetwork, pool, inUse, members.map(refOf)), meta);
  }
}

function initialUse(pool: PoolDef): { inUse: number; members: string[] } {
  switch (pool.kind) {
    case PoolKinds.port: {
      const port = demoNetwork.ponPorts.find((p) => p.resourceId === pool.portId);
      return { inUse: port?.connectedOnts ?? 0, members: [pool.portId] };
    }
    case PoolKinds.stock:
      return { inUse: 0, members: [...pool.memberIds] };
    case PoolKinds.numbered:
      return { inUse: pool.baseInUse + pool.initiallyHeld.length, members: pool.initiallyHeld.map((n) => numberedResourceId(pool, n)) };
  }
}
