// TMF634 resource specifications of every offering family. Per subscriber, an order allocates five
// resources (TMF-DOMAIN §9): access port, CPE, VLAN pair, drop and BNG session, each a kind of
// `SubscriberResourceKinds`. The OLT, splitter, S-VLAN, DSLAM and BNG are shared: the per-subscriber specs
// point at them (`resourceSpecRelationship`), the network owns them, no order allocates them.
//
// Optical figures: GPON class B+ allows 28 dB of path loss (ITU-T G.984.2 amendments); XGS-PON N1
// allows 29 dB (G.9807.1, quoted from recall in TMF-DOMAIN §9: verify before relying on it).

import type { ResourceSpecEntry, ResourceSpecificationDoc } from '../model.js';
import { AccessTechnologies, ResourceSpecIds as Ids } from './ids.js';
import { fixed, oneOf, range, refTo, release } from './values.js';

const physical = { '@type': 'PhysicalResourceSpecification', '@baseType': 'ResourceSpecification' } as const;
const logical = { '@type': 'LogicalResourceSpecification', '@baseType': 'ResourceSpecification' } as const;
const active = { ...release, lifecycleStatus: 'Active', isBundle: false } as const;

const olt: ResourceSpecificationDoc = {
  id: Ids.olt, name: 'OLT', ...physical, ...active, category: 'Access node',
  description: 'Optical line terminal in the central office, hosting GPON and XGS-PON boards (Huawei F/S/P addressing).',
  resourceSpecCharacteristic: [
    { name: 'vendor', valueType: 'text', resourceSpecCharacteristicValue: fixed('text', 'Huawei') },
    { name: 'model', valueType: 'text', resourceSpecCharacteristicValue: fixed('text', 'MA5800-X7') },
  ],
};

const splitter: ResourceSpecificationDoc = {
  id: Ids.splitter, name: 'Optical splitter', ...physical, ...active, category: 'ODN',
  description: 'Passive splitter in the outside plant; each of its ports feeds one drop.',
  resourceSpecCharacteristic: [
    { name: 'splitRatio', valueType: 'text', resourceSpecCharacteristicValue: oneOf('text', ['1:32', '1:64'], '1:32') },
    { name: 'insertionLossDb', valueType: 'number', resourceSpecCharacteristicValue: fixed('number', 17.5, 'dB') },
  ],
};

const sVlan: ResourceSpecificationDoc = {
  id: Ids.sVlan, name: 'S-VLAN', ...logical, ...active, category: 'VLAN',
  description: 'Service VLAN (outer tag, BBF TR-101 1:1 model) of one OLT, shared by the C-VLANs of its subscribers.',
};

const dslam: ResourceSpecificationDoc = {
  id: Ids.dslam, name: 'DSLAM', ...physical, ...active, category: 'Access node',
  description: 'Street-cabinet DSLAM terminating VDSL2 copper lines.',
};

const bng: ResourceSpecificationDoc = {
  id: Ids.bng, name: 'BNG', ...physical, ...active, category: 'Edge router',
  description: 'Broadband network gateway terminating subscriber sessions, authenticated over RADIUS.',
};

const gponPort: ResourceSpecificationDoc = {
  id: Ids.gponPort, name: 'OLT GPON port', ...physical, ...active, category: 'PON port',
  description: 'One GPON port of an OLT service board (ITU-T G.984), shared by the ONTs behind its splitter.',
  resourceSpecCharacteristic: [
    { name: 'ponTechnology', valueType: 'text', resourceSpecCharacteristicValue: fixed('text', AccessTechnologies.GPON) },
    { name: 'portAddress', valueType: 'text', description: 'frame/slot/port, e.g. 1/4/12', regex: '^\\d+/\\d+/\\d+$' },
    { name: 'maxOnts', valueType: 'number', resourceSpecCharacteristicValue: fixed('number', 32) },
    { name: 'downstreamRate', valueType: 'number', resourceSpecCharacteristicValue: fixed('number', 2488, 'Mbps') },
    { name: 'upstreamRate', valueType: 'number', resourceSpecCharacteristicValue: fixed('number', 1244, 'Mbps') },
    { name: 'opticsClass', valueType: 'text', resourceSpecCharacteristicValue: fixed('text', 'B+') },
    { name: 'maxPathLoss', valueType: 'number', resourceSpecCharacteristicValue: fixed('number', 28, 'dB') },
  ],
  resourceSpecRelationship: [{ ...refTo(olt), relationshipType: 'dependency', role: 'hostedOn' }],
};

