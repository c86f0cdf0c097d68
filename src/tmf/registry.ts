// The 26 TM Forum Open APIs Spine serves, as explicit data: base paths, resources, operations,
// schemas, lifecycle attribute, server-set dates and event names, all as the official v4 specs in
// specs/tmf/ declare them (registry.test.ts checks every entry against those files).
//
// Events: each resource maps the spec's own event names onto the four standard kinds. Where a v4 spec
// declares no event for a kind the resource can produce (create/patch/delete operations, or a lifecycle
// attribute for stateChange), the conventional TMF name `<Entity><Kind>Event` is used and also listed in
// the API's `conventionalEvents`, so every deviation from the published spec stays visible.

import { join } from 'node:path';
import { packageRoot } from '../package-root.js';

/** The seven domains the explorer groups the APIs into (DESIGN.md, "The 26 APIs"). */
export const Domains = {
  party: 'Party & customer',
  engagement: 'Engagement & commercial',
  place: 'Place & qualification',
  service: 'Service',
  resource: 'Resource',
  product: 'Product, usage & billing',
  field: 'Field, assurance & events',
} as const;

export type DomainId = keyof typeof Domains;

/** The TMF630 operations, with the HTTP method and whether they address `/{resource}/{id}` or `/{resource}`. */
export const Operations = {
  create: { method: 'POST', onItem: false },
  list: { method: 'GET', onItem: false },
  retrieve: { method: 'GET', onItem: true },
  patch: { method: 'PATCH', onItem: true },
  delete: { method: 'DELETE', onItem: true },
} as const;

export type Operation = keyof typeof Operations;

/** A resource's event names by standard kind; `other` holds the spec's further events (InformationRequired, Batch...). */
export interface ResourceEvents {
  create?: string;
  attributeValueChange?: string;
  stateChange?: string;
  delete?: string;
  other: string[];
}

/** What entering one state of a resource's lifecycle adds to the change. */
export interface StateEntry {
  /** Stamped at every entry (a reopened ticket resolved again is dated again). */
  dates?: readonly string[];
  /** Stamped at the first entry only (an order back in progress after a hold keeps its start). */
  firstDates?: readonly string[];
  event?: string;
}

/** One resource of an API, served at `{basePath}/{name}` and `{basePath}/{name}/{id}`. */
export interface ApiResource {
  /** Path segment, e.g. `productOrder`. */
  name: string;
  /** Spec definition of the resource as returned, e.g. `ProductOrder`. */
  entity: string;
  /** `task` resources ask the server to do something (cancel, check, validate, reserve, search). */
  kind: 'entity' | 'task';
  /** Exactly the operations the official v4 spec declares for this path. */
  operations: Operation[];
  /** Definition of the POST body, e.g. `ProductOrder_Create`. */
  createSchema?: string;
  /** Definition of the PATCH body, e.g. `ProductOrder_Update`. */
  updateSchema?: string;
  /** The lifecycle attribute, when the entity has one. */
  stateField?: 'state' | 'status';
  /** Further lifecycle attributes whose change is a state change (TMF639 v4 has four independent ones). */
  lifecycleFields?: readonly string[];
  /** Set by the server on create when the client sent none (a `*_Create` that has the field lets the client choose an initial state). */
  initialState?: string;
  /** Date-time attributes the server stamps, named as the spec names them. */
  serverDates: { onCreate: string[]; onUpdate: string[] };
  events: ResourceEvents;
  /**
   * What a PATCH that moves the lifecycle attribute into a state adds, by state: date attributes the
   * server stamps (unless the request itself gives them, which only a `*_Update` that has them allows)
   * and the spec's event for that state (one of `events.other`), emitted after the state change event.
   */
  onEnter?: Readonly<Record<string, StateEntry>>;
  /**
   * Read-only sub-resources the spec nests under an item (`/{name}/{id}/{sub}`, `/{name}/{id}/{sub}/{subId}`):
   * the entries of the item's array attribute of the same name.
   */
  subResources?: readonly { name: string }[];
}

/** One TMF Open API as Spine serves it. */
export interface TmfApi {
  /** e.g. `TMF622`. */
  id: string;
  name: string;
  domain: DomainId;
  /** `info.version` of the vendored spec. */
  version: string;
  /** The spec's basePath without trailing slash, e.g. `/tmf-api/productOrderingManagement/v4`. */
  basePath: string;
  /** File name of the vendored v4 swagger in specs/tmf/. */
  specFile: string;
  resources: ApiResource[];
  /** Event names used by `resources` that the v4 spec itself does not declare. */
  conventionalEvents: string[];
  /** Shown in beginner mode: the provisioning spine (DESIGN.md lists TMF652 with TMF685 as one step). */
  spine: boolean;
}

