// The catalog's shape: TMF620/633/634 documents as typed data, the decomposition rules and
// characteristic mappings beside them, and the vocabularies that classify them.
//
// "Three CFS subtypes" (the brief's concept card). TM Forum defines no official triad (TMF-DOMAIN §8),
// so Spine keeps two separate things, as that section recommends:
//   - the *type system* is structural, the three kinds of service specification a TMF orchestrator
//     branches on (ETSI OpenSlice does exactly this): a bundle CFS (`@type`
//     CustomerFacingServiceSpecification, `isBundle: true`, regroups CFSs), an atomic CFS (`isBundle`
//     false, realised by RFSs) and an RFS (`@type` ResourceFacingServiceSpecification, the only kind
//     that links to resource specifications). `CfsSubtypes` is derived from `isBundle`, never stored
//     twice, so the explorer's card and the TMF documents cannot disagree;
//   - the *functional split* is catalog content (`CfsFunctions`, `RfsLayers`): the broadband bundle
//     regroups Internet Access and Home Network (WiFi/CPE management), after the bssoss-academy GPON
//     example. A triple-play catalog would add Voice and IPTV functions without changing the types.
// Why: the structural kinds are what TMF's own fields (`@type`, `isBundle`) can express and what the
// orchestrator must act on; a functional triad is one operator's product design and would make the
// type system wrong the day a fourth function is sold.

/** A characteristic value as TMF carries it (`Any` in the specs; Spine uses scalars). */
export type CharacteristicValue = string | number | boolean;

/** A reference to another catalog entity (TMF `*Ref`). */
export type EntityRef = { id: string; name?: string; '@referredType'?: string };

/** One allowed value, or range of values, of a characteristic (TMF `CharacteristicValueSpecification`). */
export type ValueSpecification = {
  value?: CharacteristicValue;
  valueFrom?: number;
  valueTo?: number;
  valueType?: string;
  unitOfMeasure?: string;
  isDefault?: boolean;
};

/** The fields the three APIs' characteristic specifications share; each names its value list differently. */
type CharacteristicSpecificationBase = {
  name: string;
  description?: string;
  valueType: string;
  configurable?: boolean;
  minCardinality?: number;
  maxCardinality?: number;
  regex?: string;
};

/** TMF620 `ProductSpecificationCharacteristic`. */
export type ProductSpecCharacteristic = CharacteristicSpecificationBase & {
  productSpecCharacteristicValue?: ValueSpecification[];
};

/** TMF633 `CharacteristicSpecification`. */
export type ServiceSpecCharacteristic = CharacteristicSpecificationBase & {
  characteristicValueSpecification?: ValueSpecification[];
};

/** TMF634 `ResourceSpecificationCharacteristic`. */
export type ResourceSpecCharacteristic = CharacteristicSpecificationBase & {
  resourceSpecCharacteristicValue?: ValueSpecification[];
};

type CatalogEntity = {
  id: string;
  name: string;
  description?: string;
  version: string;
  lifecycleStatus: string;
  validFor?: { startDateTime?: string; endDateTime?: string };
  '@type': string;
  '@baseType'?: string;
};

/** A TMF620 ProductOffering as the catalog publishes it. */
export type ProductOfferingDoc = CatalogEntity & {
  isBundle: boolean;
  isSellable: boolean;
  productSpecification: EntityRef;
  productOfferingPrice?: EntityRef[];
  marketSegment?: EntityRef[];
  channel?: EntityRef[];
  place?: EntityRef[];
  productOfferingRelationship?: (EntityRef & { relationshipType: string })[];
};

/** A TMF620 ProductOfferingPrice (a monthly recurring charge here). */
export type ProductOfferingPriceDoc = CatalogEntity & {
  priceType: string;
  recurringChargePeriodType?: string;
  recurringChargePeriodLength?: number;
  price: { unit: string; value: number };
};

/** A TMF620 ProductSpecification: its characteristics and the CFS specifications that realise it. */
export type ProductSpecificationDoc = CatalogEntity & {
  isBundle: boolean;
  brand?: string;
  productSpecCharacteristic: ProductSpecCharacteristic[];
  serviceSpecification: EntityRef[];
  productSpecificationRelationship?: (EntityRef & { relationshipType: string })[];
};

/** A TMF633 ServiceSpecification, CFS or RFS by `@type`. */
export type ServiceSpecificationDoc = CatalogEntity & {
  isBundle: boolean;
  specCharacteristic?: ServiceSpecCharacteristic[];
  serviceSpecRelationship?: (EntityRef & { relationshipType: string; role?: string })[];
  resourceSpecification?: EntityRef[];
};

