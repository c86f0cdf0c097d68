import { describe, expect, it } from 'vitest';
import { ServiceSpecIds } from '../../catalog/index.js';
import type { ServiceItem } from '../steps/order-services.js';
import { independentItemsHit, itemOutcomes } from './partial.js';

// The broadband order as order-services numbers it: the bundle, Internet Access with its three RFSs, Home Network with CPE management.
const item = (itemId: string, specId: string, parentItemId?: string): ServiceItem => ({
  itemId, kind: parentItemId && ['3', '4', '5', '7'].includes(itemId) ? 'RFS' : 'CFS', slot: specId, spec: { id: specId, name: specId, href: `/spec/${specId}` }, isBundle: itemId === '1', parentItemId, characteristics: [],
});
const items = [
  item('1', ServiceSpecIds.broadband),
  item('2', ServiceSpecIds.internetAccess, '1'),
  item('3', ServiceSpecIds.gponAccess, '2'),
  item('4', ServiceSpecIds.vlanTransport, '2'),
  item('5', ServiceSpecIds.bngSubscriber, '2'),
  item('6', ServiceSpecIds.homeNetwork, '1'),
  item('7', ServiceSpecIds.cpeManagement, '6'),
];
const serviceIds = Object.fromEntries(items.map((i) => [i.itemId, `svc-${i.itemId}`]));
const patchOf = (itemId: string) => ({ path: `/tmf-api/serviceInventory/v4/service/svc-${itemId}` });

describe('partial completion', () => {
  it('a failure under the Home Network takes out its subtree: the rest of the order is still delivered', () => {
    expect(independentItemsHit({ serviceItems: items, serviceIds }, patchOf('7'))).toEqual(['6', '7']);
    expect(independentItemsHit({ serviceItems: items, serviceIds }, patchOf('6'))).toEqual(['6', '7']);
  });

  it('a failure under Internet Access, or on the bundle, puts the whole order at stake', () => {
    for (const itemId of ['1', '2', '3', '5']) expect(independentItemsHit({ serviceItems: items, serviceIds }, patchOf(itemId)), itemId).toBeUndefined();
  });

  it('is not independent when nothing else is left, or when the step already went without those items', () => {
    const followUp = items.filter((i) => ['6', '7'].includes(i.itemId));
    expect(independentItemsHit({ serviceItems: followUp, serviceIds }, patchOf('7'))).toBeUndefined();
    expect(independentItemsHit({ serviceItems: items, serviceIds, partial: { failedItems: ['6', '7'] } }, patchOf('7'))).toBeUndefined();
  });

  it('ignores calls that are not about a service of the order', () => {
    expect(independentItemsHit({ serviceItems: items, serviceIds }, { path: '/tmf-api/resourceInventoryManagement/v4/resource/svc-7' })).toBeUndefined();
    expect(independentItemsHit({}, patchOf('7'))).toBeUndefined();
  });

  it('ends failed items failed, their bundle partial and the rest completed', () => {
    expect(Object.fromEntries(itemOutcomes(items, ['6', '7']))).toEqual({ 1: 'partial', 2: 'completed', 3: 'completed', 4: 'completed', 5: 'completed', 6: 'failed', 7: 'failed' });
    expect(Object.fromEntries(itemOutcomes(items, []))).toEqual(Object.fromEntries(items.map((i) => [i.itemId, 'completed'])));
  });
});
