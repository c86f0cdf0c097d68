import { describe, expect, it } from 'vitest';
import { TmfError } from '../tmf/errors.js';
import { OfferingIds } from './data/ids.js';
import { spineCatalogIndex } from './data/index.js';
import { decompose, itemActionsFor, type Decomposition, type DecompositionNode } from './decomposition.js';

const ctx = { baseUrl: 'http://spine.test' };

// The shipped offering document, as TMF620 serves it once the catalog is loaded.
const offering = (id: string) => spineCatalogIndex.offerings.get(id)!;

// Every node of a tree by its slot (CFS function, RFS layer, resource kind): unique per tree.
function bySlot(tree: Decomposition): Map<string, DecompositionNode> {
  const nodes = new Map<string, DecompositionNode>();
  const visit = (node: DecompositionNode) => {
    nodes.set(node.slot, node);
    if (node.kind === 'CFS') node.children.forEach(visit);
    if (node.kind === 'RFS') node.resources.forEach(visit);
  };
  tree.services.forEach(visit);
  return nodes;
}

function valueOf(node: DecompositionNode | undefined, name: string) {
  return node?.characteristics.find((c) => c.name === name)?.value;
}

const families = [
  {
    offering: OfferingIds.gponResidential,
    productSpec: 'ps-gpon-ftth-1g',
    segment: 'residential',
    technology: 'GPON',
    access: 'rfss-gpon-access',
    resources: { accessPort: 'rs-olt-pon-port-gpon', drop: 'rs-fibre-drop', vlanPair: 'rs-vlan-pair', bngSession: 'rs-bng-session', cpe: 'rs-ont-gpon-eg8145v5' },
    bandwidthProfile: '1G-residential',
    rateProfile: 'RP-1G',
  },
  {
    offering: OfferingIds.gponBusiness,
    productSpec: 'ps-gpon-ftth-business-1g',
    segment: 'enterprise',
    technology: 'GPON',
    access: 'rfss-gpon-access',
    resources: { accessPort: 'rs-olt-pon-port-gpon', drop: 'rs-fibre-drop', vlanPair: 'rs-vlan-pair', bngSession: 'rs-bng-session', cpe: 'rs-ont-gpon-eg8145v5' },
    bandwidthProfile: '1G-business',
    rateProfile: 'RP-1G-BIZ',
  },
  {
    offering: OfferingIds.xgsponResidential,
    productSpec: 'ps-xgspon-ftth-2g',
    segment: 'residential',
    technology: 'XGSPON',
    access: 'rfss-xgspon-access',
    resources: { accessPort: 'rs-olt-pon-port-xgspon', drop: 'rs-fibre-drop', vlanPair: 'rs-vlan-pair', bngSession: 'rs-bng-session', cpe: 'rs-ont-xgspon-hn8145xr' },
    bandwidthProfile: '2G-residential',
    rateProfile: 'RP-2G',
  },
  {
    offering: OfferingIds.vdsl2Residential,
    productSpec: 'ps-vdsl2-100m',
    segment: 'residential',
    technology: 'VDSL2',
    access: 'rfss-vdsl2-access',
    resources: { accessPort: 'rs-dslam-port-vdsl2', drop: 'rs-copper-drop', vlanPair: 'rs-vlan-pair', bngSession: 'rs-bng-session', cpe: 'rs-vdsl2-modem' },
    bandwidthProfile: '100M-residential',
    rateProfile: 'RP-100M',
  },
];

