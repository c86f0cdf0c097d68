import { describe, expect, it } from 'vitest';
import { DemoAddressIds } from '../scenarios/demo-data/addresses.js';
import { PathProblems, portUsage, servingPath, type ServingPath } from './serving-path.js';
import { demoNetwork } from './topology.js';

function served(path: ServingPath) {
  if (path.kind !== 'served') throw new Error(`expected a served path, got ${path.kind}`);
  return path;
}

describe('servingPath over the demo network', () => {
  it("serves Jane Smith's 42 Maple Ave from OLT-EAST-TOR-001 GPON 1/4/12 via SPLIT-MAPLE-AVE-01, within B+ and with room", () => {
    const path = served(servingPath(DemoAddressIds.janeSmith, { network: demoNetwork }));
    expect(path.serving.olt.id).toBe('OLT-EAST-TOR-001');
    expect(path.serving.label).toBe('OLT-EAST-TOR-001 GPON 1/4/12 via SPLIT-MAPLE-AVE-01');
    expect(path.serving.drop.resourceId).toBe('res-inst-drop-42-maple-ave');
    // 17.5 + 1.12 + 0.016 + 2.0 + 0.6 + 3.0
    expect(path.serving.budget).toMatchObject({ lossDb: 24.236, maxDb: 28, marginDb: 3.764, withinBudget: true });
    expect(path.serving.usage).toEqual({ connectedOnts: 29, capacity: 32, free: 3, usageState: 'active' });
    expect(path.problems).toEqual([]);
  });

  it('finds 15 Birch St on a full port (32/32, busy) and proposes the adjacent OLT-EAST-TOR-002, which has room', () => {
    const path = served(servingPath(DemoAddressIds.fullPort, { network: demoNetwork }));
    expect(path.serving.label).toBe('OLT-EAST-TOR-001 GPON 1/4/11 via SPLIT-BIRCH-ST-01');
    expect(path.serving.usage).toEqual({ connectedOnts: 32, capacity: 32, free: 0, usageState: 'busy' });
    expect(path.serving.budget.withinBudget).toBe(true);
    expect(path.problems).toEqual([PathProblems.portFull]);
    expect(path.alternatives.map((a) => a.label)).toEqual(['OLT-EAST-TOR-002 GPON 1/2/3 via SPLIT-BIRCH-ST-02']);
    // 17.5 + 3.0 km × 0.35 = 1.05 + 75 m × 0.35 = 0.026 + 2.0 + 0.6 + 3.0
    expect(path.alternatives[0].budget.lossDb).toBe(24.176);
    expect(path.alternatives[0].usage).toMatchObject({ connectedOnts: 10, free: 22 });
  });

  it('computes 31.2 dB against 28.0 dB at 97 Maple Ave and proposes SPLIT-MAPLE-AVE-02 (or a C+ optic)', () => {
    const path = served(servingPath(DemoAddressIds.overBudget, { network: demoNetwork }));
    expect(path.serving.splitter.id).toBe('SPLIT-DANFORTH-AVE-01');
    expect(path.serving.drop).toMatchObject({ lengthM: 180, fibreType: 'G.652D' });
    // 1:64 21.0 + 10.4 km × 0.35 = 3.64 + 180 m × 0.35 = 0.063 + 5 × 0.5 + 10 × 0.1 + 3.0 = 31.203
    expect(path.serving.budget).toMatchObject({ lossDb: 31.203, maxDb: 28, withinBudget: false });
    expect(path.serving.budget.lossDb.toFixed(1)).toBe('31.2');
    expect(path.problems).toEqual([PathProblems.overBudget]);
    expect(path.alternatives.map((a) => a.splitter.id)).toEqual(['SPLIT-MAPLE-AVE-02']);
    // 17.5 + 2.4 km × 0.35 = 0.84 + 220 m × 0.35 = 0.077 + 2.0 + 0.6 + 3.0
    expect(path.alternatives[0].budget).toMatchObject({ lossDb: 24.017, withinBudget: true });
    expect(path.opticUpgrade).toEqual({ from: 'B+', to: 'C+', maxDb: 32, marginDb: 0.797 });
  });

  it('knows 8 Cedar Lane, Markham is outside the footprint', () => {
    expect(servingPath(DemoAddressIds.outsideFootprint, { network: demoNetwork })).toEqual({ kind: 'outsideFootprint', addressId: DemoAddressIds.outsideFootprint });
  });

  it('serves 42 Maple Ave over XGS-PON 1/5/4 through the coexistence element on the same splitter', () => {
    const path = served(servingPath(DemoAddressIds.janeSmith, { network: demoNetwork, technology: 'XGS-PON' }));
    expect(path.serving.label).toBe('OLT-EAST-TOR-001 XGS-PON 1/5/4 via SPLIT-MAPLE-AVE-01');
    expect(path.serving.budget).toMatchObject({ lossDb: 25.736, maxDb: 29, withinBudget: true });
  });

  it('says when the splitter carries no port of the asked technology', () => {
    expect(servingPath(DemoAddressIds.fullPort, { network: demoNetwork, technology: 'XGS-PON' }).kind).toBe('technologyUnavailable');
  });

  it("takes the inventory's live occupancy over the data's installed base", () => {
    const path = served(servingPath(DemoAddressIds.janeSmith, { network: demoNetwork, connectedOnts: { 'res-inst-olt-port-04-12': 32 } }));
    expect(path.problems).toEqual([PathProblems.portFull]);
    expect(path.alternatives).toEqual([]);
  });
});

describe('portUsage', () => {
  const port = demoNetwork.ponPorts[0];
  it.each([
    [0, 'idle'],
    [1, 'active'],
    [31, 'active'],
    [32, 'busy'],
  ])('%i of 32 ONTs is %s', (connected, usageState) => {
    expect(portUsage(port, connected)).toMatchObject({ connectedOnts: connected, free: 32 - connected, usageState });
  });
});
