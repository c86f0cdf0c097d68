// Capacity bookkeeping of the TMF685 pools, run inside the caller's write transaction: how much a pool
// has left, taking units (and marking the TMF639 resources they are) and giving them back. Every write
// goes through patchInTx/upsertInTx, so each change carries its events and commits with the caller.
// SQLite write transactions are serialised, so a check followed by a take cannot interleave with another.

import type { Doc, Store } from '../store/port.js';
import { TmfError } from '../tmf/errors.js';
import { hrefOf, patchInTx, upsertInTx, type BehaviourEnv } from '../tmf/resource-service.js';
import {
  characteristicValue,
  NetworkTargets,
  numberedResourceDoc,
  numberedResourceId,
  PoolKinds,
  poolDoc,
  poolTotal,
  ResourceStatuses,
  withCharacteristics,
  type PoolDef,
} from './inventory-model.js';
import { usageStateOf, UsageStates } from './serving-path.js';

/** Where TMF639 resources live. */
export const RESOURCE_TARGET = NetworkTargets.resource;
/** Where TMF685 pools live. */
export const POOL_TARGET = NetworkTargets.resourcePool;

type NumberedPool = Extract<PoolDef, { kind: 'numbered' }>;
type StockPool = Extract<PoolDef, { kind: 'stock' }>;

/** What a pool can give now, and which resources a request for `quantity` would get. */
export interface Availability {
  total: number;
  inUse: number;
  available: number;
  unit: string;
  /** Refs to the resources a reservation would take (numbered ones may not exist yet). */
  candidates: Doc[];
}

/** A TMF639 resource as the reservation sees it, or a 400 naming what was asked for. */
export async function requireResource(tx: Store, id: string, context: string): Promise<Doc> {
  const record = await tx.getResource(RESOURCE_TARGET.api.id, RESOURCE_TARGET.resource.name, id);
  if (!record) throw new TmfError('INVALID_BODY', `${context} names resource ${id}, which does not exist`);
  return record.doc;
}

/** A reference to a stored resource, for relatedEntity lists. */
export function refTo(doc: Doc): Doc {
  return { id: doc.id, href: doc.href, name: doc.name, '@referredType': doc['@type'] ?? 'Resource' };
}

/** How much `pool` has left and what `quantity` more would be. */
export async function availabilityOf(tx: Store, env: BehaviourEnv, pool: PoolDef, quantity: number): Promise<Availability> {
  const total = poolTotal(env.ctx.network.network, pool);
  switch (pool.kind) {
    case PoolKinds.port: {
      const port = await requireResource(tx, pool.portId, pool.id);
      const inUse = Number(characteristicValue(port, 'connectedOnts'));
      return { total, inUse, available: total - inUse, unit: pool.unit, candidates: [refTo(port)] };
    }
    case PoolKinds.stock:
      return stockAvailability(total, pool, await membersOf(tx, pool), quantity);
    case PoolKinds.numbered: {
      const held = heldRefs(await poolRecord(tx, pool));
      const inUse = pool.baseInUse + held.length;
      const candidates = nextNumbers(pool, held, quantity).map((n) => refTo(numberedDoc(env, pool, n)));
      return { total, inUse, available: total - inUse, unit: pool.unit, candidates };
    }
  }
}

/**
 * Takes `quantity` units of `pool` (or the named member) and marks what they are: a port's
 * connectedOnts and usageState, an ONT's resourceStatus, a new VLAN pair or session resource.
 * Refuses with 409 naming the pool and its capacity when there is not enough; returns what was reserved.
 */
export async function takeFromPool(tx: Store, env: BehaviourEnv, pool: PoolDef, quantity: number, memberId?: string): Promise<Doc[]> {
  // A stock pool's members are read once: what is free, and the refs the pool lists afterwards.
  if (pool.kind === PoolKinds.stock) {
    const members = await membersOf(tx, pool);
    const availability = stockAvailability(poolTotal(env.ctx.network.network, pool), pool, members, quantity);
    const chosen = memberId ? [await requireFreeMember(tx, pool, memberId)] : freeMembers(pool, members, quantity, availability);
    const reserved = [];
    for (const member of chosen) reserved.push(refTo(await patchResource(tx, env, String(member.id), { resourceStatus: ResourceStatuses.reserved, usageState: UsageStates.idle })));
    await syncPool(tx, env, pool, availability.inUse + chosen.length, members.map(refTo));
    return reserved;
  }
  const availability = await availabilityOf(tx, env, pool, quantity);
  switch (pool.kind) {
    case PoolKinds.port: {
      const [port] = availability.candidates;
      if (availability.available < quantity) {
        throw new TmfError('CONFLICT', `PON port ${port.name} (${port.id}) is at ${availability.inUse}/${availability.total} ONTs: no capacity for ${quantity} more`);
      }
      return [refTo(await setPortOccupancy(tx, env, pool, availability.inUse + quantity))];
    }
    case PoolKinds.numbered: {
      if (availability.available < quantity) throw exhausted(pool, availability, quantity);
      const record = await poolRecord(tx, pool);
      const held = heldRefs(record);
      const reserved = [];
      for (const n of nextNumbers(pool, held, quantity)) {
        // Created (or found) available first: a resource becomes reserved only from available.
        const free = await upsertInTx(tx, env.ctx, RESOURCE_TARGET, numberedDoc(env, pool, n), env.meta);
        reserved.push(refTo(await patchResource(tx, env, String(free.id), { resourceStatus: ResourceStatuses.reserved })));
      }
      await syncPool(tx, env, pool, availability.inUse + quantity, [...held, ...reserved]);
      return reserved;
    }
  }
}

