// What the gates read from the TMF APIs, inside the caller's transaction: the customer (TMF629), the
// address (TMF673), the catalog's offerings with the facts of their product specifications (TMF620) and
// the service specifications those name (TMF633).
// Reads only. A request naming something that does not exist is refused with 400, as a reservation
// naming an unknown resource is.

import { whyNotOnSale, type NotOnSaleReason } from '../../catalog/on-sale.js';
import { CustomerCharacteristics } from '../../scenarios/demo-data/parties.js';
import type { Doc, Store } from '../../store/port.js';
import { TmfError } from '../../tmf/errors.js';
import { isPlainObject } from '../../tmf/merge-patch.js';
import { targetOf, type Target } from '../../tmf/resource-service.js';

/** Where the gates read customers, addresses and the catalog. */
export const Sources = {
  customer: targetOf('TMF629', 'customer'),
  address: targetOf('TMF673', 'geographicAddress'),
  offering: targetOf('TMF620', 'productOffering'),
  productSpecification: targetOf('TMF620', 'productSpecification'),
  serviceSpecification: targetOf('TMF633', 'serviceSpecification'),
} as const;

/** A customer as the commercial gate sees it. */
export interface CustomerFacts {
  id: string;
  /** The Customer `characteristic` named marketSegment (TMF629 v4 has no attribute for it). */
  segment: string | undefined;
}

/** An offering with what the gates compare: segments, channels and its specification's access and speed. */
export interface OfferingFacts {
  /** A ProductOfferingRef to it: id, href, name, @referredType. */
  ref: Doc;
  id: string;
  name: string;
  lifecycleStatus: string | undefined;
  /** Why it is not on sale on its own (the predicate the cart applies), undefined when it is. */
  notOnSale: NotOnSaleReason | undefined;
  segments: string[];
  channels: string[];
  accessTechnology: string | undefined;
  downloadSpeed: number | undefined;
  /** The CFS specifications that realise it (its product specification's serviceSpecification). */
  serviceSpecification: Doc[];
}

/** The list elements of a TMF array attribute that are objects. */
export function objectsOf(value: unknown): Doc[] {
  return Array.isArray(value) ? value.filter(isPlainObject) : [];
}

/** A stored resource by id, or a 400 saying which part of the request named it. */
export async function requireDoc(tx: Store, { api, resource }: Target, id: unknown, context: string): Promise<Doc> {
  const record = typeof id === 'string' ? await tx.getResource(api.id, resource.name, id) : undefined;
  if (!record) throw new TmfError('INVALID_BODY', `${context} names ${resource.name} ${String(id)}, which does not exist`);
  return record.doc;
}

/** The customer of a `relatedParty` list (role customer, or a Customer ref); undefined when none is named. */
export async function namedCustomer(tx: Store, relatedParty: unknown): Promise<CustomerFacts | undefined> {
  const party = objectsOf(relatedParty).find((p) => p.role === 'customer' || p['@referredType'] === 'Customer');
  if (!party) return undefined;
  const doc = await requireDoc(tx, Sources.customer, party.id, 'relatedParty');
  const segment = objectsOf(doc.characteristic).find((c) => c.name === CustomerCharacteristics.marketSegment)?.value;
  return { id: String(doc.id), segment: typeof segment === 'string' ? segment : undefined };
}

/** Every offering of the catalog with its facts, in catalog order. */
export async function readOfferings(tx: Store): Promise<OfferingFacts[]> {
  const { api, resource } = Sources.offering;
  const records = await tx.listResources({ api: api.id, resource: resource.name });
  const offerings: OfferingFacts[] = [];
  for (const { doc } of records) offerings.push(await offeringFacts(tx, doc));
  return offerings;
}

async function offeringFacts(tx: Store, doc: Doc): Promise<OfferingFacts> {
  const specRef = isPlainObject(doc.productSpecification) ? doc.productSpecification : {};
  const spec = typeof specRef.id === 'string' ? (await tx.getResource(Sources.productSpecification.api.id, Sources.productSpecification.resource.name, specRef.id))?.doc : undefined;
  const characteristic = (name: string) => {
    const values = objectsOf(objectsOf(spec?.productSpecCharacteristic).find((c) => c.name === name)?.productSpecCharacteristicValue);
    return (values.find((v) => v.isDefault === true) ?? values[0])?.value;
  };
  const access = characteristic('accessTechnology');
  const speed = characteristic('downloadSpeed');
  return {
    ref: { id: doc.id, href: doc.href, name: doc.name, '@referredType': 'ProductOffering' },
    id: String(doc.id),
    name: String(doc.name),
    lifecycleStatus: typeof doc.lifecycleStatus === 'string' ? doc.lifecycleStatus : undefined,
    notOnSale: whyNotOnSale(doc),
    segments: idsOf(doc.marketSegment),
    channels: idsOf(doc.channel),
    accessTechnology: typeof access === 'string' ? access : undefined,
    downloadSpeed: typeof speed === 'number' ? speed : undefined,
    serviceSpecification: objectsOf(spec?.serviceSpecification),
  };
}

function idsOf(refs: unknown): string[] {
  return objectsOf(refs).map((r) => String(r.id));
}
