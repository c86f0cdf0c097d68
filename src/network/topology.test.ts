import { describe, expect, it } from 'vitest';
import { networkPools, networkResources } from './inventory-model.js';
import { demoNetwork, validateNetwork, type Network } from './topology.js';

describe('the demo network data', () => {
  it('is consistent: references resolve, ids are unique, serials are vendor id + 8 hex', () => {
    expect(validateNetwork(demoNetwork)).toEqual([]);
  });

  it('hands out HWTC-A1B2C3D4 (an EG8145V5) first from the GPON stock', () => {
    const stock = networkPools(demoNetwork).find((p) => p.id === 'pool-ont-stock-gpon');
    expect(stock).toMatchObject({ kind: 'stock', memberIds: expect.arrayContaining(['res-inst-ont-hwtc-a1b2']) });
    expect(stock?.kind === 'stock' && stock.memberIds[0]).toBe('res-inst-ont-hwtc-a1b2');
    expect(demoNetwork.onts[0]).toMatchObject({ serial: 'HWTC-A1B2C3D4', model: 'EG8145V5' });
  });

  it('gives every TMF639 resource and TMF685 pool a distinct id', () => {
    const ids = [...networkResources(demoNetwork, { baseUrl: '' }).map((r) => r.id), ...networkPools(demoNetwork).map((p) => p.id)];
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('reports a dangling port, a bad serial and an over-full port', () => {
    const broken: Network = {
      ...demoNetwork,
      ponPorts: demoNetwork.ponPorts.map((p, i) => (i === 0 ? { ...p, connectedOnts: 33 } : p)),
      splitters: [{ ...demoNetwork.splitters[0], feeders: [{ ...demoNetwork.splitters[0].feeders[0], portId: 'res-inst-nowhere' }] }],
      drops: [],
      onts: [{ ...demoNetwork.onts[0], serial: 'HWTC-XYZ' }],
    };
    expect(validateNetwork(broken)).toEqual([
      'res-inst-olt-port-04-11: 33/32 ONTs',
      'SPLIT-MAPLE-AVE-01: unknown port res-inst-nowhere',
      'HWTC-XYZ: not vendor id + 8 hex digits',
    ]);
  });
});
