// TMF633 service specifications shared by every broadband offering, the decomposition they follow,
// and the service-to-resource characteristic mappings.
//
// The CFSs are technology neutral, as customer-facing services should be: one bundle CFS (Broadband,
// `isBundle: true`) regroups two atomic CFSs, Internet Access and Home Network (WiFi and CPE
// management). The RFSs carry the technology: each family picks its access RFS and its CPE.
// Why the structural subtypes (bundle/atomic CFS, RFS) are the type system and these functions are
// content: see the top of ../model.ts.

import type { CharacteristicMapping, DecompositionRule, ServiceSpecEntry, ServiceSpecificationDoc } from '../model.js';
import { AccessTechnologies, ServiceSpecIds as Ids } from './ids.js';
import { resourceSpecs } from './resource-specs.js';
import { fixed, oneOf, refTo, release } from './values.js';

const cfs = { '@type': 'CustomerFacingServiceSpecification', '@baseType': 'ServiceSpecification' } as const;
const rfs = { '@type': 'ResourceFacingServiceSpecification', '@baseType': 'ServiceSpecification' } as const;
const active = { ...release, lifecycleStatus: 'Active' } as const;
const technologies = Object.values(AccessTechnologies);
const bandwidthProfiles = ['100M-residential', '1G-residential', '1G-business', '2G-residential'];

// RFS → resource specifications: TMF633 requires them on every RFSS; they list the candidates a
// decomposition rule may pick from.
const gponAccess: ServiceSpecificationDoc = {
  id: Ids.gponAccess, name: 'GPON access', ...rfs, ...active, isBundle: false,
  description: 'The GPON bearer from an OLT PON port over the ODN and drop to the premises.',
  specCharacteristic: [{ name: 'accessTechnology', valueType: 'text', characteristicValueSpecification: fixed('text', AccessTechnologies.GPON) }],
  resourceSpecification: [refTo(resourceSpecs.gponPort.doc), refTo(resourceSpecs.fibreDrop.doc)],
};

const xgsponAccess: ServiceSpecificationDoc = {
  id: Ids.xgsponAccess, name: 'XGS-PON access', ...rfs, ...active, isBundle: false,
  description: 'The XGS-PON bearer from an OLT PON port over the ODN and drop to the premises.',
  specCharacteristic: [{ name: 'accessTechnology', valueType: 'text', characteristicValueSpecification: fixed('text', AccessTechnologies.XGSPON) }],
  resourceSpecification: [refTo(resourceSpecs.xgsponPort.doc), refTo(resourceSpecs.fibreDrop.doc)],
};

const vdsl2Access: ServiceSpecificationDoc = {
  id: Ids.vdsl2Access, name: 'VDSL2 access', ...rfs, ...active, isBundle: false,
  description: 'The VDSL2 line from a DSLAM port over the copper drop to the premises.',
  specCharacteristic: [{ name: 'accessTechnology', valueType: 'text', characteristicValueSpecification: fixed('text', AccessTechnologies.VDSL2) }],
  resourceSpecification: [refTo(resourceSpecs.vdsl2Port.doc), refTo(resourceSpecs.copperDrop.doc)],
};

const vlanTransport: ServiceSpecificationDoc = {
  id: Ids.vlanTransport, name: 'VLAN transport', ...rfs, ...active, isBundle: false,
  description: 'The QinQ VLAN pair that carries the subscriber from the access node to the BNG.',
  specCharacteristic: [{ name: 'vlanModel', valueType: 'text', characteristicValueSpecification: fixed('text', '1:1') }],
  resourceSpecification: [refTo(resourceSpecs.vlanPair.doc)],
};

const bngSubscriber: ServiceSpecificationDoc = {
  id: Ids.bngSubscriber, name: 'BNG subscriber', ...rfs, ...active, isBundle: false,
  description: 'The IP session on the BNG with the rate profile that enforces the sold speed.',
  specCharacteristic: [
    { name: 'rateProfile', valueType: 'text', characteristicValueSpecification: oneOf('text', ['RP-100M', 'RP-1G', 'RP-1G-BIZ', 'RP-2G']) },
    { name: 'staticIpv4Count', valueType: 'number', characteristicValueSpecification: oneOf('number', [0, 1, 5], 0) },
  ],
  resourceSpecification: [refTo(resourceSpecs.bngSession.doc)],
};

const cpeManagement: ServiceSpecificationDoc = {
  id: Ids.cpeManagement, name: 'CPE management', ...rfs, ...active, isBundle: false,
  description: 'The CPE at the premises, provisioned over OMCI (ONT) and managed over TR-069.',
  specCharacteristic: [{ name: 'managementProtocol', valueType: 'text', characteristicValueSpecification: fixed('text', 'TR-069') }],
  resourceSpecification: [refTo(resourceSpecs.ontGpon.doc), refTo(resourceSpecs.ontXgspon.doc), refTo(resourceSpecs.vdsl2Modem.doc)],
};

const realizedBy = (doc: ServiceSpecificationDoc) => ({ ...refTo(doc), relationshipType: 'dependency', role: 'realizingService' });

