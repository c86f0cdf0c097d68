// The catalog's fixed ids, in one greppable place: tests, tours, docs, qualification rules and the
// orchestrator name entries by these, never by a copy of the string.

/** TMF620 product offerings. */
export const OfferingIds = {
  gponResidential: 'po-gpon-ftth-001',
  gponBusiness: 'po-gpon-ftth-business',
  xgsponResidential: 'po-xgspon-ftth-2g',
  vdsl2Residential: 'po-vdsl2-100m',
} as const;

/** TMF620 product offering prices (monthly recurring). */
export const PriceIds = {
  gponResidentialMonthly: 'pop-gpon-ftth-001-monthly',
  gponBusinessMonthly: 'pop-gpon-ftth-business-monthly',
  xgsponResidentialMonthly: 'pop-xgspon-ftth-2g-monthly',
  vdsl2ResidentialMonthly: 'pop-vdsl2-100m-monthly',
} as const;

/** TMF620 product specifications. */
export const ProductSpecIds = {
  gponResidential: 'ps-gpon-ftth-1g',
  gponBusiness: 'ps-gpon-ftth-business-1g',
  xgsponResidential: 'ps-xgspon-ftth-2g',
  vdsl2Residential: 'ps-vdsl2-100m',
} as const;

/** TMF633 service specifications: CFSs (`cfss-`) and RFSs (`rfss-`). */
export const ServiceSpecIds = {
  broadband: 'cfss-broadband',
  internetAccess: 'cfss-internet-access',
  homeNetwork: 'cfss-home-network',
  gponAccess: 'rfss-gpon-access',
  xgsponAccess: 'rfss-xgspon-access',
  vdsl2Access: 'rfss-vdsl2-access',
  vlanTransport: 'rfss-vlan-transport',
  bngSubscriber: 'rfss-bng-subscriber',
  cpeManagement: 'rfss-cpe-management',
} as const;

/** TMF634 resource specifications: the per-subscriber kinds and the shared equipment they hang off. */
export const ResourceSpecIds = {
  gponPort: 'rs-olt-pon-port-gpon',
  xgsponPort: 'rs-olt-pon-port-xgspon',
  vdsl2Port: 'rs-dslam-port-vdsl2',
  ontGpon: 'rs-ont-gpon-eg8145v5',
  ontXgspon: 'rs-ont-xgspon-hn8145xr',
  vdsl2Modem: 'rs-vdsl2-modem',
  vlanPair: 'rs-vlan-pair',
  fibreDrop: 'rs-fibre-drop',
  copperDrop: 'rs-copper-drop',
  bngSession: 'rs-bng-session',
  olt: 'rs-olt',
  splitter: 'rs-optical-splitter',
  dslam: 'rs-dslam',
  bng: 'rs-bng',
  sVlan: 'rs-s-vlan',
} as const;

/** Values of the `accessTechnology` characteristic, spelt so that service ids read `svc-cfs-gpon-…` (src/tmf/id-rules.ts). */
export const AccessTechnologies = { GPON: 'GPON', XGSPON: 'XGSPON', VDSL2: 'VDSL2' } as const;
