import { describe, expect, it } from 'vitest';
import { subscriberReservationItems } from './reservation-plan.js';
import { demoNetwork } from './topology.js';

const poolOf = (item: Record<string, any>) => item.relatedEntity[0].id;

describe('subscriberReservationItems', () => {
  it('asks for the five per-subscriber resources of the serving route at 42 Maple Ave', () => {
    const items = subscriberReservationItems('addr-tor-42-maple-ave', 'GPON', demoNetwork);
    expect(items.map((i) => [i.id, poolOf(i)])).toEqual([
      ['accessPort', 'pool-olt-port-04-12'],
      ['cpe', 'pool-ont-stock-gpon'],
      ['vlanPair', 'pool-cvlan-svlan-100'],
      ['drop', 'res-inst-drop-42-maple-ave'],
      ['bngSession', 'pool-bng-tor-01-sessions'],
    ]);
  });

  it('takes XGS-PON ONTs from their own stock', () => {
    const items = subscriberReservationItems('addr-tor-42-maple-ave', 'XGS-PON', demoNetwork);
    expect(poolOf(items[0]!)).toBe('pool-olt-xgspon-05-04');
    expect(poolOf(items[1]!)).toBe('pool-ont-stock-xgspon');
  });

  it('refuses an address outside the footprint', () => {
    expect(() => subscriberReservationItems('addr-mkm-8-cedar-lane', 'GPON', demoNetwork)).toThrow(/not served/);
  });
});
