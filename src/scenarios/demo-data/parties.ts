// The demo's customers: who they are (TMF632), their customer records (TMF629), their billing accounts
// (TMF666) and where they want service (TMF673 address ids the network serves, or does not).
// TMF629 v4 Customer has no market segment attribute (no customerRank either), so the segment is a
// Customer `characteristic` named `marketSegment`, which the commercial gate (COMM-003) reads.

import type { Doc } from '../../store/port.js';
import { hrefOf, targetOf, type TmfContext } from '../../tmf/resource-service.js';
import { DemoAddressIds, demoAddresses, streetLine } from './addresses.js';

/** Where each kind of party document is served; the references between them carry these hrefs. */
export const PartyTargets = {
  Customer: targetOf('TMF629', 'customer'),
  BillingAccount: targetOf('TMF666', 'billingAccount'),
  Individual: targetOf('TMF632', 'individual'),
  Organization: targetOf('TMF632', 'organization'),
} as const;

type HrefBase = Pick<TmfContext, 'baseUrl'>;

/** Customer market segments, as offerings' marketSegment refs name them. */
export const MarketSegments = { residential: 'residential', enterprise: 'enterprise' } as const;
export type MarketSegment = (typeof MarketSegments)[keyof typeof MarketSegments];

/** The Customer characteristic names the demo relies on. */
export const CustomerCharacteristics = { marketSegment: 'marketSegment', serviceAddress: 'serviceAddress' } as const;

/** One demo customer: the party behind it, its segment, account and service address. */
export interface DemoCustomer {
  customerId: string;
  partyId: string;
  party: { kind: 'Individual'; givenName: string; familyName: string } | { kind: 'Organization'; tradingName: string; legalName: string };
  segment: MarketSegment;
  billingAccountId: string;
  addressId: string;
  email: string;
  phone: string;
}

/**
 * Jane Smith first (the brief's customer), then one customer per failure the network produces, then
 * residential neighbours whose premises qualify as hers does.
 */
export const demoCustomers: readonly DemoCustomer[] = [
  {
    customerId: 'cust-56789', partyId: 'ind-56789', party: { kind: 'Individual', givenName: 'Jane', familyName: 'Smith' },
    segment: MarketSegments.residential, billingAccountId: 'ba-56789', addressId: DemoAddressIds.janeSmith,
    email: 'jane.smith@example.com', phone: '+1-416-555-0142',
  },
  {
    customerId: 'cust-56790', partyId: 'ind-56790', party: { kind: 'Individual', givenName: 'Raj', familyName: 'Patel' },
    segment: MarketSegments.residential, billingAccountId: 'ba-56790', addressId: DemoAddressIds.fullPort,
    email: 'raj.patel@example.com', phone: '+1-416-555-0115',
  },
  {
    customerId: 'cust-56791', partyId: 'ind-56791', party: { kind: 'Individual', givenName: 'Maria', familyName: 'Garcia' },
    segment: MarketSegments.residential, billingAccountId: 'ba-56791', addressId: DemoAddressIds.overBudget,
    email: 'maria.garcia@example.com', phone: '+1-416-555-0197',
  },
  {
    customerId: 'cust-56792', partyId: 'org-56792', party: { kind: 'Organization', tradingName: 'Lakeshore Logistics', legalName: 'Lakeshore Logistics Inc.' },
    segment: MarketSegments.enterprise, billingAccountId: 'ba-56792', addressId: DemoAddressIds.enterprise,
    email: 'it@lakeshore-logistics.example.com', phone: '+1-416-555-0350',
  },
  {
    customerId: 'cust-56793', partyId: 'ind-56793', party: { kind: 'Individual', givenName: 'Tom', familyName: 'Chen' },
    segment: MarketSegments.residential, billingAccountId: 'ba-56793', addressId: DemoAddressIds.outsideFootprint,
    email: 'tom.chen@example.com', phone: '+1-905-555-0108',
  },
  {
    customerId: 'cust-56794', partyId: 'ind-56794', party: { kind: 'Individual', givenName: 'Sophie', familyName: 'Tremblay' },
    segment: MarketSegments.residential, billingAccountId: 'ba-56794', addressId: DemoAddressIds.sophieTremblay,
    email: 'sophie.tremblay@example.com', phone: '+1-416-555-0164',
  },
  {
    customerId: 'cust-56795', partyId: 'ind-56795', party: { kind: 'Individual', givenName: 'Daniel', familyName: 'Okafor' },
    segment: MarketSegments.residential, billingAccountId: 'ba-56795', addressId: DemoAddressIds.danielOkafor,
    email: 'daniel.okafor@example.com', phone: '+1-416-555-0118',
  },
  {
    customerId: 'cust-56796', partyId: 'ind-56796', party: { kind: 'Individual', givenName: 'Priya', familyName: 'Nair' },
    segment: MarketSegments.residential, billingAccountId: 'ba-56796', addressId: DemoAddressIds.priyaNair,
    email: 'priya.nair@example.com', phone: '+1-416-555-0121',
  },
];

