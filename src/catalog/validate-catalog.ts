// The catalog's integrity rules, checked at startup (src/catalog/index.ts) and in tests, so that a typo
// fails the boot instead of a provisioning run. Each problem is one sentence naming the entry.
//
// STYLE.md also asks that every decomposed service or resource has a lifecycle machine and an
// orchestrator step; those live in other rooms and are not checked here yet.

import { spineCatalog } from './data/index.js';
import {
  CfsFunctions,
  characteristicsOf,
  indexCatalog,
  ModifyPolicies,
  ResourceKinds,
  RfsLayers,
  serviceKindOf,
  SubscriberResourceKinds,
  type Catalog,
  type CatalogIndex,
  type CharacteristicRef,
  type CharacteristicSpec,
  type CharacteristicValue,
  type EntityRef,
  type ServiceEdge,
  type ServiceKind,
} from './model.js';

type Report = (problem: string) => void;

/** The problems of a catalog (the shipped one by default); an empty list when it is sound. */
export function validateCatalog(catalog: Catalog = spineCatalog): string[] {
  const problems: string[] = [];
  const report: Report = (problem) => problems.push(problem);
  const index = indexCatalog(catalog);
  checkUniqueIds(catalog, report);
  checkProducts(catalog, index, report);
  checkServiceSpecs(catalog, index, report);
  checkResourceSpecs(catalog, index, report);
  checkRules(catalog, index, report);
  checkMappings(catalog, index, report);
  return problems;
}

function checkUniqueIds(catalog: Catalog, report: Report): void {
  const ids = [
    ...catalog.productOfferings.map((d) => d.id),
    ...catalog.productOfferingPrices.map((d) => d.id),
    ...catalog.productSpecifications.map((d) => d.id),
    ...catalog.serviceSpecifications.map((e) => e.doc.id),
    ...catalog.resourceSpecifications.map((e) => e.doc.id),
  ];
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  for (const [id, count] of counts) if (count > 1) report(`id ${id} is used by ${count} catalog entries`);
}

function checkProducts(catalog: Catalog, index: CatalogIndex, report: Report): void {
  for (const offering of catalog.productOfferings) {
    const owner = `productOffering ${offering.id}`;
    checkRef(owner, 'productSpecification', offering.productSpecification, (id) => index.productSpecs.get(id), report);
    for (const price of offering.productOfferingPrice ?? []) {
      checkRef(owner, 'productOfferingPrice', price, (id) => index.prices.get(id), report);
    }
    for (const related of offering.productOfferingRelationship ?? []) {
      checkRef(owner, 'productOfferingRelationship', related, (id) => index.offerings.get(id), report);
    }
    if (index.productSpecs.has(offering.productSpecification.id) && !index.rules.has(offering.productSpecification.id)) {
      report(`${owner}: productSpecification ${offering.productSpecification.id} has no decomposition rule`);
    }
  }
  for (const spec of catalog.productSpecifications) {
    const owner = `productSpecification ${spec.id}`;
    for (const service of spec.serviceSpecification) {
      checkRef(owner, 'serviceSpecification', service, (id) => index.serviceSpecs.get(id)?.doc, report);
      const target = index.serviceSpecs.get(service.id);
      if (target && serviceKindOf(target.doc) !== 'CFS') report(`${owner}: serviceSpecification ${service.id} is not a CFS`);
    }
    for (const related of spec.productSpecificationRelationship ?? []) {
      checkRef(owner, 'productSpecificationRelationship', related, (id) => index.productSpecs.get(id), report);
    }
  }
}