const xgsponPort: ResourceSpecificationDoc = {
  id: Ids.xgsponPort, name: 'OLT XGS-PON port', ...physical, ...active, category: 'PON port',
  description: 'One XGS-PON port of an OLT service board (ITU-T G.9807.1), symmetric 10G.',
  resourceSpecCharacteristic: [
    { name: 'ponTechnology', valueType: 'text', resourceSpecCharacteristicValue: fixed('text', AccessTechnologies.XGSPON) },
    { name: 'portAddress', valueType: 'text', description: 'frame/slot/port, e.g. 1/5/4', regex: '^\\d+/\\d+/\\d+$' },
    { name: 'maxOnts', valueType: 'number', resourceSpecCharacteristicValue: fixed('number', 32) },
    { name: 'downstreamRate', valueType: 'number', resourceSpecCharacteristicValue: fixed('number', 9953, 'Mbps') },
    { name: 'upstreamRate', valueType: 'number', resourceSpecCharacteristicValue: fixed('number', 9953, 'Mbps') },
    { name: 'opticsClass', valueType: 'text', resourceSpecCharacteristicValue: fixed('text', 'N1') },
    { name: 'maxPathLoss', valueType: 'number', resourceSpecCharacteristicValue: fixed('number', 29, 'dB') },
  ],
  resourceSpecRelationship: [{ ...refTo(olt), relationshipType: 'dependency', role: 'hostedOn' }],
};

const vdsl2Port: ResourceSpecificationDoc = {
  id: Ids.vdsl2Port, name: 'DSLAM VDSL2 port', ...physical, ...active, category: 'Copper port',
  description: 'One VDSL2 line port of a DSLAM (ITU-T G.993.2, profile 17a with vectoring).',
  resourceSpecCharacteristic: [
    { name: 'vdsl2Profile', valueType: 'text', resourceSpecCharacteristicValue: fixed('text', '17a') },
    { name: 'vectoring', valueType: 'boolean', resourceSpecCharacteristicValue: fixed('boolean', true) },
    { name: 'portAddress', valueType: 'text', regex: '^\\d+/\\d+/\\d+$' },
  ],
  resourceSpecRelationship: [{ ...refTo(dslam), relationshipType: 'dependency', role: 'hostedOn' }],
};

const ontSerial = { name: 'serialNumber', valueType: 'text', description: '4-letter vendor id + 8 hex digits, e.g. HWTC-A1B2C3D4', regex: '^[A-Z]{4}-?[0-9A-F]{8}$' };

// Huawei's naming puts the upstream technology in the second letter: G = GPON, N = 10G PON. That is
// why the 10G ONT is an HN model and EG8247H5 (the brief's upgrade ONT) does not appear: it is GPON.
const ontGpon: ResourceSpecificationDoc = {
  id: Ids.ontGpon, name: 'GPON ONT EG8145V5', ...physical, ...active, category: 'CPE',
  description: 'Huawei EchoLife EG8145V5 GPON ONT with dual-band WiFi 5, installed at the premises.',
  resourceSpecCharacteristic: [
    { name: 'vendor', valueType: 'text', resourceSpecCharacteristicValue: fixed('text', 'Huawei') },
    { name: 'model', valueType: 'text', resourceSpecCharacteristicValue: fixed('text', 'EG8145V5') },
    { name: 'ponTechnology', valueType: 'text', resourceSpecCharacteristicValue: fixed('text', AccessTechnologies.GPON) },
    { name: 'wifiStandard', valueType: 'text', resourceSpecCharacteristicValue: fixed('text', '802.11ac') },
    ontSerial,
  ],
};

const ontXgspon: ResourceSpecificationDoc = {
  id: Ids.ontXgspon, name: 'XGS-PON ONT HN8145XR', ...physical, ...active, category: 'CPE',
  description: 'Huawei OptiXstar HN8145XR 10G-PON-class ONT (XGS-PON) with WiFi 6, installed at the premises.',
  resourceSpecCharacteristic: [
    { name: 'vendor', valueType: 'text', resourceSpecCharacteristicValue: fixed('text', 'Huawei') },
    { name: 'model', valueType: 'text', resourceSpecCharacteristicValue: fixed('text', 'HN8145XR') },
    { name: 'ponTechnology', valueType: 'text', resourceSpecCharacteristicValue: fixed('text', AccessTechnologies.XGSPON) },
    { name: 'wifiStandard', valueType: 'text', resourceSpecCharacteristicValue: fixed('text', '802.11ax') },
    ontSerial,
  ],
};

const vdsl2Modem: ResourceSpecificationDoc = {
  id: Ids.vdsl2Modem, name: 'VDSL2 modem', ...physical, ...active, category: 'CPE',
  description: 'VDSL2 17a vectoring home gateway with WiFi (a neutral model placeholder).',
  resourceSpecCharacteristic: [
    { name: 'model', valueType: 'text', resourceSpecCharacteristicValue: fixed('text', 'VDSL2-17a-GW') },
    { name: 'wifiStandard', valueType: 'text', resourceSpecCharacteristicValue: fixed('text', '802.11ac') },
    { name: 'serialNumber', valueType: 'text' },
  ],
};

