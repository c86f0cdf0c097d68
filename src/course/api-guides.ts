// A guide per served API, keyed by registry id: what it is for, who calls it in Spine, when to use
// something else, and what people mix it up with. Resources, events and the owner come from the
// registry and the actors table; the calls come from a run.

import type { ApiGuide } from './model.js';

/** One guide for each of the 26 APIs, in registry order. */
export const apiGuides: readonly ApiGuide[] = [
  {
    api: 'TMF629', level: 'architect', callers: ['channel'],
    purpose: 'Keeps the customer: the party in the role of someone who buys, with contact media, accounts and characteristics such as the service address.',
    whenNotToUse: 'For the person or company itself (name, birth date, registration) use TMF632; a customer is a role that refers to a party.',
    confusions: ['Customer versus Party: one individual can be a customer of several providers and a contact of others; TMF629 holds only the customer role.'],
  },
  {
    api: 'TMF632', level: 'architect', callers: ['channel'],
    purpose: 'Holds individuals and organizations as parties, independent of any role they play.',
    whenNotToUse: 'Not for buying relationships (TMF629) or billing arrangements (TMF666).',
    confusions: ['Party is the who; customer, contact and technician are roles that point at a party.'],
  },
  {
    api: 'TMF666', level: 'architect', callers: ['channel', 'com'],
    purpose: 'Manages accounts, above all the billing account a product order is charged to.',
    whenNotToUse: 'Not for bills themselves (TMF678) or for the customer record (TMF629).',
    confusions: ['An account is an arrangement for charging, not a login; one customer may have several billing accounts.'],
  },
  {
    api: 'TMF620', level: 'architect', callers: ['com', 'orchestrator'],
    purpose: 'Publishes what can be sold: product offerings, their prices and the product specifications behind them, which name the services needed.',
    whenNotToUse: 'Not for technical service or resource definitions; those are TMF633 and TMF634.',
    confusions: ['An offering is the sellable package; a specification is the technical shape. Order items point at offerings.'],
  },
  {
    api: 'TMF663', level: 'architect', callers: ['channel'],
    purpose: 'Holds what a customer is choosing before committing: cart items with offerings and quantities. The server checks each offering is on sale and prices the items from the TMF620 catalog (itemPrice, itemTotalPrice) and the cart (cartTotalPrice); a price a client sends is replaced by the server\'s, and a PATCH that changes cartTotalPrice or validFor is refused.',
    whenNotToUse: 'Not to place an order: checkout means the channel creates a TMF622 product order from the cart.',
    confusions: ['A cart has no state machine in the standard; "checked out" is not a TMF state. Only cart items have a status (active or saveForLater).'],
  },
  {
    api: 'TMF679', level: 'architect', callers: ['com'],
    purpose: 'Answers whether an offering may be sold to this customer, here, through this channel: the commercial gate. An offering that is not on sale, which the cart would refuse, does not qualify.',
    whenNotToUse: 'Not for network feasibility; that is TMF645, which knows ports and fibre.',
    confusions: ['POQ and SQ are separate checks by separate owners.', 'Item results are qualified, unqualified or alternate; "ineligible" is not a value.'],
  },
  {
    api: 'TMF622', level: 'beginner', callers: ['channel', 'com'],
    purpose: 'Takes the customer\'s commercial order: which offerings at which prices (the checked-out cart\'s), for which place and billing account, with which appointment. COM owns it and reports its state to the customer.',
    whenNotToUse: 'Never to ask the network for anything: technical work is a TMF641 service order raised by the orchestrator.',
    confusions: ['TMF622 is not TMF641: one is what was bought, the other how it is delivered.', 'Cancelling is a separate task resource, cancelProductOrder, not a DELETE.'],
  },
  {
    api: 'TMF673', level: 'beginner', callers: ['channel'],
    purpose: 'Finds and validates geographic addresses, returning the validated address every later step uses.',
    whenNotToUse: 'Not to decide whether fibre reaches the address; that is service qualification (TMF645).',
    confusions: ['A valid address can still be outside the network footprint: validation and feasibility are different gates.'],
  },
  {
    api: 'TMF645', level: 'beginner', callers: ['com'],
    purpose: 'Checks whether a service can be delivered at an address: capacity on the serving port, an optical budget that closes, the access technology.',
    whenNotToUse: 'Not to reserve anything; it only checks. Reservation is TMF685, during the resource order.',
    confusions: ['A negative item with a proposal is alternate; without one it is unqualified.', 'Its task state enum says accepted where the text says acknowledged; Spine accepts both.'],
  },
  {
    api: 'TMF646', level: 'architect', callers: ['com', 'workforce'],
    purpose: 'Finds free time slots and books appointments with the customer for a field visit.',
    whenNotToUse: 'Not for the technician\'s job itself; that is a TMF697 work order.',
    confusions: ['Appointment is TMF646, not TMF724 (which is Incident Management).', 'A missed visit is the failed status, not a cancellation.'],
  },
  {
    api: 'TMF633', level: 'architect', callers: ['som', 'orchestrator'],
    purpose: 'Defines the services that can exist: CFS and RFS specifications, their characteristics and the resource specifications an RFS needs.',
    whenNotToUse: 'Not for service instances; those live in TMF638.',
    confusions: ['A service specification is a template; a service is an instance built from it.'],
  },
  {
    api: 'TMF641', level: 'beginner', callers: ['orchestrator', 'som'],
    purpose: 'Orders services to be added, modified or removed. The orchestrator raises it from a product order; SOM fulfils it and reports its state.',
    whenNotToUse: 'Not for customer-facing commercial orders (TMF622) or for individual resources (TMF652).',
    confusions: ['It links to its product order with orderRelationship, relationshipType cross-ref; there is no productOrderRef field.', 'serviceDirective is not a TMF field: each item\'s action plus the target service state say what to do.'],
  },
  {
    api: 'TMF638', level: 'beginner', callers: ['som'],
    purpose: 'Records every service instance, CFS and RFS, with its state, its supporting services and, for an RFS, its resources.',
    whenNotToUse: 'Not to order a change; change a service through a TMF641 order so the work is tracked.',
    confusions: ['Service state (designed, reserved, active) is not order state (inProgress, completed).'],
  },
  {
    api: 'TMF640', level: 'architect', callers: ['som'],
    purpose: 'Activates and configures services directly, when activation is modelled at service level.',
    whenNotToUse: 'When activation is resource by resource, as in Spine\'s GPON flow, TMF702 is the one ROM depends on.',
    confusions: ['TMF640 and TMF702 look alike; one configures services, the other resources.'],
  },
  {
    api: 'TMF634', level: 'architect', callers: ['som', 'rom'],
    purpose: 'Defines the kinds of resource: ONT models, PON ports, VLAN pairs, drops, BNG sessions.',
    whenNotToUse: 'Not for the resources that exist; those are TMF639.',
    confusions: ['Resource specification versus resource: the catalog says what an EG8145V5 is, the inventory says which one is at 42 Maple Ave.'],
  },
  {
    api: 'TMF652', level: 'beginner', callers: ['som', 'rom'],
    purpose: 'Orders resources for services: SOM raises it, ROM reserves, assigns and activates what it asks for.',
    whenNotToUse: 'Not to check availability before an order; qualification reads, and TMF685 reserves within the order.',
    confusions: ['v4 has no orderRelationship on a resource order; Spine names the service order in externalReference.', 'Its item action spells no_change with an underscore, unlike noChange in TMF622 and TMF641.'],
  },
  {
    api: 'TMF639', level: 'architect', callers: ['rom', 'som'],
    purpose: 'Records every resource: ports, ONTs, VLANs, drops, sessions, with their administrative, operational and usage states.',
    whenNotToUse: 'Not to reserve; reservation goes through TMF685 so that two orders cannot take the same port.',
    confusions: ['"inUse" is not a TMF value: usageState is idle, active or busy.'],
  },
  {
    api: 'TMF685', level: 'beginner', callers: ['rom'],
    purpose: 'Checks availability in resource pools and reserves resources for an order: the AAR step.',
    whenNotToUse: 'Not for qualification before an order exists; reserving at qualification time would lock capacity for customers who never buy.',
    confusions: ['AAR is not a TMF acronym; it names the availability check, allocation and reservation this API performs.'],
  },
  {
    api: 'TMF702', level: 'beginner', callers: ['rom'],
    purpose: 'Configures resources on the network and reports progress through monitors. In Spine it drives the simulated GPON network.',
    whenNotToUse: 'Not to record inventory; the activated resource\'s record stays in TMF639.',
    confusions: ['Activation takes time on a real network: TMF702 reports progress in a monitor resource, so a client follows the monitor (or its events) instead of treating the first answer as final.', 'TMF702 configures resources; TMF640 configures services.'],
  },
  {
    api: 'TMF637', level: 'architect', callers: ['orchestrator'],
    purpose: 'Records the products a customer owns, their status and the services that realise them; billing follows the product status.',
    whenNotToUse: 'Not for the order that creates the product (TMF622).',
    confusions: ['The product\'s status uses status, not state.', 'The official enum spells one value "aborted " with a trailing space; Spine accepts it and emits aborted.'],
  },
  {
    api: 'TMF635', level: 'architect', callers: ['activation'],
    purpose: 'Collects usage records for rating and billing; the journey ends with the first one.',
    whenNotToUse: 'Not for balances or consumption summaries shown to the customer.',
    confusions: ['A usage record starts received and is later rated and billed; it is not the bill.'],
  },
  {
    api: 'TMF678', level: 'architect', callers: ['com'],
    purpose: 'Presents customer bills and the rates applied to them.',
    whenNotToUse: 'Not for usage capture (TMF635) or account set-up (TMF666).',
    confusions: ['Billing starts when the product becomes active, not when the order is placed.'],
  },
  {
    api: 'TMF697', level: 'architect', callers: ['rom', 'workforce'],
    purpose: 'Tracks the field technician\'s job: install the ONT, splice the drop. It refers to the appointment and the order it serves.',
    whenNotToUse: 'Not to book a time with the customer; that is TMF646.',
    confusions: ['The field visit is TMF646 plus TMF697, not TMF724.'],
  },
  {
    api: 'TMF621', level: 'architect', callers: ['channel'],
    purpose: 'Records a customer\'s reported problem and follows it to resolution.',
    whenNotToUse: 'Not for problems found by the network itself; those are service problems (TMF656).',
    confusions: ['Its lifecycle uses status and fires TroubleTicketStatusChangeEvent, not a StateChange event.'],
  },
  {
    api: 'TMF656', level: 'architect', callers: ['som'],
    purpose: 'Tracks problems affecting services, as assurance sees them, possibly grouping many tickets and alarms.',
    whenNotToUse: 'Not for the customer\'s own report; that is a trouble ticket (TMF621).',
    confusions: ['One service problem may explain many trouble tickets.'],
  },
  {
    api: 'TMF688', level: 'beginner', callers: [],
    purpose: 'Carries events: topics, hubs and the event envelope every API uses to announce its changes. No actor of the journey calls it; every API publishes into it, and outside clients subscribe to it.',
    whenNotToUse: 'Not a command channel: events say what happened; to make something happen, call the owner\'s API.',
    confusions: ['correlationId is a field of the envelope; it should identify the journey, not one of its orders.', 'v4 spells timeOcurred; v5 fixes it to timeOccurred.'],
  },
];
