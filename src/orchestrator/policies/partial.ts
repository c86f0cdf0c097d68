// Partial completion (fail forward): which service order items a failure takes out, and what each
// item of the order ends as when the rest is delivered without them.

import type { Doc, ExchangeRecord } from '../../store/port.js';
import type { ServiceItem } from '../steps/order-services.js';
import { resolveTmfPath } from '../tmf-caller.js';
import { independentServices } from './matrix.js';

/** What the run's context records once the partial policy applies: the items delivered without. */
export interface PartialCompletion {
  failedItems: string[];
  /** The decision matrix row that chose partial completion. */
  matrixRow: string;
  step: string;
  error: { message: string; status?: number; code?: string };
  at: string;
}

/** The journey that delivers a follow-up service order (flows/service-follow-up.ts). */
export const FOLLOW_UP_SCENARIO = 'service-follow-up';

export function partialOf(context: Doc): PartialCompletion | undefined {
  return context.partial as PartialCompletion | undefined;
}

/** What a partial run says it left out, and why. */
export function partialSummary(context: Doc, partial: PartialCompletion): string {
  const items = (context.serviceItems as ServiceItem[]).filter((item) => partial.failedItems.includes(item.itemId));
  return `${items.map((item) => item.spec.name).join(' and ')} not delivered, left to a follow-up order: ${partial.error.message}`;
}

/**
 * The items a refused call on a TMF638 service takes out when they are an independent part of the
 * order: the subtree of the service's nearest independent ancestor (itself included), provided
 * another part of the order is still delivered. Undefined when the whole order is at stake.
 */
export function independentItemsHit(context: Doc, exchange: Pick<ExchangeRecord, 'path'>): string[] | undefined {
  const items = context.serviceItems as ServiceItem[] | undefined;
  const serviceIds = context.serviceIds as Record<string, string> | undefined;
  const { target, id } = resolveTmfPath(exchange.path);
  if (!items || !serviceIds || target.api.id !== 'TMF638' || id === undefined) return undefined;
  const byId = new Map(items.map((item) => [item.itemId, item]));
  let item = items.find((i) => serviceIds[i.itemId] === id);
  while (item && !independentServices.includes(item.spec.id)) item = item.parentItemId ? byId.get(item.parentItemId) : undefined;
  if (!item) return undefined;
  const hit = subtree(items, item.itemId);
  const given = partialOf(context)?.failedItems ?? [];
  // The step was already told to do without these items and still called about them: it cannot go on without them.
  if (hit.every((id) => given.includes(id))) return undefined;
  const out = new Set([...hit, ...given]);
  const stillDelivered = items.some((i) => !out.has(i.itemId) && isLeaf(items, i));
  return stillDelivered ? hit : undefined;
}

/**
 * How each item ends when `failed` items were not delivered: failed ones failed, an item with both
 * delivered and failed items below it partial (TMF641 items have the state), the others completed.
 */
export function itemOutcomes(items: readonly ServiceItem[], failed: readonly string[]): Map<string, 'completed' | 'failed' | 'partial'> {
  const outcomes = new Map<string, 'completed' | 'failed' | 'partial'>();
  for (const item of items) {
    const below = subtree(items, item.itemId);
    const lost = below.filter((id) => failed.includes(id)).length;
    outcomes.set(item.itemId, lost === 0 ? 'completed' : failed.includes(item.itemId) ? 'failed' : 'partial');
  }
  return outcomes;
}

function subtree(items: readonly ServiceItem[], root: string): string[] {
  const ids = [root];
  for (let i = 0; i < ids.length; i++) for (const child of items.filter((c) => c.parentItemId === ids[i])) ids.push(child.itemId);
  return ids;
}

function isLeaf(items: readonly ServiceItem[], item: ServiceItem): boolean {
  return !items.some((c) => c.parentItemId === item.itemId);
}
