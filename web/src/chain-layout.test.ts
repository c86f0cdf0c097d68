import { describe, expect, it } from 'vitest';
import type { ChainLink } from './api';
import { CHAIN_TYPE, chainGraph, chainLayout, estimateWidth, fitLine, type ChainGraph, type Measure } from './chain-layout';
import { CHAINS, SPINE_APIS } from './chain-layout.fixtures';

const link = (role: string, id: string, via?: string): ChainLink => ({ role, api: 'TMF639', resource: 'resource', id, via, exists: true, state: 'active', href: `/x/${id}` });

describe('the golden thread laid out as a grid', () => {
  const reserved = [
    link('resourceOrder', 'ro-1'),
    link('reservation', 'rsv-1'),
    link('resource:accessPort', 'port-1'),
    link('resource:cpe', 'ont-1'),
    link('resource:drop', 'drop-1'),
  ];

  it('puts each activation under the resource it configured, in whatever order they were activated', () => {
    const cells = chainLayout([
      ...reserved,
      link('activation:accessPort', 'act-1', 'resourceRelationship (targets) of port-1'),
      link('activation:drop', 'act-2', 'resourceRelationship (targets) of drop-1'),
      link('activation:cpe', 'act-3', 'resourceRelationship (targets) of ont-1'),
    ]);
    const at = (id: string) => cells.find((c) => c.link.id === id)!;
    expect(['port-1', 'ont-1', 'drop-1'].map((id) => at(id).col)).toEqual([0, 1, 2]);
    expect(['act-1', 'act-3', 'act-2'].map((id) => [at(id).row, at(id).col])).toEqual([[3, 0], [3, 1], [3, 2]]);
    expect(at('act-3').parent).toBe(cells.indexOf(at('ont-1')));
  });

  it('lays activations side by side under the resource order when the resources are not shown', () => {
    const cells = chainLayout([
      reserved[0]!,
      link('activation:accessPort', 'act-1', 'resourceRelationship (targets) of port-1'),
      link('activation:cpe', 'act-3', 'resourceRelationship (targets) of ont-1'),
    ]);
    expect(cells.slice(1).map((c) => [c.row, c.col, c.parent])).toEqual([[2, 0, 0], [2, 1, 0]]);
  });

  it('gives an activation whose resource is not shown a column no other activation needs, and two of one resource a column each', () => {
    const cells = chainLayout([
      ...reserved,
      link('activation:bngSession', 'act-0', 'resourceRelationship (targets) of bng-1'),
      link('activation:accessPort', 'act-1', 'resourceRelationship (targets) of port-1'),
      link('activation:accessPort', 'act-2', 'resourceRelationship (targets) of port-1'),
      link('activation:drop', 'act-3', 'resourceRelationship (targets) of drop-1'),
    ]);
    const at = (id: string) => cells.find((c) => c.link.id === id)!;
    expect(['act-1', 'act-2', 'act-3', 'act-0'].map((id) => at(id).col)).toEqual([0, 1, 2, 3]);
    expect(new Set(cells.map((c) => `${c.row}:${c.col}`)).size).toBe(cells.length);
  });

  it('hangs an entity from its layer parent, and from the journey when there is none', () => {
    const cells = chainLayout([link('customer', 'cust-1'), link('productOrder', 'po-1'), link('reservation', 'rsv-1')]);
    expect(cells.map((c) => [c.row, c.parent])).toEqual([[1, 'journey'], [2, 0], [3, 'journey']]);
  });

  it('leaves no empty row for a layer with nothing shown, such as the resources Beginner mode leaves out', () => {
    const cells = chainLayout([link('customer', 'cust-1'), link('resourceOrder', 'ro-1'), link('activation:cpe', 'act-1', 'resourceRelationship (targets) of ont-1')]);
    expect(cells.map((c) => c.row)).toEqual([1, 2, 3]);
  });
});

describe('the golden thread drawn as boxes', () => {
  type Box = { x: number; y: number; width: number; height: number };
  const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  const collisions = (graph: ChainGraph) => {
    const boxes = [{ name: 'journey', box: graph.journey }, ...graph.nodes.map((n) => ({ name: `${n.link.role} ${n.link.id}`, box: n.box }))];
    return boxes.flatMap((a, i) => boxes.slice(i + 1).filter((b) => overlap(a.box, b.box)).map((b) => `${a.name} × ${b.name}`));
  };
  // Every journey's chain as Architect mode shows it (every API) and as Beginner mode does (the spine APIs only).
  const shown = Object.entries(CHAINS).flatMap(([journey, chain]) => [
    [`${journey} (architect)`, chain] as const,
    [`${journey} (beginner)`, chain.filter((c) => SPINE_APIS.includes(c.api))] as const,
  ]);
  // Faces narrower and wider than the estimate: the boxes grow and shrink with the text, never into each other.
  const faces: [string, Measure][] = [['estimate', estimateWidth], ['narrow face', (t) => t.length * 5], ['wide face', (t) => t.length * 8]];

  const correlationId = 'journey-01a248c9-7c50-7a1e-a83a-90aa66d3c3c3';

  it.each(shown)('draws no box of %s over another', (_journey, chain) => {
    for (const [, measure] of faces) expect(collisions(chainGraph(chain, correlationId, measure))).toEqual([]);
  });

  it('sets every line of a label inside its box, padding and border included', () => {
    const inset = 2 * (CHAIN_TYPE.padPx + CHAIN_TYPE.borderPx);
    for (const [, chain] of shown) {
      for (const [, measure] of faces) {
        const graph = chainGraph(chain, correlationId, measure);
        for (const box of [graph.journey, ...graph.nodes.map((n) => n.box)]) {
          expect(box.lines.filter((line) => measure(line) > box.width - inset)).toEqual([]);
          expect(box.height).toBe(box.lines.length * CHAIN_TYPE.linePx + inset);
        }
      }
    }
  });

  it('keeps the rows of the grid: one top per row, each below every box of the row above; the graph is as tall as its last row reaches', () => {
    const graph = chainGraph(CHAINS['gpon-ftth']!, correlationId);
    const rows = [...new Set(graph.nodes.map((n) => n.row))].sort((a, b) => a - b);
    let floor = graph.journey.y + graph.journey.height;
    for (const row of rows) {
      const tops = new Set(graph.nodes.filter((n) => n.row === row).map((n) => n.box.y));
      expect(tops.size).toBe(1);
      expect([...tops][0]).toBeGreaterThan(floor);
      floor = Math.max(...graph.nodes.filter((n) => n.row === row).map((n) => n.box.y + n.box.height));
    }
    expect(graph.height).toBe(floor);
  });

  it('breaks a label after a hyphen, between camelCase words, or where it must, and keeps the API with its dot', () => {
    const perChar = (t: string) => t.length * 10;
    expect(fitLine('res-inst-olt-port-04-12', 100, perChar)).toEqual(['res-inst-', 'olt-port-', '04-12']);
    expect(fitLine('resource:accessPort · TMF639', 100, perChar)).toEqual(['resource:', 'accessPort', '· TMF639']);
    expect(fitLine('abcdefghijklmnop', 100, perChar)).toEqual(['abcdefghij', 'klmnop']);
    expect(fitLine('customer · TMF629', 200, perChar)).toEqual(['customer · TMF629']);
  });
});
