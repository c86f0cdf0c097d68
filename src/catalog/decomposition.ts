// Decomposition: what an offering becomes in the network, read from the catalog's rules. The tree is
// what the orchestrator turns into service and resource order items, and what the explorer draws:
// every node names its TMF specification (with the href it is served at), its place in the type
// system, its characteristics with where each value came from, and its modify policy.

import type { Doc, Store } from '../store/port.js';
import { TmfError } from '../tmf/errors.js';
import { hrefOf, targetOf, type Target, type TmfContext } from '../tmf/resource-service.js';
import { spineCatalogIndex } from './data/index.js';
import {
  characteristicsOf,
  type CfsFunction,
  type CfsSubtype,
  type CharacteristicRef,
  type CharacteristicValue,
  type ItemAction,
  type ModifyPolicy,
  type ProductSpecificationDoc,
  type ResourceEdge,
  type ResourceSpecificationDoc,
  type RfsLayer,
  type ServiceEdge,
  type ServiceSpecificationDoc,
  type SubscriberResourceKind,
} from './model.js';

/** Where a characteristic's value in a decomposition came from. */
export const CharacteristicOrigins = {
  /** The specification's default (`isDefault`) value. */
  specDefault: 'specDefault',
  /** The product order item set it. */
  ordered: 'ordered',
  /** Derived from an ancestor's characteristic by a catalog mapping (`from` names it). */
  mapped: 'mapped',
} as const;
export type CharacteristicOrigin = keyof typeof CharacteristicOrigins;

/** A characteristic as a product order item carries it (TMF622 `productCharacteristic`). */
export type OrderedCharacteristic = { name: string; value: unknown };

/** A characteristic value in the tree, with its provenance. */
export type TreeCharacteristic = {
  name: string;
  value: CharacteristicValue;
  valueType: string;
  unitOfMeasure?: string;
  origin: CharacteristicOrigin;
  from?: CharacteristicRef;
};

/** The catalog document a node stands for, and where the TMF API serves it. */
export type SpecSummary = { id: string; name: string; '@type': string; version: string; href: string };

/** A resource to allocate; `slot` (its kind) matches it with its counterpart in another tree. */
export type ResourceNode = {
  kind: 'Resource';
  slot: SubscriberResourceKind;
  resourceKind: SubscriberResourceKind;
  spec: SpecSummary;
  onModify: ModifyPolicy;
  characteristics: TreeCharacteristic[];
};

/** A resource-facing service and the resources it is realised on. */
export type RfsNode = {
  kind: 'RFS';
  slot: RfsLayer;
  layer: RfsLayer;
  spec: SpecSummary;
  onModify: ModifyPolicy;
  characteristics: TreeCharacteristic[];
  resources: ResourceNode[];
};

/** A customer-facing service: a bundle's children are CFSs, an atomic CFS's children are RFSs. */
export type CfsNode = {
  kind: 'CFS';
  slot: CfsFunction;
  subtype: CfsSubtype;
  function: CfsFunction;
  spec: SpecSummary;
  onModify: ModifyPolicy;
  characteristics: TreeCharacteristic[];
  children: (CfsNode | RfsNode)[];
};

/**
 * What `itemActionsFor` compares: a node's specification, characteristic values and modify policy.
 * Any decomposition node is one; so is a node of an instance view read back from the inventories.
 */
export type ComparableNode = {
  spec: { id: string };
  characteristics: readonly { name: string; value: unknown }[];
  onModify: ModifyPolicy;
};

/** Any node of a decomposition tree. */
export type DecompositionNode = CfsNode | RfsNode | ResourceNode;

/** An offering decomposed: offering → product specification → CFS tree → RFSs → resources. */
export type Decomposition = {
  offering: { id: string; name: string; href: string; marketSegment: string[] };
  productSpecification: SpecSummary & { characteristics: TreeCharacteristic[] };
  services: CfsNode[];
};

type Level = { spec: string; characteristics: TreeCharacteristic[] };

const catalog = spineCatalogIndex;
const targets = {
  productOffering: targetOf('TMF620', 'productOffering'),
  productSpecification: targetOf('TMF620', 'productSpecification'),
  serviceSpecification: targetOf('TMF633', 'serviceSpecification'),
  resourceSpecification: targetOf('TMF634', 'resourceSpecification'),
};

/** Where the catalog documents are served: the hrefs in a tree are absolute, as the documents' own are. */
type HrefBase = Pick<TmfContext, 'baseUrl'>;

/**
 * Decomposes the offering TMF620 stores under `offeringId` (see `decompose`). NOT_FOUND when the
 * store has no such offering: the one way the orchestrator and the catalog endpoint read an offering.
 */
