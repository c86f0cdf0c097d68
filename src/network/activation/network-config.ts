// What activation needs to know about the simulated network beyond its topology (topology.ts): the
// profiles the OLTs and the BNG carry, where the OLTs' uplinks are, which addresses the BNG hands out,
// and the ONT-ID range of a PON port. Data only; activators.ts applies it.

import { resourceSpecs } from '../../catalog/data/resource-specs.js';
import { Technologies, type Technology } from '../optical-budget.js';

/** The OLT line profile an ONT of each technology is registered with. */
export const LineProfiles: Readonly<Record<Technology, string>> = {
  [Technologies.gpon]: 'LP-GPON-FTTH',
  [Technologies.xgsPon]: 'LP-XGSPON-FTTH',
};

/** ONT-IDs a PON port can give (Huawei GPON boards: 0–127 per port); the installed base holds the lowest. */
export const OntIdRange = { from: 0, to: 127 } as const;

/** The network-facing port of each OLT, where the QinQ-tagged subscriber VLANs leave towards the BNG. */
export const OltUplinks: Readonly<Record<string, string>> = {
  'OLT-EAST-TOR-001': '0/9/0',
  'OLT-EAST-TOR-002': '0/9/0',
};

/**
 * The IPv4 addresses each BNG hands to new subscribers' IPoE sessions (TEST-NET-3, RFC 5737): lowest
 * free first. The installed base's sessions use an older block that Spine does not model.
 */
export const BngAddressRanges: Readonly<Record<string, { prefix: string; first: number; last: number; gateway: string }>> = {
  'BNG-TOR-01': { prefix: '203.0.113.', first: 10, last: 250, gateway: '203.0.113.1' },
};

/** Session types the simulated BNG terminates (PPPoE would need credentials Spine does not model). */
export const AccessTypes = ['IPoE'] as const;

/** The RADIUS rate profiles a session may get: the values the TMF634 BNG session specification allows. */
export const RateProfiles: readonly string[] =
  resourceSpecs.bngSession.doc.resourceSpecCharacteristic
    ?.find((c) => c.name === 'rateProfile')
    ?.resourceSpecCharacteristicValue?.map((v) => String(v.value)) ?? [];

/** How a network element is spoken to, as the TMF702 monitor's `request.method` records it. */
export const Protocols = { netconf: 'NETCONF', radius: 'RADIUS', otdr: 'OTDR' } as const;
