// Gate 1, commercial (TMF679 productOfferingQualification): per item, may this customer buy this
// offering through this channel? The offering must be on sale, by the predicate the cart applies
// (COMM-001), its `marketSegment` must hold the customer's marketSegment characteristic (COMM-003), and
// its `channel` the POQ's channel when one is given (COMM-002).
// An item that fails gets the catalog's equivalent offerings (same access technology and download
// speed, passing every rule) in its suggestedAction, and as alternateProductOfferingProposal when the
// request asks for alternatives. The POQ's `place` is not read: the address is TMF673's and TMF645's job.

import { notOnSaleText } from '../../catalog/on-sale.js';
import type { Doc, Store } from '../../store/port.js';
import { TmfError } from '../../tmf/errors.js';
import { isPlainObject } from '../../tmf/merge-patch.js';
import { itemResult, listed, overallResult, reasonOf, TaskStates, type UnavailabilityReason } from './reasons.js';
import { namedCustomer, objectsOf, readOfferings, type CustomerFacts, type OfferingFacts } from './tmf-reads.js';

/** Who asks, and through which channel. */
interface Asked {
  customer: CustomerFacts;
  channel: string | undefined;
}

// An offering that names no segment (or channel) is sold to every segment (through every channel).
const RULES = {
  notOnSale: (offering: OfferingFacts) => !offering.notOnSale,
  segmentMismatch: (offering: OfferingFacts, { customer }: Asked) =>
    !offering.segments.length || (customer.segment !== undefined && offering.segments.includes(customer.segment)),
  channelNotAllowed: (offering: OfferingFacts, { channel }: Asked) =>
    !offering.channels.length || channel === undefined || offering.channels.includes(channel),
} as const;
type Rule = keyof typeof RULES;

/** The result attributes of a ProductOfferingQualification: each item answered, and the overall result. */
export async function qualifyOfferings(tx: Store, request: Doc, at: string): Promise<Doc> {
  const items = objectsOf(request.productOfferingQualificationItem);
  if (!items.length) throw new TmfError('INVALID_BODY', 'productOfferingQualificationItem must list at least one item');
  const customer = await namedCustomer(tx, request.relatedParty);
  if (!customer) throw new TmfError('INVALID_BODY', 'relatedParty must name the customer (role customer) whose eligibility is checked');
  const asked: Asked = { customer, channel: isPlainObject(request.channel) && typeof request.channel.id === 'string' ? request.channel.id : undefined };
  const offerings = await readOfferings(tx);
  const answered = items.map((item, index) => {
    const ref = isPlainObject(item.productOffering) ? item.productOffering : {};
    const offering = offerings.find((o) => o.id === ref.id);
    if (!offering) {
      throw new TmfError('INVALID_BODY', `productOfferingQualificationItem[${index}].productOffering names productOffering ${String(ref.id)}, which does not exist`);
    }
    const equivalents = offerings.filter((o) => o.id !== offering.id && passes(o, asked) && sameService(o, offering));
    const reasons = (Object.keys(RULES) as Rule[])
      .filter((rule) => !RULES[rule](offering, asked))
      .map((rule) => explain(rule, offering, asked, equivalents));
    const proposals = reasons.length && request.provideAlternative === true ? equivalents : [];
    const result = itemResult(reasons, proposals);
    return {
      ...item,
      state: TaskStates.done,
      qualificationItemResult: result,
      ...(reasons.length > 0 && request.provideUnavailabilityReason !== false && { eligibilityUnavailabilityReason: reasons }),
      ...(proposals.length > 0 && { alternateProductOfferingProposal: proposals.map((o) => ({ alternateProductOffering: o.ref })) }),
    };
  });
  return {
    productOfferingQualificationItem: answered,
    qualificationResult: overallResult(answered.map((item) => item.qualificationItemResult)),
    effectiveQualificationDate: at,
  };
}

function passes(offering: OfferingFacts, asked: Asked): boolean {
  return (Object.keys(RULES) as Rule[]).every((rule) => RULES[rule](offering, asked));
}

function sameService(a: OfferingFacts, b: OfferingFacts): boolean {
  return a.accessTechnology === b.accessTechnology && a.downloadSpeed === b.downloadSpeed;
}

function explain(rule: Rule, offering: OfferingFacts, { customer, channel }: Asked, equivalents: OfferingFacts[]): UnavailabilityReason {
  const instead = listed(equivalents.map((o) => o.id));
  const service = `${offering.accessTechnology ?? 'any access'}, ${offering.downloadSpeed ?? '?'} Mbps`;
  switch (rule) {
    case 'notOnSale':
      return reasonOf(
        rule,
        `Product ${offering.id} is ${notOnSaleText(offering, offering.notOnSale!)}.`,
        equivalents.length ? `Offer ${instead} instead` : `No offering on sale in the catalog matches ${offering.id} (${service})`,
      );
    case 'segmentMismatch':
      return reasonOf(
        rule,
        `Product ${offering.id} requires customerSegment=${listed(offering.segments)}. Customer ${customer.id} is segment=${customer.segment ?? 'unknown'}.`,
        equivalents.length
          ? `Offer ${instead} (${customer.segment}) instead`
          : `No ${customer.segment ?? 'matching'} offering in the catalog matches ${offering.id} (${service})`,
      );
    case 'channelNotAllowed':
      return reasonOf(
        rule,
        `Product ${offering.id} is sold through ${listed(offering.channels)}. This qualification came through ${channel}.`,
        `Order ${offering.id} through ${listed(offering.channels)}${equivalents.length ? `, or offer ${instead} instead` : ''}`,
      );
  }
}