export async function decomposeStored(
  store: Pick<Store, 'getResource'>,
  ctx: HrefBase,
  offeringId: string,
  productCharacteristics: readonly OrderedCharacteristic[] = [],
): Promise<Decomposition> {
  const record = await store.getResource(targets.productOffering.api.id, targets.productOffering.resource.name, offeringId);
  if (!record) throw new TmfError('NOT_FOUND', `productOffering ${offeringId} does not exist`);
  return decompose(ctx, record.doc, productCharacteristics);
}

/**
 * Decomposes an offering document (as TMF620 serves it) by the rule of its product specification,
 * with the product characteristics an order item sets (others take the specification's defaults), its
 * hrefs under `ctx.baseUrl`. INVALID_BODY for an offering over a specification without a rule, for a
 * characteristic the specification does not have or a value it does not offer.
 */
export function decompose(ctx: HrefBase, offering: Doc, productCharacteristics: readonly OrderedCharacteristic[] = []): Decomposition {
  const offeringId = String(offering.id);
  const specId = (offering.productSpecification as Doc | undefined)?.id;
  const rule = specId === undefined ? undefined : catalog.rules.get(String(specId));
  if (!rule) {
    const over = specId === undefined ? 'names no productSpecification' : `is over productSpecification ${String(specId)}, which has no decomposition rule`;
    throw new TmfError('INVALID_BODY', `productOffering ${offeringId} ${over}: Spine decomposes only ${[...catalog.rules.keys()].join(', ')}`);
  }
  const productSpec = must(catalog.productSpecs, rule.productSpecification);
  const characteristics = productCharacteristicsOf(productSpec, productCharacteristics);
  const product: Level = { spec: productSpec.id, characteristics };
  return {
    offering: {
      id: offeringId,
      name: String(offering.name ?? ''),
      href: hrefOf(ctx, targets.productOffering, offeringId),
      marketSegment: ((offering.marketSegment as Doc[] | undefined) ?? []).map((segment) => String(segment.id)),
    },
    productSpecification: { ...summaryOf(ctx, productSpec, targets.productSpecification), characteristics },
    services: rule.services.map((edge) => cfsNode(ctx, edge, [product])),
  };
}

/**
 * The order item actions that take the instance of `current` to `target`, two nodes in the same slot
 * of two trees (either may be missing): add, delete, noChange, modify, or delete then add when the
 * specification differs or the edge's policy is `replace`.
 */
export function itemActionsFor(current: ComparableNode | undefined, target: ComparableNode | undefined): ItemAction[] {
  if (!current) return target ? ['add'] : [];
  if (!target) return ['delete'];
  if (current.spec.id !== target.spec.id) return ['delete', 'add'];
  if (sameValues(current.characteristics, target.characteristics)) return ['noChange'];
  return target.onModify === 'replace' ? ['delete', 'add'] : ['modify'];
}

function cfsNode(ctx: HrefBase, edge: ServiceEdge, ancestors: Level[]): CfsNode {
  const entry = must(catalog.serviceSpecs, edge.spec);
  if (!('function' in entry)) throw new Error(`catalog: ${edge.spec} is not a CFS specification`);
  const characteristics = resolve(entry.doc, ancestors);
  const path = [...ancestors, { spec: entry.doc.id, characteristics }];
  return {
    kind: 'CFS',
    slot: entry.function,
    subtype: entry.doc.isBundle ? 'bundle' : 'atomic',
    function: entry.function,
    spec: summaryOf(ctx, entry.doc, targets.serviceSpecification),
    onModify: edge.onModify,
    characteristics,
    children: (edge.services ?? []).map((child) => ('layer' in must(catalog.serviceSpecs, child.spec) ? rfsNode(ctx, child, path) : cfsNode(ctx, child, path))),
  };
}

function rfsNode(ctx: HrefBase, edge: ServiceEdge, ancestors: Level[]): RfsNode {
  const entry = must(catalog.serviceSpecs, edge.spec);
  if (!('layer' in entry)) throw new Error(`catalog: ${edge.spec} is not an RFS specification`);
  const characteristics = resolve(entry.doc, ancestors);
  const path = [...ancestors, { spec: entry.doc.id, characteristics }];
  return {
    kind: 'RFS',
    slot: entry.layer,
    layer: entry.layer,
    spec: summaryOf(ctx, entry.doc, targets.serviceSpecification),
    onModify: edge.onModify,
    characteristics,
    resources: (edge.resources ?? []).map((resource) => resourceNode(ctx, resource, path)),
  };
}