/** The display name of a demo customer's party. */
export function customerName(customer: DemoCustomer): string {
  return customer.party.kind === 'Individual' ? `${customer.party.givenName} ${customer.party.familyName}` : customer.party.legalName;
}

/** TMF632 Individual or Organization document of a demo customer (`addresses` hold its service address). */
export function partyDoc(customer: DemoCustomer, addresses: readonly Doc[] = demoAddresses): Doc {
  const contactMedium = contactMediaOf(customer, addresses);
  if (customer.party.kind === 'Individual') {
    return {
      id: customer.partyId, '@type': 'Individual', givenName: customer.party.givenName, familyName: customer.party.familyName,
      fullName: customerName(customer), status: 'validated', contactMedium,
    };
  }
  return {
    id: customer.partyId, '@type': 'Organization', tradingName: customer.party.tradingName, name: customer.party.legalName,
    isLegalEntity: true, organizationType: 'company', status: 'validated', contactMedium,
  };
}

/** TMF629 Customer document: engaged party, segment and service address characteristics, billing account. */
export function customerDoc(base: HrefBase, customer: DemoCustomer, addresses: readonly Doc[] = demoAddresses): Doc {
  const name = customerName(customer);
  return {
    id: customer.customerId,
    '@type': 'Customer',
    name,
    status: 'approved',
    engagedParty: { id: customer.partyId, href: hrefOf(base, PartyTargets[customer.party.kind], customer.partyId), name, '@referredType': customer.party.kind },
    characteristic: [
      { name: CustomerCharacteristics.marketSegment, valueType: 'string', value: customer.segment },
      { name: CustomerCharacteristics.serviceAddress, valueType: 'string', value: customer.addressId },
    ],
    contactMedium: contactMediaOf(customer, addresses),
    account: [{ id: customer.billingAccountId, href: hrefOf(base, PartyTargets.BillingAccount, customer.billingAccountId), name: `${name} billing account`, '@referredType': 'BillingAccount' }],
  };
}

/** TMF666 BillingAccount document, owned by the customer. */
export function billingAccountDoc(base: HrefBase, customer: DemoCustomer): Doc {
  const name = customerName(customer);
  return {
    id: customer.billingAccountId,
    '@type': 'BillingAccount',
    name: `${name} billing account`,
    accountType: customer.segment,
    state: 'active',
    paymentStatus: 'paidUp',
    relatedParty: [
      { id: customer.customerId, href: hrefOf(base, PartyTargets.Customer, customer.customerId), name, role: 'customer', '@referredType': 'Customer' },
      { id: customer.partyId, href: hrefOf(base, PartyTargets[customer.party.kind], customer.partyId), name, role: 'owner', '@referredType': customer.party.kind },
    ],
  };
}

function contactMediaOf(customer: DemoCustomer, addresses: readonly Doc[]): Doc[] {
  const address = addresses.find((a) => a.id === customer.addressId);
  return [
    { mediumType: 'email', preferred: true, characteristic: { contactType: 'email', emailAddress: customer.email } },
    { mediumType: 'phone', preferred: false, characteristic: { contactType: 'mobile', phoneNumber: customer.phone } },
    ...(address
      ? [{
          mediumType: 'postalAddress',
          preferred: false,
          characteristic: {
            contactType: 'serviceAddress', street1: streetLine(address), city: address.city,
            stateOrProvince: address.stateOrProvince, postCode: address.postcode, country: address.country,
          },
        }]
      : []),
  ];
}
