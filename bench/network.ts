// Bench premises: a journey holds its premises' drop from reservation until it is released, and one
// GPON ONT. K concurrent journeys need K premises and K ONTs; the bench runs at two of the demo's
// premises that qualify (42 Maple Ave and 350 Queen St E) and at premises of its own, so the bench
// network is the demo's with built drops added to existing splitters (ports with free slots) and ONTs
// added to the warehouse stock; the bench app serves it (buildApp's `network`) and loads `benchDataset`.
// Nothing else changes: ports, feeders, budgets, VLAN plan and BNG are the demo's.

import { demoDataset, type Dataset } from '../src/scenarios/demo-dataset.js';
import type { DropRoute, Network, Ont } from '../src/network/topology.js';
import { demoNetwork } from '../src/network/topology.js';
import type { Doc } from '../src/store/port.js';

/** One bench premises: its TMF673 address and the splitter its drop hangs off. */
export interface BenchPremises {
  addressId: string;
  address: Doc;
}

// Splitters lit from ports with room (free slots at load: 1/4/13: 20, 1/2/3: 10).
const SPLITTERS = ['SPLIT-MAPLE-AVE-02', 'SPLIT-BIRCH-ST-02'] as const;
const STREETS: Record<(typeof SPLITTERS)[number], { streetName: string; streetType: string; postcode: string }> = {
  'SPLIT-MAPLE-AVE-02': { streetName: 'Logan', streetType: 'Ave', postcode: 'M4M 2N1' },
  'SPLIT-BIRCH-ST-02': { streetName: 'Jones', streetType: 'Ave', postcode: 'M4M 3A1' },
};

/** How many premises and ONTs the bench adds: enough for 16 concurrent journeys with the demo's two. */
export const BENCH_PREMISES = 14;
export const BENCH_ONTS = 12;

export const benchPremises: BenchPremises[] = [];
const drops: DropRoute[] = [];
for (let i = 0; i < BENCH_PREMISES; i++) {
  const splitterId = SPLITTERS[i % SPLITTERS.length]!;
  const street = STREETS[splitterId];
  const streetNr = String(200 + i);
  const slug = `${streetNr}-${street.streetName.toLowerCase()}-${street.streetType.toLowerCase()}`;
  const addressId = `addr-tor-bench-${slug}`;
  drops.push({
    id: `DROP-BENCH-${slug.toUpperCase()}`,
    resourceId: `res-inst-drop-bench-${slug}`,
    addressId,
    splitterId,
    lengthM: 50 + i,
    fibreType: 'G.657A2',
    connectors: 2,
    splices: 2,
  });
  benchPremises.push({
    addressId,
    address: {
      id: addressId,
      '@type': 'GeographicAddress',
      name: `${streetNr} ${street.streetName} ${street.streetType}, Toronto`,
      streetNr,
      streetName: street.streetName,
      streetType: street.streetType,
      city: 'Toronto',
      stateOrProvince: 'ON',
      postcode: street.postcode,
      country: 'CA',
    },
  });
}

const onts: Ont[] = Array.from({ length: BENCH_ONTS }, (_, i) => {
  const hex = (0xbe000000 + i).toString(16).toUpperCase();
  return { serial: `HWTC-${hex}`, resourceId: `res-inst-ont-hwtc-${hex.toLowerCase()}`, model: 'EG8145V5', stockLocation: 'CO-EAST-TOR' };
});

/** The demo network with the bench premises' drops and the bench ONTs. */
export const benchNetwork: Network = { ...demoNetwork, drops: [...demoNetwork.drops, ...drops], onts: [...demoNetwork.onts, ...onts] };

/** The demo dataset on the bench network, with the bench premises' addresses. */
export const benchDataset: Dataset = {
  ...demoDataset,
  network: benchNetwork,
  addresses: [...demoDataset.addresses, ...benchPremises.map((p) => p.address)],
};

/** The ONT resource ids the bench added (the GPON stock pool lists them). */
export const benchOntIds = onts.map((o) => o.resourceId);