describe.each(families)('decomposing $offering', (family) => {
  const tree = decompose(ctx, offering(family.offering));
  const nodes = bySlot(tree);

  it('starts from the offering and its product specification', () => {
    expect(tree.offering).toMatchObject({ id: family.offering, marketSegment: [family.segment] });
    expect(tree.offering.href).toBe(`http://spine.test/tmf-api/productCatalogManagement/v4/productOffering/${family.offering}`);
    expect(tree.productSpecification.href).toBe(`http://spine.test/tmf-api/productCatalogManagement/v4/productSpecification/${family.productSpec}`);
    expect(tree.productSpecification.id).toBe(family.productSpec);
  });

  it('realises the product with the broadband bundle CFS of two atomic CFSs', () => {
    expect(tree.services.map((s) => [s.spec.id, s.subtype])).toEqual([['cfss-broadband', 'bundle']]);
    expect(tree.services[0].children.map((c) => [c.kind, c.spec.id])).toEqual([
      ['CFS', 'cfss-internet-access'],
      ['CFS', 'cfss-home-network'],
    ]);
    expect(nodes.get('internetAccess')).toMatchObject({ kind: 'CFS', subtype: 'atomic', spec: { '@type': 'CustomerFacingServiceSpecification' } });
  });

  it(`realises internet access with ${family.access}, VLAN transport and the BNG subscriber RFSs`, () => {
    const internet = nodes.get('internetAccess');
    expect(internet?.kind === 'CFS' && internet.children.map((c) => [c.kind, c.spec.id])).toEqual([
      ['RFS', family.access],
      ['RFS', 'rfss-vlan-transport'],
      ['RFS', 'rfss-bng-subscriber'],
    ]);
    expect(nodes.get('cpeManagement')).toMatchObject({ kind: 'RFS', spec: { id: 'rfss-cpe-management', '@type': 'ResourceFacingServiceSpecification' } });
  });

  it('allocates the five per-subscriber resources, one of each kind', () => {
    const resources = Object.fromEntries(
      [...nodes.values()].filter((n) => n.kind === 'Resource').map((n) => [n.slot, n.spec.id]),
    );
    expect(resources).toEqual(family.resources);
  });

  it(`maps the product's speed to ${family.bandwidthProfile} and the BNG rate profile ${family.rateProfile}`, () => {
    const profile = nodes.get('internetAccess')?.characteristics.find((c) => c.name === 'bandwidthProfile');
    expect(profile).toMatchObject({ value: family.bandwidthProfile, origin: 'mapped', from: { spec: family.productSpec, characteristic: 'downloadSpeed' } });
    expect(valueOf(nodes.get('subscriberSession'), 'rateProfile')).toBe(family.rateProfile);
    expect(valueOf(nodes.get('bngSession'), 'rateProfile')).toBe(family.rateProfile);
    expect(valueOf(nodes.get('broadband'), 'accessTechnology')).toBe(family.technology);
    expect(valueOf(nodes.get('internetAccess'), 'accessTechnology')).toBe(family.technology);
  });

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(tree))).toEqual(tree);
  });
});

