// What activation needs to know beyond the network data (topology.ts, which holds the OLTs' uplinks and
// the BNGs' address ranges): the profiles the OLTs and the BNG carry and the ONT-ID range of a PON
// port. Data only; activators.ts applies it.

import { resourceSpecs } from '../../catalog/data/resource-specs.js';
import { Technologies, type Technology } from '../optical-budget.js';

/** The OLT line profile an ONT of each technology is registered with. */
export const LineProfiles: Readonly<Record<Technology, string>> = {
  [Technologies.gpon]: 'LP-GPON-FTTH',
  [Technologies.xgsPon]: 'LP-XGSPON-FTTH',
};

/** ONT-IDs a PON port can give (Huawei GPON boards: 0–127 per port); the installed base holds the lowest. */
export const OntIdRange = { from: 0, to: 127 } as const;

/** Session types the simulated BNG terminates (PPPoE would need credentials Spine does not model). */
export const AccessTypes = ['IPoE'] as const;

/** The RADIUS rate profiles a session may get: the values the TMF634 BNG session specification allows. */
export const RateProfiles: readonly string[] =
  resourceSpecs.bngSession.doc.resourceSpecCharacteristic
    ?.find((c) => c.name === 'rateProfile')
    ?.resourceSpecCharacteristicValue?.map((v) => String(v.value)) ?? [];

/** How a network element is spoken to, as the TMF702 monitor's `request.method` records it. */
export const Protocols = { netconf: 'NETCONF', radius: 'RADIUS', otdr: 'OTDR' } as const;
