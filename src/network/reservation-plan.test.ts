import { describe, expect, it } from 'vitest';
import { streetAddressId, streetDataset, StreetIds } from '../scenarios/fixtures/street-dataset.js';
import { adjacentPortPlans, subscriberReservationItems } from './reservation-plan.js';
import { demoNetwork } from './topology.js';

const base = { baseUrl: 'http://spine.test' };
const poolOf = (item: Record<string, any>) => item.relatedEntity[0].id;

describe('subscriberReservationItems', () => {
  it('asks for the five per-subscriber resources of the serving route at 42 Maple Ave', () => {
    const items = subscriberReservationItems(base, 'addr-tor-42-maple-ave', 'GPON', demoNetwork);
    expect(items.map((i) => [i.id, poolOf(i)])).toEqual([
      ['accessPort', 'pool-olt-port-04-12'],
      ['cpe', 'pool-ont-stock-gpon'],
      ['vlanPair', 'pool-cvlan-svlan-100'],
      ['drop', 'res-inst-drop-42-maple-ave'],
      ['bngSession', 'pool-bng-tor-01-sessions'],
    ]);
  });

  it('takes XGS-PON ONTs from their own stock', () => {
    const items = subscriberReservationItems(base, 'addr-tor-42-maple-ave', 'XGS-PON', demoNetwork);
    expect(poolOf(items[0]!)).toBe('pool-olt-xgspon-05-04');
    expect(poolOf(items[1]!)).toBe('pool-ont-stock-xgspon');
  });

  it('refuses an address outside the footprint', () => {
    expect(() => subscriberReservationItems(base, 'addr-mkm-8-cedar-lane', 'GPON', demoNetwork)).toThrow(/not served/);
  });
});

describe('adjacentPortPlans', () => {
  it('offers another GPON port of the same OLT feeding the same splitter, with its own port pool', () => {
    const { network } = streetDataset({ premises: 1, connectedOnts: 32, adjacentPortOnts: 20 });
    const plans = adjacentPortPlans(base, streetAddressId(1), 'GPON', network, StreetIds.servingPort);
    expect(plans.map((p) => [p.leg.port.resourceId, poolOf(p.items[0]!), poolOf(p.items[2]!)])).toEqual([
      [StreetIds.adjacentPort, 'pool-olt-elm-port-01-02', 'pool-cvlan-svlan-200'],
    ]);
  });

  it('offers nothing at 15 Birch St: its other route is on another OLT and its drop is not built', () => {
    expect(adjacentPortPlans(base, 'addr-tor-15-birch-st', 'GPON', demoNetwork, 'res-inst-olt-port-04-11')).toEqual([]);
  });
});
