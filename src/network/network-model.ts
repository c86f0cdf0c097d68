// The simulated network an app serves, as one value: the plant data (topology.ts) and the TMF685 pools
// derived from it. Built once per app (buildApp's `network` option, the demo network by default) and
// carried on TmfContext, so a test or benchmark can serve another network without touching the demo's.

import { networkPools, PoolKinds, type PoolDef } from './inventory-model.js';
import type { Network } from './topology.js';

/** A network and its pools. */
export interface NetworkModel {
  network: Network;
  pools: readonly PoolDef[];
}

const models = new WeakMap<Network, NetworkModel>();

/** The model of `network`; the same object for the same network, so its pools are derived once. */
export function networkModel(network: Network): NetworkModel {
  let model = models.get(network);
  if (!model) {
    model = { network, pools: networkPools(network) };
    models.set(network, model);
  }
  return model;
}

/** The pool with this id, if the network has one. */
export function findPool(model: NetworkModel, id: string): PoolDef | undefined {
  return model.pools.find((p) => p.id === id);
}

/** The pool a resource is drawn from (a PON port's slots, an ONT's stock), if any. */
export function poolHolding(model: NetworkModel, resourceId: string): PoolDef | undefined {
  return model.pools.find((p) => (p.kind === PoolKinds.port && p.portId === resourceId) || (p.kind === PoolKinds.stock && p.memberIds.includes(resourceId)));
}

/** The pools whose resources follow a given specification. */
export function poolsOfSpec(model: NetworkModel, specId: string): PoolDef[] {
  return model.pools.filter((p) => p.spec.id === specId);
}