/** The 26 APIs, grouped by domain in the order of DESIGN.md. */
export const apis: readonly TmfApi[] = [
  {
    id: 'TMF629', name: 'Customer', domain: 'party', version: '4.0', spine: false,
    basePath: '/tmf-api/customerManagement/v4',
    specFile: 'TMF629-Customer-v4.0.0.swagger.json',
    resources: [
      {
        name: 'customer', entity: 'Customer', kind: 'entity',
        operations: ['create', 'list', 'retrieve', 'patch', 'delete'],
        createSchema: 'Customer_Create', updateSchema: 'Customer_Update',
        stateField: 'status',
        serverDates: { onCreate: [], onUpdate: [] },
        events: {
          create: 'CustomerCreateEvent', attributeValueChange: 'CustomerAttributeValueChangeEvent',
          stateChange: 'CustomerStateChangeEvent', delete: 'CustomerDeleteEvent', other: [],
        },
      },
    ],
    conventionalEvents: [],
  },
  {
    id: 'TMF632', name: 'Party', domain: 'party', version: '4.0.0', spine: false,
    basePath: '/tmf-api/party/v4',
    specFile: 'TMF632-Party-v4.0.0.swagger.json',
    resources: [
      {
        name: 'individual', entity: 'Individual', kind: 'entity',
        operations: ['create', 'list', 'retrieve', 'patch', 'delete'],
        createSchema: 'Individual_Create', updateSchema: 'Individual_Update',
        stateField: 'status',
        serverDates: { onCreate: [], onUpdate: [] },
        events: {
          create: 'IndividualCreateEvent', attributeValueChange: 'IndividualAttributeValueChangeEvent',
          stateChange: 'IndividualStateChangeEvent', delete: 'IndividualDeleteEvent', other: [],
        },
      },
      {
        name: 'organization', entity: 'Organization', kind: 'entity',
        operations: ['create', 'list', 'retrieve', 'patch', 'delete'],
        createSchema: 'Organization_Create', updateSchema: 'Organization_Update',
        stateField: 'status',
        serverDates: { onCreate: [], onUpdate: [] },
        events: {
          create: 'OrganizationCreateEvent', attributeValueChange: 'OrganizationAttributeValueChangeEvent',
          stateChange: 'OrganizationStateChangeEvent', delete: 'OrganizationDeleteEvent', other: [],
        },
      },
    ],
    conventionalEvents: [],
  },
  {
    id: 'TMF666', name: 'Account', domain: 'party', version: '4.0.0', spine: false,
    basePath: '/tmf-api/accountManagement/v4',
    specFile: 'TMF666-Account-v4.0.0.swagger.json',
    resources: [
      {
        name: 'partyAccount', entity: 'PartyAccount', kind: 'entity',
        operations: ['create', 'list', 'retrieve', 'patch', 'delete'],
        createSchema: 'PartyAccount_Create', updateSchema: 'PartyAccount_Update',
        stateField: 'state',
        serverDates: { onCreate: ['lastModified'], onUpdate: ['lastModified'] },
        events: {
          create: 'PartyAccountCreateEvent', attributeValueChange: 'PartyAccountAttributeValueChangeEvent',
          stateChange: 'PartyAccountStateChangeEvent', delete: 'PartyAccountDeleteEvent', other: [],
        },
      },
      {
        name: 'billingAccount', entity: 'BillingAccount', kind: 'entity',
        operations: ['create', 'list', 'retrieve', 'patch', 'delete'],
        createSchema: 'BillingAccount_Create', updateSchema: 'BillingAccount_Update',
        stateField: 'state',
        serverDates: { onCreate: ['lastModified'], onUpdate: ['lastModified'] },
        events: {
          create: 'BillingAccountCreateEvent', attributeValueChange: 'BillingAccountAttributeValueChangeEvent',
          stateChange: 'BillingAccountStateChangeEvent', delete: 'BillingAccountDeleteEvent', other: [],
        },
      },
      {
        name: 'settlementAccount', entity: 'SettlementAccount', kind: 'entity',
        operations: ['create', 'list', 'retrieve', 'patch', 'delete'],
        createSchema: 'SettlementAccount_Create', updateSchema: 'SettlementAccount_Update',
        stateField: 'state',
        serverDates: { onCreate: ['lastModified'], onUpdate: ['lastModified'] },
        events: {
          create: 'SettlementAccountCreateEvent', attributeValueChange: 'SettlementAccountAttributeValueChangeEvent',
          stateChange: 'SettlementAccountStateChangeEvent', delete: 'SettlementAccountDeleteEvent', other: [],
        },
      },
      {
        name: 'financialAccount', entity: 'FinancialAccount', kind: 'entity',
        operations: ['create', 'list', 'retrieve', 'patch', 'delete'],
        createSchema: 'FinancialAccount_Create', updateSchema: 'FinancialAccount_Update',
        stateField: 'state',
        serverDates: { onCreate: ['lastModified'], onUpdate: ['lastModified'] },
        events: {
          create: 'FinancialAccountCreateEvent', attributeValueChange: 'FinancialAccountAttributeValueChangeEvent',
          stateChange: 'FinancialAccountStateChangeEvent', delete: 'FinancialAccountDeleteEvent', other: [],
        },
      },
      {
        name: 'billingCycleSpecification', entity: 'BillingCycleSpecification', kind: 'entity',
        operations: ['create', 'list', 'retrieve', 'patch', 'delete'],
        createSchema: 'BillingCycleSpecification_Create', updateSchema: 'BillingCycleSpecification_Update',
        serverDates: { onCreate: [], onUpdate: [] },
        events: {
          create: 'BillingCycleSpecificationCreateEvent',
          attributeValueChange: 'BillingCycleSpecificationAttributeValueChangeEvent',
          delete: 'BillingCycleSpecificationDeleteEvent', other: [],
        },
      },
      {
        name: 'billFormat', entity: 'BillFormat', kind: 'entity',
        operations: ['create', 'list', 'retrieve', 'patch', 'delete'],
        createSchema: 'BillFormat_Create', updateSchema: 'BillFormat_Update',
        serverDates: { onCreate: [], onUpdate: [] },
        events: {
          create: 'BillFormatCreateEvent', attributeValueChange: 'BillFormatAttributeValueChangeEvent',
          delete: 'BillFormatDeleteEvent', other: [],
        },
      },
      {
        name: 'billPresentationMedia', entity: 'BillPresentationMedia', kind: 'entity',
        operations: ['create', 'list', 'retrieve', 'patch', 'delete'],
        createSchema: 'BillPresentationMedia_Create', updateSchema: 'BillPresentationMedia_Update',
        serverDates: { onCreate: [], onUpdate: [] },
        events: {
          create: 'BillPresentationMediaCreateEvent',
          attributeValueChange: 'BillPresentationMediaAttributeValueChangeEvent',
          delete: 'BillPresentationMediaDeleteEvent', other: [],
        },
      },
    ],
    conventionalEvents: [
      'PartyAccountCreateEvent', 'PartyAccountDeleteEvent', 'BillingAccountCreateEvent', 'BillingAccountDeleteEvent',
      'SettlementAccountCreateEvent', 'SettlementAccountDeleteEvent', 'BillingCycleSpecificationCreateEvent',
      'BillingCycleSpecificationAttributeValueChangeEvent', 'BillingCycleSpecificationDeleteEvent',
      'BillFormatCreateEvent', 'BillFormatAttributeValueChangeEvent', 'BillFormatDeleteEvent',
      'BillPresentationMediaCreateEvent', 'BillPresentationMediaAttributeValueChangeEvent',
      'BillPresentationMediaDeleteEvent',
    ],
  },
  {
    id: 'TMF620', name: 'Product Catalog', domain: 'engagement', version: '4.1.0', spine: false,
    basePath: '/tmf-api/productCatalogManagement/v4',
    specFile: 'TMF620-ProductCatalog-v4.1.0.swagger.json',
    resources: [
      {
        name: 'catalog', entity: 'Catalog', kind: 'entity',
        operations: ['create', 'list', 'retrieve', 'patch', 'delete'],
        createSchema: 'Catalog_Create', updateSchema: 'Catalog_Update',
        serverDates: { onCreate: ['lastUpdate'], onUpdate: ['lastUpdate'] },
        events: {
          create: 'CatalogCreateEvent', attributeValueChange: 'CatalogAttributeValueChangeEvent',
          stateChange: 'CatalogStateChangeEvent', delete: 'CatalogDeleteEvent', other: ['CatalogBatchEvent'],
        },
      },
      {
        name: 'category', entity: 'Category', kind: 'entity',
        operations: ['create', 'list', 'retrieve', 'patch', 'delete'],
        createSchema: 'Category_Create', updateSchema: 'Category_Update',
        serverDates: { onCreate: ['lastUpdate'], onUpdate: ['lastUpdate'] },
        events: {
          create: 'CategoryCreateEvent', attributeValueChange: 'CategoryAttributeValueChangeEvent',
          stateChange: 'CategoryStateChangeEvent', delete: 'CategoryDeleteEvent', other: [],
        },
      },
      {
        name: 'productOffering', entity: 'ProductOffering', kind: 'entity',
        operations: ['create', 'list', 'retrieve', 'patch', 'delete'],
        createSchema: 'ProductOffering_Create', updateSchema: 'ProductOffering_Update',
        serverDates: { onCreate: ['lastUpdate'], onUpdate: ['lastUpdate'] },
        events: {
          create: 'ProductOfferingCreateEvent', attributeValueChange: 'ProductOfferingAttributeValueChangeEvent',
          stateChange: 'ProductOfferingStateChangeEvent', delete: 'ProductOfferingDeleteEvent', other: [],
        },
      },
      {
        name: 'productOfferingPrice', entity: 'ProductOfferingPrice', kind: 'entity',
        operations: ['create', 'list', 'retrieve', 'patch', 'delete'],
        createSchema: 'ProductOfferingPrice_Create', updateSchema: 'ProductOfferingPrice_Update',
        serverDates: { onCreate: ['lastUpdate'], onUpdate: ['lastUpdate'] },
        events: {
          create: 'ProductOfferingPriceCreateEvent',
          attributeValueChange: 'ProductOfferingPriceAttributeValueChangeEvent',
          stateChange: 'ProductOfferingPriceStateChangeEvent', delete: 'ProductOfferingPriceDeleteEvent', other: [],
        },
      },
      {
        name: 'productSpecification', entity: 'ProductSpecification', kind: 'entity',
        operations: ['create', 'list', 'retrieve', 'patch', 'delete'],
        createSchema: 'ProductSpecification_Create', updateSchema: 'ProductSpecification_Update',
        serverDates: { onCreate: ['lastUpdate'], onUpdate: ['lastUpdate'] },
        events: {
          create: 'ProductSpecificationCreateEvent',
          attributeValueChange: 'ProductSpecificationAttributeValueChangeEvent',
          stateChange: 'ProductSpecificationStateChangeEvent', delete: 'ProductSpecificationDeleteEvent', other: [],
        },
      },
      {
        name: 'importJob', entity: 'ImportJob', kind: 'task',
        operations: ['create', 'list', 'retrieve', 'delete'],
        createSchema: 'ImportJob_Create',
        stateField: 'status',
        serverDates: { onCreate: ['creationDate'], onUpdate: [] },
        events: {
          create: 'ImportJobCreateEvent', stateChange: 'ImportJobStateChangeEvent', delete: 'ImportJobDeleteEvent',
          other: [],
        },
      },
      {
        name: 'exportJob', entity: 'ExportJob', kind: 'task',
        operations: ['create', 'list', 'retrieve', 'delete'],
        createSchema: 'ExportJob_Create',
        stateField: 'status',
        serverDates: { onCreate: ['creationDate'], onUpdate: [] },
        events: {
          create: 'ExportJobCreateEvent', stateChange: 'ExportJobStateChangeEvent', delete: 'ExportJobDeleteEvent',
          other: [],
        },
      },
    ],
    conventionalEvents: [
      'ImportJobCreateEvent', 'ImportJobStateChangeEvent', 'ImportJobDeleteEvent', 'ExportJobCreateEvent',
      'ExportJobStateChangeEvent', 'ExportJobDeleteEvent',
    ],
  },
  {
    id: 'TMF663', name: 'Shopping Cart', domain: 'engagement', version: '4.0.0', spine: false,
    basePath: '/tmf-api/shoppingCart/v4',
    specFile: 'TMF663-ShoppingCart-v4.0.0.swagger.json',
    resources: [
      {
        name: 'shoppingCart', entity: 'ShoppingCart', kind: 'entity',
        operations: ['create', 'list', 'retrieve', 'patch', 'delete'],
        createSchema: 'ShoppingCart_Create', updateSchema: 'ShoppingCart_Update',
        serverDates: { onCreate: [], onUpdate: [] },
        events: {
          create: 'ShoppingCartCreateEvent', attributeValueChange: 'ShoppingCartAttributeValueChangeEvent',
          delete: 'ShoppingCartDeleteEvent', other: [],
        },
      },
    ],
    conventionalEvents: [],
  },
  {
    id: 'TMF679', name: 'Product Offering Qualification', domain: 'engagement', version: '4.0.0', spine: false,
    basePath: '/tmf-api/productOfferingQualification/v4',
    specFile: 'TMF679-ProductOfferingQualification-v4.0.0.swagger.json',
    resources: [
      {
        name: 'productOfferingQualification', entity: 'ProductOfferingQualification', kind: 'task',
        operations: ['create', 'list', 'retrieve', 'patch', 'delete'],
        createSchema: 'ProductOfferingQualification_Create', updateSchema: 'ProductOfferingQualification_Update',
        stateField: 'state', initialState: 'acknowledged',
        serverDates: { onCreate: ['productOfferingQualificationDate'], onUpdate: [] },
        events: {
          create: 'ProductOfferingQualificationCreateEvent',
          attributeValueChange: 'ProductOfferingQualificationAttributeValueChangeEvent',
          stateChange: 'ProductOfferingQualificationStateChangeEvent',
          delete: 'ProductOfferingQualificationDeleteEvent',
          other: ['ProductOfferingQualificationInformationRequiredEvent'],
        },
      },
    ],
    conventionalEvents: [],
  },
  {
    id: 'TMF622', name: 'Product Ordering', domain: 'engagement', version: '4.0.0', spine: true,
    basePath: '/tmf-api/productOrderingManagement/v4',
    specFile: 'TMF622-ProductOrder-v4.0.0.swagger.json',
    resources: [
      {
        name: 'productOrder', entity: 'ProductOrder', kind: 'entity',
        operations: ['create', 'list', 'retrieve', 'patch', 'delete'],
        createSchema: 'ProductOrder_Create', updateSchema: 'ProductOrder_Update',
        stateField: 'state', initialState: 'acknowledged',
        serverDates: { onCreate: ['orderDate'], onUpdate: [] },
        events: {
          create: 'ProductOrderCreateEvent', attributeValueChange: 'ProductOrderAttributeValueChangeEvent',
          stateChange: 'ProductOrderStateChangeEvent', delete: 'ProductOrderDeleteEvent',
          other: ['ProductOrderInformationRequiredEvent'],
        },
        onEnter: { completed: { dates: ['completionDate'] }, cancelled: { dates: ['cancellationDate'] } },
      },
      {
        name: 'cancelProductOrder', entity: 'CancelProductOrder', kind: 'task',
        operations: ['create', 'list', 'retrieve'],
        createSchema: 'CancelProductOrder_Create',
        stateField: 'state', initialState: 'acknowledged',
        serverDates: { onCreate: [], onUpdate: [] },
        events: {
          create: 'CancelProductOrderCreateEvent', stateChange: 'CancelProductOrderStateChangeEvent',
          other: ['CancelProductOrderInformationRequiredEvent'],
        },
      },
    ],
    conventionalEvents: [],
  },
  {
    id: 'TMF673', name: 'Geographic Address', domain: 'place', version: '4.0.1', spine: true,
    basePath: '/tmf-api/geographicAddressManagement/v4',
    specFile: 'TMF673-GeographicAddress-v4.0.1.swagger.json',
    resources: [
      {
        name: 'geographicAddressValidation', entity: 'GeographicAddressValidation', kind: 'task',
        operations: ['create', 'list', 'retrieve', 'patch'],
        createSchema: 'GeographicAddressValidation_Create', updateSchema: 'GeographicAddressValidation_Update',
        stateField: 'state', initialState: 'accepted',
        serverDates: { onCreate: ['validationDate'], onUpdate: [] },
        events: {
          create: 'GeographicAddressValidationCreateEvent',
          attributeValueChange: 'GeographicAddressValidationAttributeValueChangeEvent',
          stateChange: 'GeographicAddressValidationStateChangeEvent', other: [],
        },
      },
      {
        name: 'geographicAddress', entity: 'GeographicAddress', kind: 'entity',
        operations: ['list', 'retrieve'],
        serverDates: { onCreate: [], onUpdate: [] },
        events: { other: [] },
        subResources: [{ name: 'geographicSubAddress' }],
      },
    ],
    conventionalEvents: [
      'GeographicAddressValidationCreateEvent', 'GeographicAddressValidationAttributeValueChangeEvent',
    ],
  },
  {
    id: 'TMF645', name: 'Service Qualification', domain: 'place', version: '4.0.0', spine: true,
    basePath: '/tmf-api/serviceQualificationManagement/v4',
    specFile: 'TMF645_Service_Qualification_Management_API_v4.0.0_swagger.json',
    resources: [
      {
        name: 'checkServiceQualification', entity: 'CheckServiceQualification', kind: 'task',
        operations: ['create', 'list', 'retrieve', 'patch', 'delete'],
        createSchema: 'CheckServiceQualification_Create', updateSchema: 'CheckServiceQualification_Update',
        stateField: 'state', initialState: 'accepted',
        serverDates: { onCreate: ['checkServiceQualificationDate'], onUpdate: [] },
        events: {
          create: 'CheckServiceQualificationCreateEvent',
          attributeValueChange: 'CheckServiceQualificationAttributeValueChangeEvent',
          stateChange: 'CheckServiceQualificationStateChangeEvent', delete: 'CheckServiceQualificationDeleteEvent',
          other: ['CheckServiceQualificationInformationRequiredEvent'],
        },
      },
      {
        name: 'queryServiceQualification', entity: 'QueryServiceQualification', kind: 'task',
        operations: ['create', 'list', 'retrieve', 'patch', 'delete'],
        createSchema: 'QueryServiceQualification_Create', updateSchema: 'QueryServiceQualification_Update',
        stateField: 'state', initialState: 'accepted',
        serverDates: { onCreate: ['queryServiceQualificationDate'], onUpdate: [] },
        events: {
          create: 'QueryServiceQualificationCreateEvent',
          attributeValueChange: 'QueryServiceQualificationAttributeValueChangeEvent',
          stateChange: 'QueryServiceQualificationStateChangeEvent', delete: 'QueryServiceQualificationDeleteEvent',
          other: [],
        },
      },
    ],
    conventionalEvents: [
      'QueryServiceQualificationAttributeValueChangeEvent',
    ],
  },
  {
    id: 'TMF646', name: 'Appointment', domain: 'place', version: '4.0.0', spine: false,
    basePath: '/tmf-api/appointment/v4',
    specFile: 'TMF646-Appointment-v4.0.0.swagger.json',
    resources: [
      {
        name: 'appointment', entity: 'Appointment', kind: 'entity',
        operations: ['create', 'list', 'retrieve', 'patch', 'delete'],
        createSchema: 'Appointment_Create', updateSchema: 'Appointment_Update',
        stateField: 'status', initialState: 'initialized',
        serverDates: { onCreate: ['creationDate', 'lastUpdate'], onUpdate: ['lastUpdate'] },
        events: {
          create: 'AppointmentCreateEvent', attributeValueChange: 'AppointmentAttributeValueChangeEvent',
          stateChange: 'AppointmentStateChangeEvent', delete: 'AppointmentDeleteEvent', other: [],
        },
      },
      {
        name: 'searchTimeSlot', entity: 'SearchTimeSlot', kind: 'task',
        operations: ['create', 'list', 'retrieve', 'patch', 'delete'],
        createSchema: 'SearchTimeSlot_Create', updateSchema: 'SearchTimeSlot_Update',
        stateField: 'status', initialState: 'inProgress',
        serverDates: { onCreate: ['searchDate'], onUpdate: [] },
        events: {
          create: 'SearchTimeSlotCreateEvent', attributeValueChange: 'SearchTimeSlotAttributeValueChangeEvent',
          stateChange: 'SearchTimeSlotStateChangeEvent', delete: 'SearchTimeSlotDeleteEvent', other: [],
        },
      },
    ],
    conventionalEvents: [],
  },
  {
    id: 'TMF633', name: 'Service Catalog', domain: 'service', version: '4.0.0', spine: false,
    basePath: '/tmf-api/serviceCatalogManagement/v4',
    specFile: 'TMF633-ServiceCatalog-v4.0.0.swagger.json',
    resources: [
      {
        name: 'serviceCatalog', entity: 'ServiceCatalog', kind: 'entity',
        operations: ['create', 'list', 'retrieve', 'patch', 'delete'],
        createSchema: 'ServiceCatalog_Create', updateSchema: 'ServiceCatalog_Update',
        serverDates: { onCreate: ['lastUpdate'], onUpdate: ['lastUpdate'] },
        events: {
          create: 'ServiceCatalogCreateEvent', attributeValueChange: 'ServiceCatalogChangeEvent',
          delete: 'ServiceCatalogDeleteEvent', other: ['ServiceCatalogBatchEvent'],
        },
      },
      {
        name: 'serviceCategory', entity: 'ServiceCategory', kind: 'entity',
        operations: ['create', 'list', 'retrieve', 'patch', 'delete'],
        createSchema: 'ServiceCategory_Create', updateSchema: 'ServiceCategory_Update',
        serverDates: { onCreate: ['lastUpdate'], onUpdate: ['lastUpdate'] },
        events: {
          create: 'ServiceCategoryCreateEvent', attributeValueChange: 'ServiceCategoryChangeEvent',
          delete: 'ServiceCategoryDeleteEvent', other: [],
        },
      },
      {
        name: 'serviceCandidate', entity: 'ServiceCandidate', kind: 'entity',
        operations: ['create', 'list', 'retrieve', 'patch', 'delete'],
        createSchema: 'ServiceCandidate_Create', updateSchema: 'ServiceCandidate_Update',
        serverDates: { onCreate: ['lastUpdate'], onUpdate: ['lastUpdate'] },
        events: {
          create: 'ServiceCandidateCreateEvent', attributeValueChange: 'ServiceCandidateChangeEvent',
          delete: 'ServiceCandidateDeleteEvent', other: [],
        },
      },
      {
        name: 'serviceSpecification', entity: 'ServiceSpecification', kind: 'entity',
        operations: ['create', 'list', 'retrieve', 'patch', 'delete'],
        createSchema: 'ServiceSpecification_Create', updateSchema: 'ServiceSpecification_Update',
        serverDates: { onCreate: ['lastUpdate'], onUpdate: ['lastUpdate'] },
        events: {
          create: 'ServiceSpecificationCreateEvent', attributeValueChange: 'ServiceSpecificationChangeEvent',
          delete: 'ServiceSpecificationDeleteEvent', other: [],
        },
      },
      {
        name: 'importJob', entity: 'ImportJob', kind: 'task',
        operations: ['create', 'list', 'retrieve', 'delete'],
        createSchema: 'ImportJob_Create',
        stateField: 'status',
        serverDates: { onCreate: ['creationDate'], onUpdate: [] },
        events: {
          create: 'ImportJobCreateEvent', stateChange: 'ImportJobStateChangeEvent', delete: 'ImportJobDeleteEvent',
          other: [],
        },
      },
      {
        name: 'exportJob', entity: 'ExportJob', kind: 'task',
        operations: ['create', 'list', 'retrieve', 'delete'],
        createSchema: 'ExportJob_Create',
        stateField: 'status',
        serverDates: { onCreate: ['creationDate'], onUpdate: [] },
        events: {
          create: 'ExportJobCreateEvent', stateChange: 'ExportJobStateChangeEvent', delete: 'ExportJobDeleteEvent',
          other: [],
        },
      },
    ],
    conventionalEvents: [
      'ImportJobCreateEvent', 'ImportJobStateChangeEvent', 'ImportJobDeleteEvent', 'ExportJobCreateEvent',
      'ExportJobStateChangeEvent', 'ExportJobDeleteEvent',
    ],
  },
  {
    id: 'TMF641', name: 'Service Ordering', domain: 'service', version: '4.1.0', spine: true,
    basePath: '/tmf-api/serviceOrdering/v4',
    specFile: 'TMF641-ServiceOrdering-v4.1.0.swagger.json',
    resources: [
      {
        name: 'serviceOrder', entity: 'ServiceOrder', kind: 'entity',
        operations: ['create', 'list', 'retrieve', 'patch', 'delete'],
        createSchema: 'ServiceOrder_Create', updateSchema: 'ServiceOrder_Update',
        stateField: 'state', initialState: 'acknowledged',
        serverDates: { onCreate: ['orderDate'], onUpdate: [] },
        events: {
          create: 'ServiceOrderCreateEvent', attributeValueChange: 'ServiceOrderAttributeValueChangeEvent',
          stateChange: 'ServiceOrderStateChangeEvent', delete: 'ServiceOrderDeleteEvent',
          other: ['ServiceOrderInformationRequiredEvent', 'ServiceOrderMilestoneEvent', 'ServiceOrderJeopardyEvent'],
        },
        onEnter: { inProgress: { firstDates: ['startDate'] }, completed: { dates: ['completionDate'] }, cancelled: { dates: ['cancellationDate'] } },
      },
      {
        name: 'cancelServiceOrder', entity: 'CancelServiceOrder', kind: 'task',
        operations: ['create', 'list', 'retrieve'],
        createSchema: 'CancelServiceOrder_Create',
        stateField: 'state', initialState: 'accepted',
        serverDates: { onCreate: [], onUpdate: [] },
        events: {
          create: 'CancelServiceOrderCreateEvent', stateChange: 'CancelServiceOrderStateChangeEvent',
          other: ['CancelServiceOrderInformationRequiredEvent'],
        },
      },
    ],
    conventionalEvents: [],
  },
  {
    id: 'TMF638', name: 'Service Inventory', domain: 'service', version: '4.0.0', spine: true,
    basePath: '/tmf-api/serviceInventory/v4',
    specFile: 'TMF638-ServiceInventory-v4.0.0.swagger.json',
    resources: [
      {
        name: 'service', entity: 'Service', kind: 'entity',
        operations: ['create', 'list', 'retrieve', 'patch', 'delete'],
        createSchema: 'Service_Create', updateSchema: 'Service_Update',
        stateField: 'state',
        serverDates: { onCreate: [], onUpdate: [] },
        events: {
          create: 'ServiceCreateEvent', attributeValueChange: 'ServiceAttributeValueChangeEvent',
          stateChange: 'ServiceStateChangeEvent', delete: 'ServiceDeleteEvent', other: [],
        },
      },
    ],
    conventionalEvents: [],
  },
  {
    id: 'TMF640', name: 'Service Activation', domain: 'service', version: '4.0.0', spine: false,
    basePath: '/tmf-api/ServiceActivationAndConfiguration/v4',
    specFile: 'TMF640-ServiceActivation-v4.0.0.swagger.json',
    resources: [
      {
        name: 'service', entity: 'Service', kind: 'entity',
        operations: ['create', 'list', 'retrieve', 'patch', 'delete'],
        createSchema: 'Service_Create', updateSchema: 'Service_Update',
        stateField: 'state',
        serverDates: { onCreate: [], onUpdate: [] },
        events: {
          create: 'ServiceCreateEvent', attributeValueChange: 'ServiceAttributeValueChangeEvent',
          stateChange: 'ServiceStateChangeEvent', delete: 'ServiceDeleteEvent', other: [],
        },
      },
      {
        name: 'monitor', entity: 'Monitor', kind: 'entity',
        operations: ['list', 'retrieve'],
        stateField: 'state',
        serverDates: { onCreate: [], onUpdate: [] },
        events: {
          create: 'MonitorCreateEvent', attributeValueChange: 'MonitorAttributeValueChangeEvent',
          stateChange: 'MonitorStateChangeEvent', delete: 'MonitorDeleteEvent', other: [],
        },
      },
    ],
    conventionalEvents: [],
  },
  {
    id: 'TMF634', name: 'Resource Catalog', domain: 'resource', version: '4.1.0', spine: false,
    basePath: '/tmf-api/resourceCatalog/v4',
    specFile: 'TMF634-ResourceCatalog-v4.1.0.swagger.json',
    resources: [
      {
        name: 'resourceCatalog', entity: 'ResourceCatalog', kind: 'entity',
        operations: ['create', 'list', 'retrieve', 'patch', 'delete'],
        createSchema: 'ResourceCatalog_Create', updateSchema: 'ResourceCatalog_Update',
        serverDates: { onCreate: ['lastUpdate'], onUpdate: ['lastUpdate'] },
        events: {
          create: 'ResourceCatalogCreateEvent', attributeValueChange: 'ResourceCatalogChangeEvent',
          delete: 'ResourceCatalogDeleteEvent', other: [],
        },
      },
      {
        name: 'resourceCategory', entity: 'ResourceCategory', kind: 'entity',
        operations: ['create', 'list', 'retrieve', 'patch', 'delete'],
        createSchema: 'ResourceCategory_Create', updateSchema: 'ResourceCategory_Update',
        serverDates: { onCreate: ['lastUpdate'], onUpdate: ['lastUpdate'] },
        events: {
          create: 'ResourceCategoryCreateEvent', attributeValueChange: 'ResourceCategoryChangeEvent',
          delete: 'ResourceCategoryDeleteEvent', other: [],
        },
      },
      {
        name: 'resourceCandidate', entity: 'ResourceCandidate', kind: 'entity',
        operations: ['create', 'list', 'retrieve', 'patch', 'delete'],
        createSchema: 'ResourceCandidate_Create', updateSchema: 'ResourceCandidate_Update',
        serverDates: { onCreate: ['lastUpdate'], onUpdate: ['lastUpdate'] },
        events: {
          create: 'ResourceCandidateCreateEvent', attributeValueChange: 'ResourceCandidateChangeEvent',
          delete: 'ResourceCandidateDeleteEvent', other: [],
        },
      },
      {
        name: 'resourceSpecification', entity: 'ResourceSpecification', kind: 'entity',
        operations: ['create', 'list', 'retrieve', 'patch', 'delete'],
        createSchema: 'ResourceSpecification_Create', updateSchema: 'ResourceSpecification_Update',
        serverDates: { onCreate: ['lastUpdate'], onUpdate: ['lastUpdate'] },
        events: {
          create: 'ResourceSpecificationCreateEvent', attributeValueChange: 'ResourceSpecificationChangeEvent',
          delete: 'ResourceSpecificationDeleteEvent', other: [],
        },
      },
      {
        name: 'importJob', entity: 'ImportJob', kind: 'task',
        operations: ['create', 'list', 'retrieve', 'delete'],
        createSchema: 'ImportJob_Create',
        stateField: 'status',
        serverDates: { onCreate: ['creationDate'], onUpdate: [] },
        events: {
          create: 'ImportJobCreateEvent', stateChange: 'ImportJobStateChangeEvent', delete: 'ImportJobDeleteEvent',
          other: [],
        },
      },
      {
        name: 'exportJob', entity: 'ExportJob', kind: 'task',
        operations: ['create', 'list', 'retrieve', 'delete'],
        createSchema: 'ExportJob_Create',
        stateField: 'status',
        serverDates: { onCreate: ['creationDate'], onUpdate: [] },
        events: {
          create: 'ExportJobCreateEvent', stateChange: 'ExportJobStateChangeEvent', delete: 'ExportJobDeleteEvent',
          other: [],
        },
      },
    ],
    conventionalEvents: [
      'ImportJobDeleteEvent', 'ExportJobDeleteEvent',
    ],
  },
  {
    id: 'TMF652', name: 'Resource Ordering', domain: 'resource', version: '4.0.0', spine: true,
    basePath: '/tmf-api/resourceOrderingManagement/v4',
    specFile: 'TMF652-ResourceOrder-v4.0.0.swagger.json',
    resources: [
      {
        name: 'resourceOrder', entity: 'ResourceOrder', kind: 'entity',
        operations: ['create', 'list', 'retrieve', 'patch', 'delete'],
        createSchema: 'ResourceOrder_Create', updateSchema: 'ResourceOrder_Update',
        stateField: 'state', initialState: 'acknowledged',
        serverDates: { onCreate: ['orderDate'], onUpdate: [] },
        events: {
          create: 'ResourceOrderCreateEvent', attributeValueChange: 'ResourceOrderAttributeValueChangeEvent',
          stateChange: 'ResourceOrderStateChangeEvent', delete: 'ResourceOrderDeleteEvent',
          other: ['ResourceOrderInformationRequiredEvent'],
        },
        onEnter: { inProgress: { firstDates: ['startDate'] }, completed: { dates: ['completionDate'] } },
      },
      {
        name: 'cancelResourceOrder', entity: 'CancelResourceOrder', kind: 'task',
        operations: ['create', 'list', 'retrieve'],
        createSchema: 'CancelResourceOrder_Create',
        stateField: 'state', initialState: 'acknowledged',
        serverDates: { onCreate: [], onUpdate: [] },
        events: {
          create: 'CancelResourceOrderCreateEvent', stateChange: 'CancelResourceOrderStateChangeEvent',
          other: ['CancelResourceOrderInformationRequiredEvent'],
        },
      },
    ],
    conventionalEvents: [],
  },
  {
    id: 'TMF639', name: 'Resource Inventory', domain: 'resource', version: '4.0.0', spine: false,
    basePath: '/tmf-api/resourceInventoryManagement/v4',
    specFile: 'TMF639_Resource_Inventory_Management_API_v4.0.0_swagger.json',
    resources: [
      {
        name: 'resource', entity: 'Resource', kind: 'entity',
        operations: ['create', 'list', 'retrieve', 'patch', 'delete'],
        createSchema: 'Resource_Create', updateSchema: 'Resource_Update',
        lifecycleFields: ['resourceStatus', 'administrativeState', 'operationalState', 'usageState'],
        serverDates: { onCreate: [], onUpdate: [] },
        events: {
          create: 'ResourceCreateEvent', attributeValueChange: 'ResourceAttributeValueChangeEvent',
          stateChange: 'ResourceStateChangeEvent', delete: 'ResourceDeleteEvent', other: [],
        },
      },
    ],
    conventionalEvents: [],
  },
  {
    id: 'TMF685', name: 'Resource Pool', domain: 'resource', version: '4.0.0', spine: true,
    basePath: '/tmf-api/resourcePoolManagement/v4',
    specFile: 'TMF685-ResourcePool-v4.0.0.swagger.json',
    resources: [
      {
        name: 'reservation', entity: 'Reservation', kind: 'task',
        operations: ['create', 'list', 'retrieve', 'patch', 'delete'],
        createSchema: 'Reservation_Create', updateSchema: 'Reservation_Update',
        stateField: 'state',
        serverDates: { onCreate: ['creationDate'], onUpdate: [] },
        events: {
          create: 'ReservationCreationEvent', attributeValueChange: 'ReservationAttributeValueChangeEvent',
          stateChange: 'ReservationStateChangeEvent', delete: 'ReservationRemoveEvent',
          other: ['ReservationInformationRequiredEvent'],
        },
      },
      {
        name: 'resourcePool', entity: 'ResourcePool', kind: 'entity',
        operations: ['create', 'list', 'retrieve', 'patch'],
        createSchema: 'ResourcePool_Create', updateSchema: 'ResourcePool_Update',
        serverDates: { onCreate: [], onUpdate: [] },
        events: {
          create: 'ResourcePoolCreateEvent', attributeValueChange: 'ResourcePoolAttributeValueChangeEvent', other: [],
        },
      },
      {
        name: 'availabilityCheck', entity: 'AvailabilityCheck', kind: 'task',
        operations: ['create', 'list', 'retrieve'],
        createSchema: 'AvailabilityCheck_Create',
        serverDates: { onCreate: [], onUpdate: [] },
        events: { create: 'AvailabilityCheckCreateEvent', other: [] },
      },
      {
        name: 'push', entity: 'Push', kind: 'task',
        operations: ['create', 'list', 'retrieve'],
        createSchema: 'Push_Create',
        serverDates: { onCreate: [], onUpdate: [] },
        events: { create: 'PushCreateEvent', other: [] },
      },
      {
        name: 'extract', entity: 'Extract', kind: 'task',
        operations: ['create', 'list', 'retrieve'],
        createSchema: 'Extract_Create',
        serverDates: { onCreate: [], onUpdate: [] },
        events: { create: 'ExtractCreateEvent', other: [] },
      },
    ],
    conventionalEvents: [
      'ReservationAttributeValueChangeEvent', 'ResourcePoolCreateEvent', 'ResourcePoolAttributeValueChangeEvent',
      'AvailabilityCheckCreateEvent', 'PushCreateEvent', 'ExtractCreateEvent',
    ],
  },
  {
    id: 'TMF702', name: 'Resource Activation', domain: 'resource', version: '4.0.0', spine: true,
    basePath: '/tmf-api/ResourceActivationAndConfiguration/v4',
    specFile: 'TMF702-ResourceActivation-v4.0.0.swagger.json',
    resources: [
      {
        name: 'resource', entity: 'Resource', kind: 'entity',
        operations: ['create', 'list', 'retrieve', 'patch', 'delete'],
        createSchema: 'Resource_Create', updateSchema: 'Resource_Update',
        serverDates: { onCreate: [], onUpdate: [] },
        events: {
          create: 'ResourceCreateEvent', attributeValueChange: 'ResourceAttributeValueChangeEvent',
          stateChange: 'ResourceStateChangeEvent', delete: 'ResourceDeleteEvent', other: [],
        },
      },
      {
        name: 'monitor', entity: 'Monitor', kind: 'entity',
        operations: ['list', 'retrieve'],
        stateField: 'state',
        serverDates: { onCreate: [], onUpdate: [] },
        events: {
          create: 'MonitorCreateEvent', attributeValueChange: 'MonitorAttributeValueChangeEvent',
          stateChange: 'MonitorStateChangeEvent', delete: 'MonitorDeleteEvent', other: [],
        },
      },
    ],
    conventionalEvents: [],
  },
  {
    id: 'TMF637', name: 'Product Inventory', domain: 'product', version: '4.0.0', spine: false,
    basePath: '/tmf-api/productInventory/v4',
    specFile: 'TMF637-ProductInventory-v4.0.0.swagger.json',
    resources: [
      {
        name: 'product', entity: 'Product', kind: 'entity',
        operations: ['create', 'list', 'retrieve', 'patch', 'delete'],
        createSchema: 'Product_Create', updateSchema: 'Product_Update',
        stateField: 'status',
        serverDates: { onCreate: [], onUpdate: [] },
        events: {
          create: 'ProductCreateEvent', attributeValueChange: 'ProductAttributeValueChangeEvent',
          stateChange: 'ProductStateChangeEvent', delete: 'ProductDeleteEvent', other: ['ProductBatchEvent'],
        },
      },
    ],
    conventionalEvents: [],
  },
  {
    id: 'TMF635', name: 'Usage', domain: 'product', version: '4.0.0', spine: false,
    basePath: '/tmf-api/usageManagement/v4',
    specFile: 'TMF635-UsageManagement-v4.0.0.swagger.json',
    resources: [
      {
        name: 'usage', entity: 'Usage', kind: 'entity',
        operations: ['create', 'list', 'retrieve', 'patch', 'delete'],
        createSchema: 'Usage_Create', updateSchema: 'Usage_Update',
        stateField: 'status',
        serverDates: { onCreate: [], onUpdate: [] },
        events: {
          create: 'UsageCreateEvent', attributeValueChange: 'UsageAttributeValueChangeEvent',
          stateChange: 'UsageStateChangeEvent', delete: 'UsageDeleteEvent', other: [],
        },
      },
      {
        name: 'usageSpecification', entity: 'UsageSpecification', kind: 'entity',
        operations: ['create', 'list', 'retrieve', 'patch', 'delete'],
        createSchema: 'UsageSpecification_Create', updateSchema: 'UsageSpecification_Update',
        serverDates: { onCreate: ['lastUpdate'], onUpdate: ['lastUpdate'] },
        events: {
          create: 'UsageSpecificationCreateEvent',
          attributeValueChange: 'UsageSpecificationAttributeValueChangeEvent',
          delete: 'UsageSpecificationDeleteEvent', other: [],
        },
      },
    ],
    conventionalEvents: [],
  },
  {
    id: 'TMF678', name: 'Customer Bill', domain: 'product', version: '4.0.0', spine: false,
    basePath: '/tmf-api/customerBillManagement/v4',
    specFile: 'TMF678-CustomerBill-v4.0.0.swagger.json',
    resources: [
      {
        name: 'customerBillOnDemand', entity: 'CustomerBillOnDemand', kind: 'task',
        operations: ['create', 'list', 'retrieve'],
        createSchema: 'CustomerBillOnDemand_Create',
        stateField: 'state',
        serverDates: { onCreate: ['lastUpdate'], onUpdate: ['lastUpdate'] },
        events: {
          create: 'CustomerBillOnDemandCreateEvent', stateChange: 'CustomerBillOnDemandStateChangeEvent', other: [],
        },
      },
      {
        name: 'customerBill', entity: 'CustomerBill', kind: 'entity',
        operations: ['list', 'retrieve', 'patch'],
        updateSchema: 'CustomerBill_Update',
        stateField: 'state',
        serverDates: { onCreate: ['lastUpdate'], onUpdate: ['lastUpdate'] },
        events: {
          attributeValueChange: 'CustomerBillAttributeValueChangeEvent', stateChange: 'CustomerBillStateChangeEvent',
          other: [],
        },
      },
      {
        name: 'appliedCustomerBillingRate', entity: 'AppliedCustomerBillingRate', kind: 'entity',
        operations: ['list', 'retrieve'],
        serverDates: { onCreate: [], onUpdate: [] },
        events: { other: [] },
      },
    ],
    conventionalEvents: [
      'CustomerBillOnDemandCreateEvent', 'CustomerBillOnDemandStateChangeEvent',
      'CustomerBillAttributeValueChangeEvent', 'CustomerBillStateChangeEvent',
    ],
  },
  {
    id: 'TMF697', name: 'Work Order', domain: 'field', version: '4.0.0', spine: false,
    basePath: '/tmf-api/workOrderManagement/v4',
    specFile: 'TMF697-WorkOrder-v4.0.0.swagger.json',
    resources: [
      {
        name: 'workOrder', entity: 'WorkOrder', kind: 'entity',
        operations: ['create', 'list', 'retrieve', 'patch', 'delete'],
        createSchema: 'WorkOrder_Create', updateSchema: 'WorkOrder_Update',
        stateField: 'state', initialState: 'acknowledged',
        serverDates: { onCreate: ['orderDate'], onUpdate: [] },
        events: {
          create: 'WorkOrderCreateEvent', attributeValueChange: 'WorkOrderAttributeValueChangeEvent',
          stateChange: 'WorkOrderStateChangeEvent', delete: 'WorkOrderDeleteEvent',
          other: ['WorkOrderInformationRequiredEvent'],
        },
        onEnter: { inProgress: { firstDates: ['startDate'] }, completed: { dates: ['completionDate'] }, cancelled: { dates: ['cancellationDate'] } },
      },
      {
        name: 'cancelWorkOrder', entity: 'CancelWorkOrder', kind: 'task',
        operations: ['create', 'list', 'retrieve'],
        createSchema: 'CancelWorkOrder_Create',
        stateField: 'state', initialState: 'accepted',
        serverDates: { onCreate: [], onUpdate: [] },
        events: {
          create: 'CancelWorkOrderCreateEvent', stateChange: 'CancelWorkOrderStateChangeEvent',
          other: ['CancelWorkOrderInformationRequiredEvent'],
        },
      },
    ],
    conventionalEvents: [],
  },
  {
    id: 'TMF621', name: 'Trouble Ticket', domain: 'field', version: '4.0.0', spine: false,
    basePath: '/tmf-api/troubleTicket/v4',
    specFile: 'TMF621-TroubleTicket-v4.0.0.swagger.json',
    resources: [
      {
        name: 'troubleTicket', entity: 'TroubleTicket', kind: 'entity',
        operations: ['create', 'list', 'retrieve', 'patch', 'delete'],
        createSchema: 'TroubleTicket_Create', updateSchema: 'TroubleTicket_Update',
        stateField: 'status', initialState: 'acknowledged',
        serverDates: { onCreate: ['creationDate', 'lastUpdate'], onUpdate: ['lastUpdate'] },
        events: {
          create: 'TroubleTicketCreateEvent', attributeValueChange: 'TroubleTicketAttributeValueChangeEvent',
          stateChange: 'TroubleTicketStatusChangeEvent', delete: 'TroubleTicketDeleteEvent',
          other: ['TroubleTicketResolvedEvent', 'TroubleTicketInformationRequiredEvent'],
        },
        onEnter: { resolved: { dates: ['resolutionDate'], event: 'TroubleTicketResolvedEvent' } },
      },
    ],
    conventionalEvents: [],
  },
  {
    id: 'TMF656', name: 'Service Problem', domain: 'field', version: '4.0.0', spine: false,
    basePath: '/tmf-api/serviceProblemManagement/v4',
    specFile: 'TMF656-ServiceProblem-v4.0.0.swagger.json',
    resources: [
      {
        name: 'serviceProblem', entity: 'ServiceProblem', kind: 'entity',
        operations: ['create', 'list', 'retrieve', 'patch', 'delete'],
        createSchema: 'ServiceProblem_Create', updateSchema: 'ServiceProblem_Update',
        stateField: 'status',
        serverDates: { onCreate: ['creationDate', 'lastUpdate'], onUpdate: ['lastUpdate'] },
        events: {
          create: 'ServiceProblemCreateEvent', attributeValueChange: 'ServiceProblemAttributeValueChangeEvent',
          stateChange: 'ServiceProblemStateChangeEvent', delete: 'ServiceProblemDeleteEvent',
          other: ['ServiceProblemInformationRequiredEvent'],
        },
      },
      {
        name: 'serviceProblemEventRecord', entity: 'ServiceProblemEventRecord', kind: 'entity',
        operations: ['list', 'retrieve'],
        serverDates: { onCreate: [], onUpdate: [] },
        events: { other: [] },
      },
      {
        name: 'problemAcknowledgement', entity: 'ProblemAcknowledgement', kind: 'task',
        operations: ['create'],
        createSchema: 'ProblemAcknowledgement_Create',
        serverDates: { onCreate: [], onUpdate: [] },
        events: { create: 'ProblemAcknowledgementCreateEvent', other: [] },
      },
      {
        name: 'problemUnacknowledgement', entity: 'ProblemUnacknowledgement', kind: 'task',
        operations: ['create'],
        createSchema: 'ProblemUnacknowledgement_Create',
        serverDates: { onCreate: [], onUpdate: [] },
        events: { create: 'ProblemUnacknowledgementCreateEvent', other: [] },
      },
      {
        name: 'problemGroup', entity: 'ProblemGroup', kind: 'task',
        operations: ['create'],
        createSchema: 'ProblemGroup_Create',
        serverDates: { onCreate: [], onUpdate: [] },
        events: { create: 'ProblemGroupCreateEvent', other: [] },
      },
      {
        name: 'problemUngroup', entity: 'ProblemUngroup', kind: 'task',
        operations: ['create'],
        createSchema: 'ProblemUngroup_Create',
        serverDates: { onCreate: [], onUpdate: [] },
        events: { create: 'ProblemUngroupCreateEvent', other: [] },
      },
    ],
    conventionalEvents: [
      'ServiceProblemDeleteEvent', 'ProblemAcknowledgementCreateEvent', 'ProblemUnacknowledgementCreateEvent',
      'ProblemGroupCreateEvent', 'ProblemUngroupCreateEvent',
    ],
  },
  {
    id: 'TMF688', name: 'Event', domain: 'field', version: '4.0.0', spine: true,
    basePath: '/tmf-api/event/v4',
    specFile: 'TMF688-Event-v4.0.0.swagger.json',
    resources: [
      {
        name: 'topic', entity: 'Topic', kind: 'entity',
        operations: ['create', 'list', 'retrieve', 'delete'],
        createSchema: 'Topic_Create',
        serverDates: { onCreate: [], onUpdate: [] },
        events: {
          create: 'TopicCreateEvent', attributeValueChange: 'TopicChangeEvent', delete: 'TopicDeleteEvent', other: [],
        },
      },
    ],
    conventionalEvents: [],
  },
];

/** The API with this id (e.g. `TMF622`), if Spine serves it. */
export function findApi(id: string): TmfApi | undefined {
  return apis.find((api) => api.id === id);
}

/** Absolute path of an API's vendored swagger file, from src/ (tests) as from dist/src/ (compiled). */
export function specPath(api: TmfApi): string {
  return join(specsDir, api.specFile);
}

const specsDir = join(packageRoot(), 'specs', 'tmf');
