import type { Doc } from '../../store/port.js';
import { hrefOf, targetOf, type Target, type TmfContext } from '../../tmf/resource-service.js';

// Small builders for the TMF reference objects steps put in their payloads. Every reference to an
// entity Spine serves carries that entity's href, so whoever reads the document can follow it.

/** Where each kind of entity a journey refers to is served (services and resources: the inventories). */
const SERVED_AT = {
  Appointment: targetOf('TMF646', 'appointment'),
  BillingAccount: targetOf('TMF666', 'billingAccount'),
  Customer: targetOf('TMF629', 'customer'),
  GeographicAddress: targetOf('TMF673', 'geographicAddress'),
  Product: targetOf('TMF637', 'product'),
  ProductOffering: targetOf('TMF620', 'productOffering'),
  ProductOfferingPrice: targetOf('TMF620', 'productOfferingPrice'),
  ProductOfferingQualification: targetOf('TMF679', 'productOfferingQualification'),
  ProductOrder: targetOf('TMF622', 'productOrder'),
  ProductSpecification: targetOf('TMF620', 'productSpecification'),
  Resource: targetOf('TMF639', 'resource'),
  ResourceOrder: targetOf('TMF652', 'resourceOrder'),
  ResourceSpecification: targetOf('TMF634', 'resourceSpecification'),
  Service: targetOf('TMF638', 'service'),
  ServiceOrder: targetOf('TMF641', 'serviceOrder'),
  ServiceSpecification: targetOf('TMF633', 'serviceSpecification'),
  ShoppingCart: targetOf('TMF663', 'shoppingCart'),
} as const satisfies Record<string, Target>;

/** The `@referredType` of an entity a journey can refer to by id alone. */
export type ServedType = keyof typeof SERVED_AT;

/** A TMF `*Ref`: id, href and the referred type, from a stored document. */
export function refTo(doc: Doc, referredType: string, extra: Doc = {}): Doc {
  return { id: doc.id, href: doc.href, '@referredType': referredType, ...extra };
}

/** The href a served entity known by its id answers with. */
export function hrefById(tmf: Pick<TmfContext, 'baseUrl'>, type: ServedType, id: unknown): string {
  return hrefOf(tmf, SERVED_AT[type], String(id));
}

/** A TMF `*Ref` to a served entity known by its id, with the href that entity answers with. */
export function refById(tmf: Pick<TmfContext, 'baseUrl'>, referredType: ServedType, id: unknown, extra: Doc = {}): Doc {
  return { id, href: hrefById(tmf, referredType, id), ...extra, '@referredType': referredType };
}

/** A `relatedParty` entry for the journey's customer (TMF629). */
export function customerParty(tmf: Pick<TmfContext, 'baseUrl'>, context: Doc): Doc {
  return refById(tmf, 'Customer', context.customerId, { name: context.customerName, role: 'customer', '@type': 'RelatedParty' });
}

/** The value of a named characteristic in a TMF `*Characteristic` list. */
export function characteristic(list: unknown, name: string): unknown {
  return Array.isArray(list) ? (list as Doc[]).find((c) => c.name === name)?.value : undefined;
}