function resourceNode(ctx: HrefBase, edge: ResourceEdge, ancestors: Level[]): ResourceNode {
  const entry = must(catalog.resourceSpecs, edge.spec);
  if (entry.kind === 'shared') throw new Error(`catalog: shared resource ${edge.spec} cannot be allocated per order`);
  return {
    kind: 'Resource',
    slot: entry.kind,
    resourceKind: entry.kind,
    spec: summaryOf(ctx, entry.doc, targets.resourceSpecification),
    onModify: edge.onModify,
    characteristics: resolve(entry.doc, ancestors),
  };
}

// Each characteristic of the specification takes, in order of precedence: a value mapped from the
// nearest ancestor that has the mapping's source, then the specification's default. Characteristics
// with neither (a serial number, a VLAN id) are assigned at allocation and absent from the tree.
function resolve(doc: ServiceSpecificationDoc | ResourceSpecificationDoc, ancestors: Level[]): TreeCharacteristic[] {
  const mappings = catalog.mappingsTo.get(doc.id) ?? [];
  return characteristicsOf(doc).flatMap((spec) => {
    for (const mapping of mappings.filter((m) => m.to.characteristic === spec.name)) {
      const level = [...ancestors].reverse().find((a) => a.spec === mapping.from.spec);
      const source = level?.characteristics.find((c) => c.name === mapping.from.characteristic);
      if (!source) continue;
      const value = mapping.values ? mapping.values[String(source.value)] : source.value;
      if (value === undefined) {
        throw new Error(`catalog: no ${doc.id}.${spec.name} for ${mapping.from.spec}.${mapping.from.characteristic} = ${source.value}`);
      }
      return [withUnit({ name: spec.name, value, valueType: spec.valueType, origin: 'mapped', from: mapping.from }, spec.values)];
    }
    const byDefault = spec.values.find((v) => v.isDefault && v.value !== undefined);
    if (byDefault?.value === undefined) return [];
    return [withUnit({ name: spec.name, value: byDefault.value, valueType: spec.valueType, origin: 'specDefault' }, spec.values)];
  });
}

function productCharacteristicsOf(spec: ProductSpecificationDoc, ordered: readonly OrderedCharacteristic[]): TreeCharacteristic[] {
  const specs = characteristicsOf(spec);
  const chosen = new Map<string, CharacteristicValue>();
  for (const { name, value } of ordered) {
    const characteristic = specs.find((c) => c.name === name);
    if (!characteristic) throw new TmfError('INVALID_BODY', `productSpecification ${spec.id} has no characteristic ${name}`);
    const offered = characteristic.values.flatMap((v) => (v.value === undefined ? [] : [v.value]));
    // Order bodies often carry numbers as text ("1000"); the catalog's own value is kept.
    const match = offered.find((v) => String(v) === String(value));
    if (offered.length && match === undefined) {
      throw new TmfError('INVALID_BODY', `${name} ${String(value)} is not offered by ${spec.id} (offered: ${offered.join(', ')})`);
    }
    chosen.set(name, match ?? (value as CharacteristicValue));
  }
  return specs.flatMap((c) => {
    const value = chosen.get(c.name);
    if (value !== undefined) return [withUnit({ name: c.name, value, valueType: c.valueType, origin: 'ordered' }, c.values)];
    const byDefault = c.values.find((v) => v.isDefault && v.value !== undefined);
    if (byDefault?.value === undefined) return [];
    return [withUnit({ name: c.name, value: byDefault.value, valueType: c.valueType, origin: 'specDefault' }, c.values)];
  });
}

function withUnit(characteristic: TreeCharacteristic, values: { value?: CharacteristicValue; unitOfMeasure?: string }[]): TreeCharacteristic {
  const unitOfMeasure = values.find((v) => v.value === characteristic.value)?.unitOfMeasure ?? values.find((v) => v.unitOfMeasure)?.unitOfMeasure;
  return unitOfMeasure ? { ...characteristic, unitOfMeasure } : characteristic;
}

function sameValues(a: ComparableNode['characteristics'], b: ComparableNode['characteristics']): boolean {
  const text = (list: ComparableNode['characteristics']) => JSON.stringify(list.map((c) => [c.name, c.value]).sort());
  return text(a) === text(b);
}

function summaryOf(ctx: HrefBase, doc: { id: string; name: string; '@type': string; version: string }, target: Target): SpecSummary {
  return { id: doc.id, name: doc.name, '@type': doc['@type'], version: doc.version, href: hrefOf(ctx, target, doc.id) };
}

// The catalog was validated when src/catalog/index.ts loaded, so a miss here is a defect, not input.
function must<T>(map: Map<string, T>, id: string): T {
  const found = map.get(id);
  if (!found) throw new Error(`catalog: ${id} is missing`);
  return found;
}
