import { describe, expect, it } from 'vitest';
import type { ChainLink } from './api';
import { chainLayout } from './chain-layout';

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

  it('hangs an entity from its layer parent, and from the journey when there is none', () => {
    const cells = chainLayout([link('customer', 'cust-1'), link('productOrder', 'po-1'), link('reservation', 'rsv-1')]);
    expect(cells.map((c) => [c.row, c.parent])).toEqual([[1, 'journey'], [2, 0], [3, 'journey']]);
  });

  it('leaves no empty row for a layer with nothing shown, such as the resources Beginner mode leaves out', () => {
    const cells = chainLayout([link('customer', 'cust-1'), link('resourceOrder', 'ro-1'), link('activation:cpe', 'act-1', 'resourceRelationship (targets) of ont-1')]);
    expect(cells.map((c) => c.row)).toEqual([1, 2, 3]);
  });
});