/** Gives back what a reservation took from `pool`: `quantity` port slots, or the `reserved` resources. */
export async function returnToPool(tx: Store, env: BehaviourEnv, pool: PoolDef, quantity: number, reserved: readonly Doc[]): Promise<void> {
  switch (pool.kind) {
    case PoolKinds.port: {
      const { inUse } = await availabilityOf(tx, env, pool, 0);
      await setPortOccupancy(tx, env, pool, Math.max(0, inUse - quantity));
      return;
    }
    case PoolKinds.stock: {
      for (const ref of reserved) await releaseResource(tx, env, String(ref.id));
      const members = await membersOf(tx, pool);
      await syncPool(tx, env, pool, pool.memberIds.length - members.filter(isFree).length, members.map(refTo));
      return;
    }
    case PoolKinds.numbered: {
      const returned = new Set(reserved.map((r) => r.id));
      for (const ref of reserved) await releaseResource(tx, env, String(ref.id));
      const held = heldRefs(await poolRecord(tx, pool)).filter((r) => !returned.has(r.id));
      await syncPool(tx, env, pool, pool.baseInUse + held.length, held);
      return;
    }
  }
}

/** Reserves one resource that belongs to no pool (a fibre drop); 409 when it is not available. */
export async function holdResource(tx: Store, env: BehaviourEnv, doc: Doc): Promise<Doc> {
  if (!isFree(doc)) throw new TmfError('CONFLICT', `${doc.name} (${doc.id}) is ${doc.resourceStatus}, not available`);
  return refTo(await patchResource(tx, env, String(doc.id), { resourceStatus: ResourceStatuses.reserved }));
}

/** Makes a resource free again: available and idle. */
export async function releaseResource(tx: Store, env: BehaviourEnv, id: string): Promise<void> {
  await patchResource(tx, env, id, { resourceStatus: ResourceStatuses.available, usageState: UsageStates.idle });
}

async function setPortOccupancy(tx: Store, env: BehaviourEnv, pool: Extract<PoolDef, { kind: 'port' }>, connectedOnts: number): Promise<Doc> {
  const port = await requireResource(tx, pool.portId, pool.id);
  const capacity = Number(characteristicValue(port, 'capacity'));
  const patched = await patchResource(tx, env, pool.portId, {
    usageState: usageStateOf(connectedOnts, capacity),
    resourceCharacteristic: withCharacteristics(port, { connectedOnts }),
  });
  await syncPool(tx, env, pool, connectedOnts, [refTo(patched)]);
  return patched;
}

function patchResource(tx: Store, env: BehaviourEnv, id: string, patch: Doc): Promise<Doc> {
  return patchInTx(tx, env.ctx, RESOURCE_TARGET, id, patch, env.meta);
}

async function syncPool(tx: Store, env: BehaviourEnv, pool: PoolDef, inUse: number, resource: readonly Doc[]): Promise<void> {
  const { capacity } = poolDoc(env.ctx.network.network, pool, inUse, resource, env.ctx);
  await patchInTx(tx, env.ctx, POOL_TARGET, pool.id, { capacity, resource }, env.meta);
}

async function poolRecord(tx: Store, pool: PoolDef): Promise<Doc> {
  const record = await tx.getResource(POOL_TARGET.api.id, POOL_TARGET.resource.name, pool.id);
  if (!record) throw new TmfError('INVALID_BODY', `resourcePool ${pool.id} does not exist (is the network loaded?)`);
  return record.doc;
}

function heldRefs(poolDocument: Doc): Doc[] {
  return Array.isArray(poolDocument.resource) ? (poolDocument.resource as Doc[]) : [];
}

function nextNumbers(pool: NumberedPool, held: readonly Doc[], quantity: number): number[] {
  const taken = new Set(held.map((r) => r.id));
  const numbers: number[] = [];
  for (let n = pool.from + pool.baseInUse; n <= pool.to && numbers.length < quantity; n++) {
    if (!taken.has(numberedResourceId(pool, n))) numbers.push(n);
  }
  return numbers;
}

function numberedDoc(env: BehaviourEnv, pool: NumberedPool, n: number): Doc {
  const doc = numberedResourceDoc(env.ctx.network.network, pool, n, env.ctx);
  return { ...doc, href: hrefOf(env.ctx, RESOURCE_TARGET, String(doc.id)) };
}

async function membersOf(tx: Store, pool: StockPool): Promise<Doc[]> {
  const members: Doc[] = [];
  for (const id of pool.memberIds) members.push(await requireResource(tx, id, pool.id));
  return members;
}

function stockAvailability(total: number, pool: StockPool, members: readonly Doc[], quantity: number): Availability {
  const free = members.filter(isFree);
  return { total, inUse: total - free.length, available: free.length, unit: pool.unit, candidates: free.slice(0, quantity).map(refTo) };
}

function freeMembers(pool: StockPool, members: readonly Doc[], quantity: number, availability: Availability): Doc[] {
  if (availability.available < quantity) throw exhausted(pool, availability, quantity);
  return members.filter(isFree).slice(0, quantity);
}

async function requireFreeMember(tx: Store, pool: PoolDef, id: string): Promise<Doc> {
  const member = await requireResource(tx, id, pool.id);
  if (!isFree(member)) throw new TmfError('CONFLICT', `${member.name} (${id}) in ${pool.id} is ${member.resourceStatus}, not available`);
  return member;
}

function isFree(doc: Doc): boolean {
  return doc.resourceStatus === ResourceStatuses.available;
}

function exhausted(pool: PoolDef, availability: Availability, quantity: number): TmfError {
  return new TmfError(
    'CONFLICT',
    `${pool.description} (${pool.id}): ${availability.available} of ${availability.total} ${pool.unit} available, ${quantity} requested`,
  );
}