/** A TMF634 ResourceSpecification. */
export type ResourceSpecificationDoc = CatalogEntity & {
  category: string;
  isBundle: boolean;
  resourceSpecCharacteristic?: ResourceSpecCharacteristic[];
  resourceSpecRelationship?: (EntityRef & { relationshipType: string; role?: string })[];
};

/** The two `@type`s of TMF633 service specifications (CFSS / RFSS). */
export const ServiceSpecTypes = {
  CFS: 'CustomerFacingServiceSpecification',
  RFS: 'ResourceFacingServiceSpecification',
} as const;

/** Service layers: customer facing or resource facing. */
export const ServiceKinds = { CFS: 'CFS', RFS: 'RFS' } as const;
export type ServiceKind = keyof typeof ServiceKinds;

/** The structural CFS subtypes, read from TMF633 `isBundle` (see the top of this file). */
export const CfsSubtypes = { atomic: 'atomic', bundle: 'bundle' } as const;
export type CfsSubtype = keyof typeof CfsSubtypes;

/** What a CFS does for the customer: the broadband catalog's functional split (content, not type). */
export const CfsFunctions = {
  /** The bundle the product is realised by: everything the customer perceives as "broadband". */
  broadband: 'broadband',
  internetAccess: 'internetAccess',
  /** WiFi and CPE management. */
  homeNetwork: 'homeNetwork',
} as const;
export type CfsFunction = keyof typeof CfsFunctions;

/** What an RFS provides towards the network; also the key that matches RFSs of two trees in a modify. */
export const RfsLayers = {
  /** The access bearer: PON (or copper) port to premises. */
  access: 'access',
  /** The S-VLAN/C-VLAN transport from access node to BNG. */
  transport: 'transport',
  /** The IP session on the BNG, with its RADIUS rate profile. */
  subscriberSession: 'subscriberSession',
  /** The CPE (ONT, modem) under OMCI/TR-069 management. */
  cpeManagement: 'cpeManagement',
} as const;
export type RfsLayer = keyof typeof RfsLayers;

/** The five resources allocated per subscriber (resourceId ×5 of the golden thread, TMF-DOMAIN §9). */
export const SubscriberResourceKinds = {
  /** OLT PON port (GPON, XGS-PON); the DSLAM port for VDSL2. */
  accessPort: 'accessPort',
  /** ONT; the VDSL2 modem. */
  cpe: 'cpe',
  /** S-VLAN/C-VLAN pair (QinQ, 1:1). */
  vlanPair: 'vlanPair',
  /** Fibre drop with its splitter port; the copper drop for VDSL2. */
  drop: 'drop',
  /** BNG subscriber session. */
  bngSession: 'bngSession',
} as const;
export type SubscriberResourceKind = keyof typeof SubscriberResourceKinds;

/** A resource specification is one of the per-subscriber kinds, or shared (OLT, splitter, BNG): referenced, never allocated per order. */
export const ResourceKinds = { ...SubscriberResourceKinds, shared: 'shared' } as const;
export type ResourceKind = keyof typeof ResourceKinds;

/**
 * What a modify order does to a child of the decomposition (add always adds, delete always deletes
 * every child). A different specification on either side is always a delete plus an add.
 */
export const ModifyPolicies = {
  /** Same specification, changed characteristics: `modify` the existing instance (a BNG rate profile). */
  modifyInPlace: 'modifyInPlace',
  /** Any change releases the instance and takes a new one (a PON port, an ONT). */
  replace: 'replace',
} as const;
export type ModifyPolicy = keyof typeof ModifyPolicies;

/** Order item actions as TMF622/TMF641 spell them (TMF652 v4 writes `no_change`). */
export const ItemActions = { add: 'add', modify: 'modify', delete: 'delete', noChange: 'noChange' } as const;
export type ItemAction = keyof typeof ItemActions;

/** A TMF633 service specification with the role it plays in decompositions. */
export type ServiceSpecEntry =
  | { doc: ServiceSpecificationDoc; function: CfsFunction }
  | { doc: ServiceSpecificationDoc; layer: RfsLayer };

/** A TMF634 resource specification with its allocation kind. */
export type ResourceSpecEntry = { doc: ResourceSpecificationDoc; kind: ResourceKind };

/** One edge to a resource specification in a decomposition rule. */
export type ResourceEdge = { spec: string; onModify: ModifyPolicy };

/** One edge to a service specification: a bundle lists CFSs, an atomic CFS lists RFSs, an RFS lists resources. */
export type ServiceEdge = {
  spec: string;
  onModify: ModifyPolicy;
  services?: ServiceEdge[];
  resources?: ResourceEdge[];
};

/** How the orchestrator realises one product specification: its CFS tree down to resource specs. */
export type DecompositionRule = { productSpecification: string; services: ServiceEdge[] };

/** Names one characteristic of one specification (product, service or resource). */
export type CharacteristicRef = { spec: string; characteristic: string };

