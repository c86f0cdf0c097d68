// A customer base around the bench premises: an operator's TMF673 holds every address it serves and
// its TMF639 every subscriber's line, far more than the demo's few. The bench adds `premises` of them
// (an address and the fibre drop that serves it, on streets of their own) before it measures journeys
// again, so a read that goes through a whole collection (address validation, the inventory by
// category) shows as journeys getting slower. The drops are inventory only: the simulated network
// does not route to them, so no journey qualifies or reserves at these premises.
import { characteristicsOf, ResourceCategories, ResourceSpecs, ResourceStatuses, specRef } from '../src/network/inventory-model.js';
import { createInTx, hrefOf, targetOf } from '../src/tmf/resource-service.js';
import type { JourneyApp } from './journeys.js';

const PER_TRANSACTION = 500;
// Streets of 100 numbers each, in a city the bench premises are not in.
const NUMBERS_PER_STREET = 100;
const meta = { correlationId: null };

/** Adds `premises` addresses and their drops through the TMF service layer (validated, with their events). */
export async function growCustomerBase({ app }: JourneyApp, premises: number): Promise<void> {
  const { ctx } = app.spine;
  const address = targetOf('TMF673', 'geographicAddress');
  const resource = targetOf('TMF639', 'resource');
  for (let from = 0; from < premises; from += PER_TRANSACTION) {
    await ctx.store.transaction(async (tx) => {
      for (let i = from; i < Math.min(premises, from + PER_TRANSACTION); i++) {
        const street = `Base ${Math.floor(i / NUMBERS_PER_STREET) + 1}`;
        const streetNr = String((i % NUMBERS_PER_STREET) + 1);
        const addressId = `addr-base-${i + 1}`;
        await createInTx(tx, ctx, address, {
          id: addressId, '@type': 'GeographicAddress', name: `${streetNr} ${street} St, Hamilton`,
          streetNr, streetName: street, streetType: 'St', city: 'Hamilton', stateOrProvince: 'ON', postcode: `L8P ${String(i % 1000).padStart(3, '0')}`, country: 'CA',
        }, meta);
        await createInTx(tx, ctx, resource, {
          id: `res-inst-drop-base-${i + 1}`, '@type': 'PhysicalResource', name: `DROP-BASE-${i + 1}`, category: ResourceCategories.fibreDrop,
          resourceSpecification: specRef(ctx, ResourceSpecs.fibreDrop),
          administrativeState: 'unlocked', operationalState: 'enable', usageState: 'active', resourceStatus: ResourceStatuses.available,
          resourceCharacteristic: characteristicsOf({ lengthM: 40 + (i % 60), fibreType: 'G.657A2', address: addressId }),
          place: { id: addressId, href: hrefOf(ctx, address, addressId), role: 'servedPremises', '@referredType': 'GeographicAddress' },
        }, meta);
      }
    });
  }
}
