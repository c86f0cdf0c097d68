// Loads the simulated network into inventory: every element as a TMF639 resource and every capacity
// as a TMF685 resource pool, through the same write path as the API (events included). Idempotent:
// loading again changes nothing and emits nothing.

import type { Doc, Store } from '../store/port.js';
import { hrefOf, upsertInTx, type RequestMeta, type TmfContext } from '../tmf/resource-service.js';
import { networkResources, numberedResourceId, PoolKinds, poolDoc, type PoolDef } from './inventory-model.js';
import { POOL_TARGET, RESOURCE_TARGET } from './pools.js';
import type { Network } from './topology.js';

/**
 * Upserts the resources of the app's network (ctx.network), then its pools. A full port's 32 subscribers are its
 * `connectedOnts` count (and the BNG pool's installed base), not 32 customer journeys.
 */
export async function loadNetwork(tx: Store, ctx: TmfContext, meta: RequestMeta): Promise<void> {
  const { network, pools } = ctx.network;
  const href = (id: string) => hrefOf(ctx, RESOURCE_TARGET, id);
  const resources = networkResources(network, ctx);
  for (const doc of resources) await upsertInTx(tx, ctx, RESOURCE_TARGET, doc, meta);
  const refOf = (id: string): Doc => {
    const doc = resources.find((r) => r.id === id);
    return { id, href: href(id), name: doc?.name, '@referredType': doc?.['@type'] };
  };
  for (const pool of pools) {
    const { inUse, members } = initialUse(network, pool);
    await upsertInTx(tx, ctx, POOL_TARGET, poolDoc(network, pool, inUse, members.map(refOf), ctx), meta);
  }
}

function initialUse(network: Network, pool: PoolDef): { inUse: number; members: string[] } {
  switch (pool.kind) {
    case PoolKinds.port: {
      const port = network.ponPorts.find((p) => p.resourceId === pool.portId);
      return { inUse: port?.connectedOnts ?? 0, members: [pool.portId] };
    }
    case PoolKinds.stock:
      return { inUse: 0, members: [...pool.memberIds] };
    case PoolKinds.numbered:
      return { inUse: pool.baseInUse + pool.initiallyHeld.length, members: pool.initiallyHeld.map((n) => numberedResourceId(pool, n)) };
  }
}
