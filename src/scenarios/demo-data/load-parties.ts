// Loads a dataset's addresses, parties, billing accounts and customers through the API layer's write
// path (validation, events). TMF673 declares no POST for geographicAddress; upsertInTx bypasses only
// the HTTP route, not the schema or the events.

import type { Doc, Store } from '../../store/port.js';
import { targetOf, upsertInTx, type RequestMeta, type TmfContext } from '../../tmf/resource-service.js';
import { demoAddresses } from './addresses.js';
import { billingAccountDoc, customerDoc, demoCustomers, partyDoc, PartyTargets, type DemoCustomer } from './parties.js';

/** Who and where: the TMF673 addresses and the customers living at them. */
export interface PartiesData {
  addresses: readonly Doc[];
  customers: readonly DemoCustomer[];
}

/** Upserts every address, party, billing account and customer (the demo's by default); idempotent. */
export async function loadParties(tx: Store, ctx: TmfContext, meta: RequestMeta, data: PartiesData = { addresses: demoAddresses, customers: demoCustomers }): Promise<void> {
  const addresses = targetOf('TMF673', 'geographicAddress');
  for (const doc of data.addresses) await upsertInTx(tx, ctx, addresses, doc, meta);
  for (const customer of data.customers) {
    await upsertInTx(tx, ctx, PartyTargets[customer.party.kind], partyDoc(customer, data.addresses), meta);
    await upsertInTx(tx, ctx, PartyTargets.BillingAccount, billingAccountDoc(ctx, customer), meta);
    await upsertInTx(tx, ctx, PartyTargets.Customer, customerDoc(ctx, customer, data.addresses), meta);
  }
}