function checkServiceSpecs(catalog: Catalog, index: CatalogIndex, report: Report): void {
  for (const entry of catalog.serviceSpecifications) {
    const { doc } = entry;
    const owner = `serviceSpecification ${doc.id}`;
    const kind = serviceKindOf(doc);
    if (!kind) report(`${owner}: @type ${doc['@type']} is neither a CFS nor an RFS specification`);
    if ('function' in entry && !Object.hasOwn(CfsFunctions, entry.function)) report(`${owner}: unknown CFS function ${entry.function}`);
    if ('layer' in entry && !Object.hasOwn(RfsLayers, entry.layer)) report(`${owner}: unknown RFS layer ${entry.layer}`);
    if (kind === 'CFS' && !('function' in entry)) report(`${owner}: a CFS specification needs a function`);
    if (kind === 'RFS' && !('layer' in entry)) report(`${owner}: an RFS specification needs a layer`);
    const resources = doc.resourceSpecification ?? [];
    if (kind === 'RFS' && resources.length === 0) report(`${owner}: an RFS specification must name at least one resource specification`);
    if (kind === 'CFS' && resources.length > 0) report(`${owner}: only an RFS specification may name resource specifications`);
    for (const resource of resources) {
      checkRef(owner, 'resourceSpecification', resource, (id) => index.resourceSpecs.get(id)?.doc, report);
    }
    for (const related of doc.serviceSpecRelationship ?? []) {
      checkRef(owner, 'serviceSpecRelationship', related, (id) => index.serviceSpecs.get(id)?.doc, report);
    }
  }
}

function checkResourceSpecs(catalog: Catalog, index: CatalogIndex, report: Report): void {
  for (const { doc, kind } of catalog.resourceSpecifications) {
    const owner = `resourceSpecification ${doc.id}`;
    if (!Object.hasOwn(ResourceKinds, kind)) {
      report(`${owner}: kind ${kind} is neither a per-subscriber kind (${Object.keys(SubscriberResourceKinds).join(', ')}) nor shared`);
    }
    for (const related of doc.resourceSpecRelationship ?? []) {
      checkRef(owner, 'resourceSpecRelationship', related, (id) => index.resourceSpecs.get(id)?.doc, report);
    }
  }
}

// Every edge of a rule must follow a relationship the TMF documents publish, in the shape the type
// system allows: product → CFS, bundle → CFS, atomic CFS → RFS, RFS → per-subscriber resources. Each
// slot (CFS function, RFS layer, resource kind) appears once, so a modify can pair the nodes of two trees.
function checkRules(catalog: Catalog, index: CatalogIndex, report: Report): void {
  const ruled = new Set<string>();
  for (const rule of catalog.decompositionRules) {
    const owner = `decomposition of ${rule.productSpecification}`;
    if (ruled.has(rule.productSpecification)) report(`${owner}: defined twice`);
    ruled.add(rule.productSpecification);
    const productSpec = index.productSpecs.get(rule.productSpecification);
    if (!productSpec) {
      report(`${owner}: productSpecification ${rule.productSpecification} does not exist`);
      continue;
    }
    if (rule.services.length === 0) report(`${owner}: decomposes into no CFS`);
    const slots = new Set<string>();
    const claim = (slot: string) => {
      if (slots.has(slot)) report(`${owner}: slot ${slot} is filled twice`);
      slots.add(slot);
    };
    const walk = (edge: ServiceEdge, expected: ServiceKind, parent: string, listed: readonly EntityRef[]) => {
      const entry = index.serviceSpecs.get(edge.spec);
      if (!entry) return report(`${owner}: serviceSpecification ${edge.spec} does not exist`);
      const kind = serviceKindOf(entry.doc);
      if (kind !== expected) return report(`${owner}: ${parent} must decompose into ${expected}s, ${edge.spec} is not one`);
      if (!listed.some((ref) => ref.id === edge.spec)) report(`${owner}: ${parent} does not publish a relationship to ${edge.spec}`);
      checkPolicy(owner, edge.spec, edge.onModify, report);
      claim('function' in entry ? entry.function : entry.layer);
      if (kind === 'CFS') {
        if (!edge.services?.length) report(`${owner}: CFS ${edge.spec} decomposes into nothing`);
        if (edge.resources?.length) report(`${owner}: CFS ${edge.spec} cannot hold resources; only an RFS can`);
        const childKind = entry.doc.isBundle ? 'CFS' : 'RFS';
        for (const child of edge.services ?? []) walk(child, childKind, edge.spec, entry.doc.serviceSpecRelationship ?? []);
        return;
      }
      if (edge.services?.length) report(`${owner}: RFS ${edge.spec} cannot decompose into services`);
      if (!edge.resources?.length) report(`${owner}: RFS ${edge.spec} allocates no resource`);
      for (const resource of edge.resources ?? []) {
        const target = index.resourceSpecs.get(resource.spec);
        if (!target) {
          report(`${owner}: resourceSpecification ${resource.spec} does not exist`);
          continue;
        }
        if (target.kind === 'shared') report(`${owner}: ${resource.spec} is shared and cannot be allocated per order`);
        if (!(entry.doc.resourceSpecification ?? []).some((ref) => ref.id === resource.spec)) {
          report(`${owner}: ${edge.spec} does not list resourceSpecification ${resource.spec}`);
        }
        checkPolicy(owner, resource.spec, resource.onModify, report);
        claim(target.kind);
      }
    };
    for (const edge of rule.services) walk(edge, 'CFS', productSpec.id, productSpec.serviceSpecification);
  }
}

