// The demo's premises as TMF673 geographic addresses. The network topology (src/network/topology.ts)
// serves seven of them: four each produce one outcome of qualification, three more qualify as Jane
// Smith's does (the residential premises a journey turns to once hers is in service); the eighth is
// outside the footprint.

import type { Doc } from '../../store/port.js';

/** The address ids, by the part each plays in the demo. */
export const DemoAddressIds = {
  janeSmith: 'addr-tor-42-maple-ave',
  fullPort: 'addr-tor-15-birch-st',
  overBudget: 'addr-tor-97-maple-ave',
  enterprise: 'addr-tor-350-queen-st-e',
  outsideFootprint: 'addr-mkm-8-cedar-lane',
  sophieTremblay: 'addr-tor-27-bertmount-ave',
  danielOkafor: 'addr-tor-118-logan-ave',
  priyaNair: 'addr-tor-21-birch-st',
} as const;

/** TMF673 GeographicAddress documents, with the fields the v4.0.1 spec names. */
export const demoAddresses: readonly Doc[] = [
  address(DemoAddressIds.janeSmith, '42', 'Maple', 'Ave', 'Toronto', 'M4M 2K1'),
  address(DemoAddressIds.fullPort, '15', 'Birch', 'St', 'Toronto', 'M4M 1L8'),
  address(DemoAddressIds.overBudget, '97', 'Maple', 'Ave', 'Toronto', 'M4M 2K4'),
  {
    ...address(DemoAddressIds.enterprise, '350', 'Queen', 'St E', 'Toronto', 'M5A 1T1'),
    // Lakeshore Logistics' offices: the building's fourth floor, suite 400 (served at TMF673's geographicSubAddress path).
    geographicSubAddress: [
      { id: 'sub-350-queen-st-e-suite-400', name: 'Suite 400', buildingName: 'Queen East Centre', levelType: 'floor', levelNumber: '4', subUnitType: 'suite', subUnitNumber: '400', '@type': 'GeographicSubAddress' },
    ],
  },
  address(DemoAddressIds.outsideFootprint, '8', 'Cedar', 'Lane', 'Markham', 'L3P 1A2'),
  address(DemoAddressIds.sophieTremblay, '27', 'Bertmount', 'Ave', 'Toronto', 'M4M 2X9'),
  address(DemoAddressIds.danielOkafor, '118', 'Logan', 'Ave', 'Toronto', 'M4M 2N1'),
  address(DemoAddressIds.priyaNair, '21', 'Birch', 'St', 'Toronto', 'M4M 1L9'),
];

/** The street part of an address, e.g. `42 Maple Ave`. */
export function streetLine(doc: Doc): string {
  return `${doc.streetNr} ${doc.streetName} ${doc.streetType}`;
}

function address(id: string, streetNr: string, streetName: string, streetType: string, city: string, postcode: string): Doc {
  return {
    id,
    '@type': 'GeographicAddress',
    name: `${streetNr} ${streetName} ${streetType}, ${city}`,
    streetNr,
    streetName,
    streetType,
    city,
    stateOrProvince: 'ON',
    postcode,
    country: 'CA',
  };
}