const internetAccess: ServiceSpecificationDoc = {
  id: Ids.internetAccess, name: 'Internet Access', ...cfs, ...active, isBundle: false,
  description: 'Internet connectivity at the sold bandwidth profile, whatever the access technology.',
  specCharacteristic: [
    { name: 'bandwidthProfile', valueType: 'text', characteristicValueSpecification: oneOf('text', bandwidthProfiles) },
    { name: 'accessTechnology', valueType: 'text', characteristicValueSpecification: oneOf('text', technologies) },
  ],
  serviceSpecRelationship: [gponAccess, xgsponAccess, vdsl2Access, vlanTransport, bngSubscriber].map(realizedBy),
};

const homeNetwork: ServiceSpecificationDoc = {
  id: Ids.homeNetwork, name: 'Home Network', ...cfs, ...active, isBundle: false,
  description: 'WiFi and CPE management: the gateway at the premises, kept configured and up to date.',
  specCharacteristic: [{ name: 'wifiManaged', valueType: 'boolean', characteristicValueSpecification: fixed('boolean', true) }],
  serviceSpecRelationship: [cpeManagement].map(realizedBy),
};

// The bundle's members are CFSs; TMF633 has no bundled-member list of its own, so the relationship
// type says it.
const broadband: ServiceSpecificationDoc = {
  id: Ids.broadband, name: 'Broadband', ...cfs, ...active, isBundle: true,
  description: 'Everything the customer perceives as their broadband service: internet access and the home network.',
  specCharacteristic: [{ name: 'accessTechnology', valueType: 'text', characteristicValueSpecification: oneOf('text', technologies) }],
  serviceSpecRelationship: [internetAccess, homeNetwork].map((doc) => ({ ...refTo(doc), relationshipType: 'bundled', role: 'bundleMember' })),
};

/** Every service specification with its role, by the name the decomposition rules use. */
export const serviceSpecs = {
  broadband: { doc: broadband, function: 'broadband' },
  internetAccess: { doc: internetAccess, function: 'internetAccess' },
  homeNetwork: { doc: homeNetwork, function: 'homeNetwork' },
  gponAccess: { doc: gponAccess, layer: 'access' },
  xgsponAccess: { doc: xgsponAccess, layer: 'access' },
  vdsl2Access: { doc: vdsl2Access, layer: 'access' },
  vlanTransport: { doc: vlanTransport, layer: 'transport' },
  bngSubscriber: { doc: bngSubscriber, layer: 'subscriberSession' },
  cpeManagement: { doc: cpeManagement, layer: 'cpeManagement' },
} as const satisfies Record<string, ServiceSpecEntry>;

/**
 * The broadband decomposition every family shares: the family names its access RFS with its port and
 * drop, and its CPE. The `onModify` of each edge is what the GPON 1G → XGS-PON 2G upgrade needs
 * (TMF-DOMAIN §10): port and ONT replaced, VLAN pair and drop kept, BNG rate profile modified.
 */
export function broadbandRule(
  productSpecification: string,
  access: { rfs: string; port: string; drop: string },
  cpe: string,
): DecompositionRule {
  return {
    productSpecification,
    services: [
      {
        spec: Ids.broadband,
        onModify: 'modifyInPlace',
        services: [
          {
            spec: Ids.internetAccess,
            onModify: 'modifyInPlace',
            services: [
              {
                spec: access.rfs,
                onModify: 'replace',
                resources: [
                  { spec: access.port, onModify: 'replace' },
                  { spec: access.drop, onModify: 'modifyInPlace' },
                ],
              },
              { spec: Ids.vlanTransport, onModify: 'modifyInPlace', resources: [{ spec: resourceSpecs.vlanPair.doc.id, onModify: 'modifyInPlace' }] },
              { spec: Ids.bngSubscriber, onModify: 'modifyInPlace', resources: [{ spec: resourceSpecs.bngSession.doc.id, onModify: 'modifyInPlace' }] },
            ],
          },
          {
            spec: Ids.homeNetwork,
            onModify: 'modifyInPlace',
            services: [{ spec: Ids.cpeManagement, onModify: 'modifyInPlace', resources: [{ spec: cpe, onModify: 'replace' }] }],
          },
        ],
      },
    ],
  };
}

/** How the sold bandwidth reaches the BNG: CFS profile → RFS rate profile → the session's RADIUS profile. */
export const serviceMappings: CharacteristicMapping[] = [
  { from: { spec: Ids.broadband, characteristic: 'accessTechnology' }, to: { spec: Ids.internetAccess, characteristic: 'accessTechnology' } },
  {
    from: { spec: Ids.internetAccess, characteristic: 'bandwidthProfile' },
    to: { spec: Ids.bngSubscriber, characteristic: 'rateProfile' },
    values: { '100M-residential': 'RP-100M', '1G-residential': 'RP-1G', '1G-business': 'RP-1G-BIZ', '2G-residential': 'RP-2G' },
  },
  { from: { spec: Ids.bngSubscriber, characteristic: 'rateProfile' }, to: { spec: resourceSpecs.bngSession.doc.id, characteristic: 'rateProfile' } },
  { from: { spec: Ids.bngSubscriber, characteristic: 'staticIpv4Count' }, to: { spec: resourceSpecs.bngSession.doc.id, characteristic: 'staticIpv4Count' } },
];
