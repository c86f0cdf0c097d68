// Loads the demo's addresses, parties, billing accounts and customers through the API layer's write
// path (validation, events). TMF673 declares no POST for geographicAddress; upsertInTx bypasses only
// the HTTP route, not the schema or the events.

import type { Store } from '../../store/port.js';
import { targetOf, upsertInTx, type RequestMeta, type TmfContext } from '../../tmf/resource-service.js';
import { demoAddresses } from './addresses.js';
import { billingAccountDoc, customerDoc, demoCustomers, partyDoc } from './parties.js';

/** Upserts every demo address, party, billing account and customer; idempotent. */
export async function loadParties(tx: Store, ctx: TmfContext, meta: RequestMeta): Promise<void> {
  const addresses = targetOf('TMF673', 'geographicAddress');
  for (const doc of demoAddresses) await upsertInTx(tx, ctx, addresses, doc, meta);
  for (const customer of demoCustomers) {
    const party = targetOf('TMF632', customer.party.kind === 'Individual' ? 'individual' : 'organization');
    await upsertInTx(tx, ctx, party, partyDoc(customer), meta);
    await upsertInTx(tx, ctx, targetOf('TMF666', 'billingAccount'), billingAccountDoc(customer), meta);
    await upsertInTx(tx, ctx, targetOf('TMF629', 'customer'), customerDoc(customer), meta);
  }
}
