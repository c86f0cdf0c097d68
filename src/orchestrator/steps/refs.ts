import type { Doc } from '../../store/port.js';

// Small builders for the TMF reference objects steps put in their payloads.

/** A TMF `*Ref`: id, href and the referred type, from a stored document. */
export function refTo(doc: Doc, referredType: string, extra: Doc = {}): Doc {
  return { id: doc.id, href: doc.href, '@referredType': referredType, ...extra };
}

/** A `relatedParty` entry for the journey's customer. */
export function customerParty(context: Doc): Doc {
  return { id: context.customerId, name: context.customerName, role: 'customer', '@type': 'RelatedParty', '@referredType': 'Customer' };
}

/** The value of a named characteristic in a TMF `*Characteristic` list. */
export function characteristic(list: unknown, name: string): unknown {
  return Array.isArray(list) ? (list as Doc[]).find((c) => c.name === name)?.value : undefined;
}
