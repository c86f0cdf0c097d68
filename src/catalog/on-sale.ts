// Whether a TMF620 offering is on sale, decided in one place: the TMF663 cart takes only offerings on
// sale, and the TMF679 commercial gate qualifies and proposes only those, so the two cannot disagree.

/**
 * The TMF620 `lifecycleStatus` values under which an offering is on sale. TMF620 leaves the vocabulary
 * open; this catalog publishes its offerings Launched and the rest Active.
 */
export const SellableLifecycleStatuses = ['Launched', 'Active'] as const;

/** Why an offering is not on sale: its lifecycleStatus, or it is sold only within a bundle. */
export const NotOnSaleReasons = { lifecycleStatus: 'lifecycleStatus', bundleOnly: 'bundleOnly' } as const;
export type NotOnSaleReason = (typeof NotOnSaleReasons)[keyof typeof NotOnSaleReasons];

/**
 * Why the offering is not on sale, or undefined when it is. Its lifecycleStatus must be one of
 * SellableLifecycleStatuses, in any case (one that states none is not refused for it), and outside a
 * bundle's item it must not be `isSellable: false`, which TMF620 reads "can only be sold within a bundle".
 */
export function whyNotOnSale(offering: { lifecycleStatus?: unknown; isSellable?: unknown }, inBundle = false): NotOnSaleReason | undefined {
  const status = offering.lifecycleStatus;
  if (typeof status === 'string' && !SellableLifecycleStatuses.some((sellable) => sellable.toLowerCase() === status.toLowerCase())) {
    return NotOnSaleReasons.lifecycleStatus;
  }
  if (!inBundle && offering.isSellable === false) return NotOnSaleReasons.bundleOnly;
  return undefined;
}

/** What "this offering is …" says for a reason whyNotOnSale gave: the one wording the cart, TMF679 and a journey's start use. */
export function notOnSaleText(offering: { lifecycleStatus?: unknown }, reason: NotOnSaleReason): string {
  return reason === NotOnSaleReasons.bundleOnly
    ? 'sold only within a bundle (isSellable false)'
    : `${String(offering.lifecycleStatus)}: offerings are on sale when ${SellableLifecycleStatuses.join(' or ')}`;
}