const vlanPair: ResourceSpecificationDoc = {
  id: Ids.vlanPair, name: 'VLAN pair (S-VLAN/C-VLAN)', ...logical, ...active, category: 'VLAN',
  description: 'QinQ tags of one subscriber (BBF TR-101/TR-156, 1:1 model): S-VLAN per access node and service, C-VLAN per subscriber.',
  resourceSpecCharacteristic: [
    { name: 'sVlan', valueType: 'number', resourceSpecCharacteristicValue: range(2, 4094) },
    { name: 'cVlan', valueType: 'number', resourceSpecCharacteristicValue: range(2, 4094) },
  ],
};

const fibreDrop: ResourceSpecificationDoc = {
  id: Ids.fibreDrop, name: 'Fibre drop', ...physical, ...active, category: 'Drop',
  description: 'Drop fibre from a splitter port to the premises; its loss counts against the PON optical budget.',
  resourceSpecCharacteristic: [
    // Drops are usually bend-insensitive G.657A; G.652D is allowed because the brief's drop uses it.
    { name: 'fibreType', valueType: 'text', resourceSpecCharacteristicValue: oneOf('text', ['G.657A2', 'G.652D'], 'G.657A2') },
    { name: 'length', valueType: 'number', resourceSpecCharacteristicValue: [{ valueType: 'number', unitOfMeasure: 'm' }] },
    { name: 'splitterPort', valueType: 'text' },
  ],
  resourceSpecRelationship: [{ ...refTo(splitter), relationshipType: 'dependency', role: 'connectsTo' }],
};

const copperDrop: ResourceSpecificationDoc = {
  id: Ids.copperDrop, name: 'Copper drop', ...physical, ...active, category: 'Drop',
  description: 'Copper pair from the street cabinet to the premises; its length bounds the VDSL2 rate.',
  resourceSpecCharacteristic: [
    { name: 'wireGauge', valueType: 'number', resourceSpecCharacteristicValue: fixed('number', 0.5, 'mm') },
    { name: 'loopLength', valueType: 'number', resourceSpecCharacteristicValue: [{ valueType: 'number', unitOfMeasure: 'm' }] },
  ],
  resourceSpecRelationship: [{ ...refTo(dslam), relationshipType: 'dependency', role: 'connectsTo' }],
};

const bngSession: ResourceSpecificationDoc = {
  id: Ids.bngSession, name: 'BNG subscriber session', ...logical, ...active, category: 'Subscriber session',
  description: 'IPoE or PPPoE session on the BNG; its RADIUS rate profile enforces the sold speed.',
  resourceSpecCharacteristic: [
    { name: 'rateProfile', valueType: 'text', resourceSpecCharacteristicValue: oneOf('text', ['RP-100M', 'RP-1G', 'RP-1G-BIZ', 'RP-2G']) },
    { name: 'sessionType', valueType: 'text', resourceSpecCharacteristicValue: oneOf('text', ['IPoE', 'PPPoE'], 'IPoE') },
    { name: 'staticIpv4Count', valueType: 'number', resourceSpecCharacteristicValue: oneOf('number', [0, 1, 5], 0) },
  ],
  resourceSpecRelationship: [{ ...refTo(bng), relationshipType: 'dependency', role: 'hostedOn' }],
};

/** Every resource specification with its allocation kind, by the name the service specs use. */
export const resourceSpecs = {
  gponPort: { doc: gponPort, kind: 'accessPort' },
  xgsponPort: { doc: xgsponPort, kind: 'accessPort' },
  vdsl2Port: { doc: vdsl2Port, kind: 'accessPort' },
  ontGpon: { doc: ontGpon, kind: 'cpe' },
  ontXgspon: { doc: ontXgspon, kind: 'cpe' },
  vdsl2Modem: { doc: vdsl2Modem, kind: 'cpe' },
  vlanPair: { doc: vlanPair, kind: 'vlanPair' },
  fibreDrop: { doc: fibreDrop, kind: 'drop' },
  copperDrop: { doc: copperDrop, kind: 'drop' },
  bngSession: { doc: bngSession, kind: 'bngSession' },
  olt: { doc: olt, kind: 'shared' },
  splitter: { doc: splitter, kind: 'shared' },
  dslam: { doc: dslam, kind: 'shared' },
  bng: { doc: bng, kind: 'shared' },
  sVlan: { doc: sVlan, kind: 'shared' },
} as const satisfies Record<string, ResourceSpecEntry>;