/**
 * Derives a characteristic of a specification from one of an ancestor's in the decomposition tree.
 * `values` translates (keys are the source value as text); without it the value is copied.
 */
export type CharacteristicMapping = {
  from: CharacteristicRef;
  to: CharacteristicRef;
  values?: Record<string, CharacteristicValue>;
};

/** The whole catalog, or one offering family's part of it. */
export type Catalog = {
  productOfferings: ProductOfferingDoc[];
  productOfferingPrices: ProductOfferingPriceDoc[];
  productSpecifications: ProductSpecificationDoc[];
  serviceSpecifications: ServiceSpecEntry[];
  resourceSpecifications: ResourceSpecEntry[];
  decompositionRules: DecompositionRule[];
  characteristicMappings: CharacteristicMapping[];
};

/** One family file's contribution; missing lists are empty. */
export type CatalogPart = Partial<Catalog>;

/** Concatenates family parts into one catalog, in the order given. */
export function mergeCatalog(...parts: CatalogPart[]): Catalog {
  const all = <K extends keyof Catalog>(key: K) => parts.flatMap((part): unknown[] => part[key] ?? []) as Catalog[K];
  return {
    productOfferings: all('productOfferings'),
    productOfferingPrices: all('productOfferingPrices'),
    productSpecifications: all('productSpecifications'),
    serviceSpecifications: all('serviceSpecifications'),
    resourceSpecifications: all('resourceSpecifications'),
    decompositionRules: all('decompositionRules'),
    characteristicMappings: all('characteristicMappings'),
  };
}

/** Lookups by id over a catalog (the first entry wins on a duplicate; validateCatalog reports those). */
export type CatalogIndex = {
  offerings: Map<string, ProductOfferingDoc>;
  prices: Map<string, ProductOfferingPriceDoc>;
  productSpecs: Map<string, ProductSpecificationDoc>;
  serviceSpecs: Map<string, ServiceSpecEntry>;
  resourceSpecs: Map<string, ResourceSpecEntry>;
  rules: Map<string, DecompositionRule>;
  /** Mappings by the specification they write to. */
  mappingsTo: Map<string, CharacteristicMapping[]>;
};

/** Builds the id lookups of a catalog. */
export function indexCatalog(catalog: Catalog): CatalogIndex {
  const mappingsTo = new Map<string, CharacteristicMapping[]>();
  for (const mapping of catalog.characteristicMappings) {
    mappingsTo.set(mapping.to.spec, [...(mappingsTo.get(mapping.to.spec) ?? []), mapping]);
  }
  return {
    offerings: byId(catalog.productOfferings, (d) => d.id),
    prices: byId(catalog.productOfferingPrices, (d) => d.id),
    productSpecs: byId(catalog.productSpecifications, (d) => d.id),
    serviceSpecs: byId(catalog.serviceSpecifications, (e) => e.doc.id),
    resourceSpecs: byId(catalog.resourceSpecifications, (e) => e.doc.id),
    rules: byId(catalog.decompositionRules, (r) => r.productSpecification),
    mappingsTo,
  };
}

/** A characteristic specification of any of the three APIs, with its allowed values under one name. */
export type CharacteristicSpec = { name: string; valueType: string; values: ValueSpecification[] };

/** The characteristic specifications of a product, service or resource specification. */
export function characteristicsOf(
  doc: ProductSpecificationDoc | ServiceSpecificationDoc | ResourceSpecificationDoc,
): CharacteristicSpec[] {
  if ('productSpecCharacteristic' in doc) {
    return doc.productSpecCharacteristic.map((c) => ({ name: c.name, valueType: c.valueType, values: c.productSpecCharacteristicValue ?? [] }));
  }
  if ('resourceSpecCharacteristic' in doc) {
    return (doc.resourceSpecCharacteristic ?? []).map((c) => ({ name: c.name, valueType: c.valueType, values: c.resourceSpecCharacteristicValue ?? [] }));
  }
  if ('specCharacteristic' in doc) {
    return (doc.specCharacteristic ?? []).map((c) => ({ name: c.name, valueType: c.valueType, values: c.characteristicValueSpecification ?? [] }));
  }
  return [];
}

/** The kind of a service specification, from its TMF `@type`; undefined for any other `@type`. */
export function serviceKindOf(doc: ServiceSpecificationDoc): ServiceKind | undefined {
  if (doc['@type'] === ServiceSpecTypes.CFS) return 'CFS';
  if (doc['@type'] === ServiceSpecTypes.RFS) return 'RFS';
  return undefined;
}

function byId<T>(items: readonly T[], idOf: (item: T) => string): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) if (!map.has(idOf(item))) map.set(idOf(item), item);
  return map;
}