function checkMappings(catalog: Catalog, index: CatalogIndex, report: Report): void {
  for (const mapping of catalog.characteristicMappings) {
    const owner = `mapping ${label(mapping.from)} → ${label(mapping.to)}`;
    const from = characteristicSpec(index, mapping.from, owner, report);
    const to = characteristicSpec(index, mapping.to, owner, report);
    if (!from || !to) continue;
    const sources = discreteValues(from);
    const targets = discreteValues(to);
    const produced = mapping.values ? Object.values(mapping.values) : sources;
    if (mapping.values) {
      for (const value of sources) {
        if (!Object.hasOwn(mapping.values, String(value))) report(`${owner}: no value for ${label(mapping.from)} = ${value}`);
      }
    }
    if (targets.length === 0) continue;
    for (const value of produced) {
      if (!targets.includes(value)) report(`${owner}: ${value} is not a value ${label(mapping.to)} allows`);
    }
  }
}

function characteristicSpec(index: CatalogIndex, ref: CharacteristicRef, owner: string, report: Report): CharacteristicSpec | undefined {
  const doc = index.productSpecs.get(ref.spec) ?? index.serviceSpecs.get(ref.spec)?.doc ?? index.resourceSpecs.get(ref.spec)?.doc;
  if (!doc) {
    report(`${owner}: specification ${ref.spec} does not exist`);
    return undefined;
  }
  const found = characteristicsOf(doc).find((c) => c.name === ref.characteristic);
  if (!found) report(`${owner}: ${ref.spec} has no characteristic ${ref.characteristic}`);
  return found;
}

function checkRef(owner: string, field: string, ref: EntityRef, lookup: (id: string) => { name: string } | undefined, report: Report): void {
  const target = lookup(ref.id);
  if (!target) report(`${owner}: ${field} ${ref.id} does not exist`);
  else if (ref.name !== undefined && ref.name !== target.name) {
    report(`${owner}: ${field} ${ref.id} is called "${ref.name}" but is named "${target.name}"`);
  }
}

function checkPolicy(owner: string, spec: string, policy: string, report: Report): void {
  if (!Object.hasOwn(ModifyPolicies, policy)) report(`${owner}: ${spec} has unknown modify policy ${policy}`);
}

function discreteValues(spec: CharacteristicSpec): CharacteristicValue[] {
  return spec.values.flatMap((v) => (v.value === undefined ? [] : [v.value]));
}

function label(ref: CharacteristicRef): string {
  return `${ref.spec}.${ref.characteristic}`;
}
