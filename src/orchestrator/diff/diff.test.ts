import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decompose, OfferingIds, spineCatalogIndex } from '../../catalog/index.js';
import { applyChanges, diffRows, diffViews } from './diff.js';
import { emptyView, viewOfDecomposition, type ProductView, type ViewNode } from './view.js';

// What the comparison sees of a view: per slot, the specification and the characteristic values.
function essence(view: ProductView) {
  return Object.fromEntries(
    Object.entries(view.nodes)
      .map(([key, node]) => [key, { spec: node.spec.id, values: node.characteristics.map((c) => JSON.stringify([c.name, c.value])).sort() }] as const)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

const slots = ['service:a', 'service:b', 'service:c', 'resource:x', 'resource:y', 'resource:z'];
const nodeFor = (key: string) =>
  fc.record({
    spec: fc.constantFrom('s1', 's2'),
    characteristics: fc.uniqueArray(fc.record({ name: fc.constantFrom('rate', 'tech', 'model', 'vlan'), value: fc.oneof(fc.constantFrom('RP-1G', 'RP-2G', 'GPON'), fc.integer({ min: 0, max: 3 }), fc.boolean()) }), { selector: (c) => c.name }),
    onModify: fc.constantFrom('modifyInPlace' as const, 'replace' as const),
  }).map(({ spec, characteristics, onModify }): ViewNode => {
    const [layer, slot] = key.split(':') as ['service' | 'resource', string];
    return { layer, slot, spec: { id: spec }, characteristics, onModify };
  });
const view: fc.Arbitrary<ProductView> = fc.subarray(slots).chain((keys) =>
  fc.tuple(...keys.map((key) => nodeFor(key))).map((nodes) => ({ nodes: Object.fromEntries(nodes.map((n) => [`${n.layer}:${n.slot}`, n])) })),
);

describe('diff engine', () => {
  it('applying the computed items to the current view yields the target view', () => {
    fc.assert(
      fc.property(view, view, (current, target) => {
        expect(essence(applyChanges(current, diffViews(current, target)))).toEqual(essence(target));
      }),
      { numRuns: 500 },
    );
  });

  it('identical views yield no items', () => {
    fc.assert(fc.property(view, (current) => diffViews(current, structuredClone(current)).length === 0), { numRuns: 300 });
  });

  it('the GPON 1G → XGS-PON 2G upgrade replaces the port, the ONT and the access RFS, modifies the session, leaves VLANs and drop alone', () => {
    const current = viewOfOffering(OfferingIds.gponResidential);
    const target = viewOfOffering('po-xgspon-ftth-2g');
    const resources = diffViews(current, target).filter((c) => c.layer === 'resource').map((c) => `${c.action} ${c.slot}`);
    expect(resources).toEqual(['delete accessPort', 'add accessPort', 'modify bngSession', 'delete cpe', 'add cpe']);
    const rows = diffRows(current, target);
    expect(rows.find((r) => r.field === 'vlanPair')).toMatchObject({ changeType: 'noChange', resourceOrderItemRaised: false });
    expect(rows.find((r) => r.field === 'drop')).toMatchObject({ changeType: 'noChange', resourceOrderItemRaised: false });
    expect(rows.find((r) => r.field === 'bngSession.rateProfile')).toMatchObject({ current: 'RP-1G', target: 'RP-2G', changeType: 'modify', resourceOrderItemRaised: true });
    expect(rows.find((r) => r.field === 'accessPort')).toMatchObject({ changeType: 'replace', resourceOrderItemRaised: true });
  });

  it('a cease deletes every node', () => {
    const current = viewOfOffering(OfferingIds.gponResidential);
    const changes = diffViews(current, emptyView);
    expect(changes.every((c) => c.action === 'delete')).toBe(true);
    expect(changes.filter((c) => c.layer === 'resource')).toHaveLength(5);
  });
});

function viewOfOffering(offeringId: string): ProductView {
  return viewOfDecomposition(decompose({ baseUrl: 'http://spine.test' }, spineCatalogIndex.offerings.get(offeringId)!));
}