describe('decompose', () => {
  it('refuses an offering whose product specification has no rule, naming the specifications it has rules for', () => {
    const voice = { id: 'po-voice', name: 'Home voice', productSpecification: { id: 'ps-home-voice' } };
    expect(() => decompose(ctx, voice)).toThrow(TmfError);
    expect(() => decompose(ctx, voice)).toThrow(expect.objectContaining({
      kind: 'INVALID_BODY',
      message: 'productOffering po-voice is over productSpecification ps-home-voice, which has no decomposition rule: Spine decomposes only ps-gpon-ftth-1g, ps-gpon-ftth-business-1g, ps-xgspon-ftth-2g, ps-vdsl2-100m',
    }));
    expect(() => decompose(ctx, { id: 'po-bare', name: 'Bare' })).toThrow(expect.objectContaining({ kind: 'INVALID_BODY', message: expect.stringMatching(/^productOffering po-bare names no productSpecification: Spine decomposes only ps-gpon-ftth-1g, /) }));
  });

  it('names the offering it was given, not the shipped one of its specification', () => {
    const copy = { ...offering(OfferingIds.gponResidential), id: 'po-copy', name: 'Copy', marketSegment: [{ id: 'business' }] };
    const { offering: named, ...tree } = decompose(ctx, copy);
    expect(named).toEqual({ id: 'po-copy', name: 'Copy', href: 'http://spine.test/tmf-api/productCatalogManagement/v4/productOffering/po-copy', marketSegment: ['business'] });
    const { offering: _shipped, ...shippedTree } = decompose(ctx, offering(OfferingIds.gponResidential));
    expect(tree).toEqual(shippedTree);
  });

  it('takes the ordered characteristics, numbers given as text included', () => {
    const tree = decompose(ctx, offering(OfferingIds.gponResidential), [{ name: 'downloadSpeed', value: '1000' }]);
    expect(tree.productSpecification.characteristics[0]).toEqual({
      name: 'downloadSpeed', value: 1000, valueType: 'number', unitOfMeasure: 'Mbps', origin: 'ordered',
    });
  });

  it('carries the static IP addresses a business order asks for down to the BNG session', () => {
    const ordered = bySlot(decompose(ctx, offering(OfferingIds.gponBusiness), [{ name: 'staticIpAddresses', value: 5 }]));
    expect(valueOf(ordered.get('bngSession'), 'staticIpv4Count')).toBe(5);
    expect(valueOf(bySlot(decompose(ctx, offering(OfferingIds.gponBusiness))).get('bngSession'), 'staticIpv4Count')).toBe(1);
    expect(valueOf(bySlot(decompose(ctx, offering(OfferingIds.gponResidential))).get('bngSession'), 'staticIpv4Count')).toBe(0);
  });

  it('refuses a characteristic the product does not have, or a value it does not offer', () => {
    expect(() => decompose(ctx, offering(OfferingIds.gponResidential), [{ name: 'colour', value: 'red' }])).toThrow(
      expect.objectContaining({ kind: 'INVALID_BODY', message: 'productSpecification ps-gpon-ftth-1g has no characteristic colour' }),
    );
    expect(() => decompose(ctx, offering(OfferingIds.gponResidential), [{ name: 'downloadSpeed', value: 500 }])).toThrow(
      expect.objectContaining({ kind: 'INVALID_BODY', message: 'downloadSpeed 500 is not offered by ps-gpon-ftth-1g (offered: 1000)' }),
    );
  });
});

describe('modify semantics of the edges', () => {
  it('turns the GPON 1G → XGS-PON 2G upgrade into the diff of TMF-DOMAIN §10', () => {
    const current = bySlot(decompose(ctx, offering(OfferingIds.gponResidential)));
    const target = bySlot(decompose(ctx, offering(OfferingIds.xgsponResidential)));
    const actions = Object.fromEntries([...target.keys()].map((slot) => [slot, itemActionsFor(current.get(slot), target.get(slot))]));
    expect(actions).toEqual({
      broadband: ['modify'],
      internetAccess: ['modify'],
      access: ['delete', 'add'],
      accessPort: ['delete', 'add'],
      drop: ['noChange'],
      transport: ['noChange'],
      vlanPair: ['noChange'],
      subscriberSession: ['modify'],
      bngSession: ['modify'],
      homeNetwork: ['noChange'],
      cpeManagement: ['noChange'],
      cpe: ['delete', 'add'],
    });
  });

  it('adds what only the target has and deletes what only the current has', () => {
    const node = bySlot(decompose(ctx, offering(OfferingIds.gponResidential))).get('bngSession');
    expect(itemActionsFor(undefined, node)).toEqual(['add']);
    expect(itemActionsFor(node, undefined)).toEqual(['delete']);
    expect(itemActionsFor(node, node)).toEqual(['noChange']);
  });

  it('replaces rather than modifies a node whose edge says replace', () => {
    const port = bySlot(decompose(ctx, offering(OfferingIds.gponResidential))).get('accessPort')!;
    const retuned = { ...port, characteristics: [{ ...port.characteristics[0], value: 'other' }] };
    expect(port.onModify).toBe('replace');
    expect(itemActionsFor(port, retuned)).toEqual(['delete', 'add']);
  });
});
