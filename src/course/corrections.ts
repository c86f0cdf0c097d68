// Correction cards: where common understanding (including the brief Spine was built from) differs
// from the TMF standard, what the standard says, the section of TMF-DOMAIN.md that sources it, and
// where Spine shows the standard's way.

import type { Correction } from './model.js';

const scenario = 'gpon-ftth';

/** The corrections, most common confusion first. */
export const corrections: readonly Correction[] = [
  {
    id: 'tmf622-vs-tmf641', title: 'TMF622 and TMF641 are two different orders', level: 'beginner',
    commonlySaid: '"Service order" and "product order" are the same thing, or TMF641 is just the newer name for TMF622.',
    standardSays: 'TMF622 ProductOrder is the commercial order the channel places with COM; it refers to product offerings. TMF641 ServiceOrder is the technical order the orchestrator places with SOM; its items carry services and their specifications. They are always separate calls with separate owners and lifecycles.',
    source: 'TMF-DOMAIN.md §3',
    apis: ['TMF622', 'TMF641'], entities: ['ProductOrder', 'ServiceOrder'],
    seeIn: [{ view: 'overview', anchor: 'correction-card' }, { view: 'swimlane', anchor: 'swimlane-orchestrator-row' }],
    liveExample: { kind: 'run-exchange', scenario, step: 'order-services', api: 'TMF641' },
  },
  {
    id: 'tmf724-not-appointment', title: 'TMF724 is not the appointment API', level: 'architect',
    commonlySaid: 'The field visit is booked with "TMF724 appointment".',
    standardSays: 'TMF724 is Incident Management. Appointments are TMF646, and the technician\'s job is a TMF697 work order that refers to the appointment.',
    source: 'TMF-DOMAIN.md §2.3, §13 item 1',
    apis: ['TMF646', 'TMF697'], entities: ['Appointment', 'WorkOrder'],
    seeIn: [{ view: 'swimlane', anchor: 'swimlane-workforce-row' }, { view: 'modify', anchor: 'modify-held-path' }],
    liveExample: { kind: 'run-exchange', scenario, step: 'book-appointment', api: 'TMF646' },
  },
  {
    id: 'order-relationship-cross-ref', title: 'A service order points back with orderRelationship', level: 'beginner',
    commonlySaid: 'A TMF641 service order links to its product order through a productOrderRef field.',
    standardSays: 'TMF641 has no productOrderRef. The link is an orderRelationship entry with relationshipType "cross-ref" and @referredType ProductOrder (externalReference is the alternative).',
    source: 'TMF-DOMAIN.md §3 (corrections 1), §5',
    apis: ['TMF641', 'TMF622'], entities: ['ServiceOrder', 'ProductOrder'],
    seeIn: [{ view: 'idchain', anchor: 'idchain-service-order' }, { view: 'payloads', anchor: 'payload-table' }],
    liveExample: { kind: 'thread', scenario, role: 'serviceOrder' },
  },
  {
    id: 'usage-state-not-in-use', title: 'Resources are not "inUse"', level: 'architect',
    commonlySaid: 'An assigned port or ONT has usageState inUse.',
    standardSays: 'TMF639 usageState is idle, active or busy: active means in use with spare capacity, busy means no capacity left. A released resource goes back to idle. Reservation is shown by resourceStatus reserved (v4).',
    source: 'TMF-DOMAIN.md §4.5, §13 item 5',
    apis: ['TMF639'], entities: ['Resource'], states: ['idle', 'active', 'busy', 'reserved'],
    seeIn: [{ view: 'lifecycles', anchor: 'state-diagram' }, { view: 'modify', anchor: 'modify-diff' }],
    liveExample: { kind: 'lifecycle', entity: 'Resource', field: 'usageState' },
  },
  {
    id: 'no-ineligible', title: 'There is no "ineligible" result', level: 'architect',
    commonlySaid: 'A commercial rejection returns qualificationItemResult "ineligible", and a full port with a VDSL2 fallback is "unqualified".',
    standardSays: 'Item results are qualified, alternate or unqualified. An item that cannot be delivered but comes with a proposal is alternate; one with nothing to propose is unqualified. Reasons go in eligibilityUnavailabilityReason as code and label.',
    source: 'TMF-DOMAIN.md §4.7, §13 item 4',
    apis: ['TMF679', 'TMF645'], entities: ['ProductOfferingQualification', 'CheckServiceQualification'],
    seeIn: [{ view: 'qualification', anchor: 'qualification-technical' }, { view: 'qualification', anchor: 'unavailability-reason' }],
    // reject-tech-001 (15 Birch St, a full port): TMF645 answers alternate, with TECH-001 and another port.
    liveExample: { kind: 'run-exchange', scenario: 'reject-tech-001', step: 'qualify-service', api: 'TMF645' },
  },
  {
    id: 'correlation-id-per-journey', title: 'The correlationId belongs to the journey', level: 'beginner',
    commonlySaid: 'The service order id (so-2026-00789) serves as the correlationId of every event, including cart checkout and qualification.',
    standardSays: 'correlationId is a field of every event envelope. Events fired before the service order exists cannot carry its id, so Spine mints one correlationId when the journey starts and uses it on every call and event of the journey.',
    source: 'TMF-DOMAIN.md §5, §12.1, §13 item 6',
    apis: ['TMF688'], eventTypes: ['ShoppingCartCreateEvent'],
    seeIn: [{ view: 'events', anchor: 'event-correlation-id' }, { view: 'overview', anchor: 'golden-thread' }],
    liveExample: { kind: 'event', scenario, eventType: 'ShoppingCartCreateEvent' },
  },
  {
    id: 'no-service-directive', title: '"serviceDirective" is not a TMF field', level: 'architect',
    commonlySaid: 'A service order item carries a serviceDirective that says what to do with the service.',
    standardSays: 'What to do is the item\'s action (add, modify, delete, noChange) together with the target state of the service it carries, such as active.',
    source: 'TMF-DOMAIN.md §3 (corrections 2), §13 item 3',
    apis: ['TMF641'], entities: ['ServiceOrderItem'],
    seeIn: [{ view: 'payloads', anchor: 'payload-table' }],
    liveExample: { kind: 'run-exchange', scenario, step: 'order-services', api: 'TMF641' },
  },
  {
    id: 'cart-has-no-state', title: 'A shopping cart has no lifecycle', level: 'architect',
    commonlySaid: 'The cart moves to a "checked out" state when the customer commits.',
    standardSays: 'TMF663 defines no cart state, only an active or saveForLater status per cart item. Checkout is the channel creating a TMF622 product order from the cart.',
    source: 'TMF-DOMAIN.md §4.10, §13 item 7',
    apis: ['TMF663', 'TMF622'], entities: ['ShoppingCart'], eventTypes: ['ShoppingCartAttributeValueChangeEvent'],
    seeIn: [{ view: 'swimlane', anchor: 'swimlane-channel-row' }],
    liveExample: { kind: 'run-exchange', scenario, step: 'checkout-cart', api: 'TMF663' },
  },
  {
    id: 'completed-while-inactive', title: 'A completed order with an inactive service is a special case', level: 'architect',
    commonlySaid: 'A service order can always complete while its service is still inactive.',
    standardSays: 'When a service order completes, each service has reached the state its item asked for. A completed order with an inactive service is right only when the item asked for inactive, for example when activation is deferred.',
    source: 'TMF-DOMAIN.md §4.4, §13 item 8',
    apis: ['TMF641', 'TMF638'], entities: ['ServiceOrder', 'Service'], states: ['completed', 'inactive', 'active'],
    seeIn: [{ view: 'lifecycles', anchor: 'order-vs-service-note' }],
    liveExample: { kind: 'lifecycle', entity: 'Service' },
  },
  {
    id: 'new-processing-not-states', title: '"new" and "processing" are legend words, not states', level: 'beginner',
    commonlySaid: 'An order starts in state new and moves to processing.',
    standardSays: 'The TMF order lifecycles start at acknowledged and work in inProgress. "new" and "processing" appear in Spine\'s colour legend only as plain-language names for those columns; no API accepts them as a state.',
    source: 'TMF-DOMAIN.md §4.1, §4.13',
    apis: ['TMF622', 'TMF641'], entities: ['ProductOrder', 'ServiceOrder'], states: ['acknowledged', 'inProgress'],
    seeIn: [{ view: 'lifecycles', anchor: 'lifecycle-legend' }],
    liveExample: { kind: 'lifecycle', entity: 'ProductOrder', field: 'state' },
  },
];
