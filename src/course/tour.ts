// The guided tour as data: ten chapters, each a few steps that point at one element of the explorer
// and say in one to three sentences what it shows. The explorer owns the step index and places the
// `data-tour` anchors listed in `tourAnchors` on its elements.

import type { TourStep, View } from './model.js';

/**
 * The `data-tour` anchors content may point at, by the view that holds them; `frame` anchors are
 * on screen in every view. The explorer puts each anchor on one element of its view.
 */
export const anchorsByView = {
  frame: ['mode-bar', 'inspector', 'tour-controls'],
  overview: ['spine-strip', 'golden-thread', 'overview-tiles', 'correction-card'],
  // One row per actor of src/orchestrator/actors.ts.
  swimlane: [
    'swimlane',
    'swimlane-channel-row',
    'swimlane-com-row',
    'swimlane-orchestrator-row',
    'swimlane-som-row',
    'swimlane-service-inventory-row',
    'swimlane-rom-row',
    'swimlane-resource-inventory-row',
    'swimlane-activation-row',
    'swimlane-workforce-row',
    'swimlane-event-hub-row',
    'swimlane-step',
    'run-button',
    'speed-control',
  ],
  lifecycles: ['lifecycle-table', 'lifecycle-legend', 'state-diagram', 'order-vs-service-note'],
  idchain: [
    'idchain-graph',
    'idchain-customer',
    'idchain-product-order',
    'idchain-service-order',
    'idchain-resource-order',
    'idchain-cfs',
    'idchain-rfs',
    'idchain-resources',
    'ownership-matrix',
  ],
  events: ['event-timeline', 'event-correlation-id', 'event-envelope', 'causal-chain', 'hub-subscriptions'],
  // The gates' first cards: TMF679's (commercial) and TMF645's (technical), with the technical answer's reasons.
  qualification: ['qualification-gates', 'qualification-commercial', 'qualification-technical', 'unavailability-reason'],
  // A failure card's anchor is `failure-` and its scenario.
  failures: ['failure-cards', 'failure-reject-tech-001', 'policy-matrix', 'fallout-queue'],
  modify: ['modify-diff', 'modify-released', 'modify-held-path'],
  payloads: ['payload-table', 'payload-ids'],
  glossary: ['glossary-search', 'glossary-list'],
  concepts: ['concept-list', 'concept-live-example'],
  apis: ['api-list', 'api-guide'],
  corrections: ['correction-list'],
  tour: [],
} as const satisfies Record<View | 'frame', readonly string[]>;

/** One anchor name. */
export type TourAnchor = (typeof anchorsByView)[keyof typeof anchorsByView][number];

/** Every anchor name, once. */
export const tourAnchors: readonly TourAnchor[] = Object.values(anchorsByView).flat();

/** Whether an element with this anchor is on screen in this view (its own anchors and the frame's). */
export function anchorIsIn(view: View, anchor: string): boolean {
  return ([...anchorsByView.frame, ...anchorsByView[view]] as readonly string[]).includes(anchor);
}

/** The ten chapters, in order. */
export const tourChapters = {
  welcome: 'Welcome',
  provisioning: 'Provisioning flow',
  lifecycles: 'Lifecycle states',
  goldenThread: 'The golden thread',
  events: 'TMF688 events',
  qualification: 'Qualification',
  failures: 'Failure flows',
  modify: 'Modify and held orders',
  artifacts: 'All artifacts',
  reference: 'Reference',
} as const;

export type TourChapter = keyof typeof tourChapters;

const run = 'gpon-ftth';
const upgrade = 'gpon-upgrade';
// 15 Birch St: the full port answers TECH-001 with an alternate port.
const fullPort = 'reject-tech-001';

type Step = TourStep & { chapter: TourChapter; target: TourAnchor };

/** The tour, in the order it plays. */
export const tour: readonly Step[] = [
  // 1. Welcome
  {
    id: 'welcome-spine', chapter: 'welcome', title: 'The provisioning spine', view: 'overview', target: 'spine-strip', level: 'beginner',
    narration: 'Every fixed-line order travels the same road: validate the address, qualify, order the product, order the services, order and reserve the resources, activate, update inventory. Each box is one TMF Open API that Spine serves for real.',
    apis: ['TMF673', 'TMF645', 'TMF622', 'TMF641', 'TMF652', 'TMF702', 'TMF638', 'TMF688'],
  },
  {
    id: 'welcome-modes', chapter: 'welcome', title: 'Three ways to look', view: 'overview', target: 'mode-bar', level: 'beginner',
    narration: 'Beginner keeps to the spine\'s APIs on a journey that succeeds. Architect brings in the other APIs and the paths that branch off. Payload puts the raw JSON of every call in front of you.',
  },
  {
    id: 'welcome-inspector', chapter: 'welcome', title: 'The inspector', view: 'overview', target: 'inspector', level: 'beginner',
    narration: 'Whatever you select, the panel on the right fills with what the stack recorded for it: the payload, the owning system, the current state.',
  },
  {
    id: 'welcome-correction', chapter: 'welcome', title: 'Product order is not service order', view: 'overview', target: 'correction-card', level: 'beginner',
    narration: 'TMF622 records the purchase; TMF641 instructs the service layer to build it. Two orders with two owners, tied together by a cross-ref.',
    apis: ['TMF622', 'TMF641'],
  },
  // 2. Provisioning flow
  {
    id: 'flow-run', chapter: 'provisioning', title: 'Run the journey', view: 'swimlane', target: 'run-button', level: 'beginner', needsRun: run,
    narration: 'This starts a real GPON FTTH provision for Jane Smith at 42 Maple Ave, or for the next demo neighbour once her line is live. Everything you see next is read back from what that run did.',
  },
  {
    id: 'flow-rows', chapter: 'provisioning', title: 'One row per system', view: 'swimlane', target: 'swimlane', level: 'beginner', needsRun: run,
    narration: 'Rows are the systems taking part. Every chip between them is a single TMF call, made to the API of the system that answers it.',
  },
  {
    id: 'flow-channel', chapter: 'provisioning', title: 'The channel starts it', view: 'swimlane', target: 'swimlane-channel-row', level: 'beginner', needsRun: run,
    narration: 'The customer-facing app checks out the cart, validates the address and places the product order. It never talks to the network.',
    apis: ['TMF673', 'TMF622'],
  },
  {
    id: 'flow-com', chapter: 'provisioning', title: 'Commercial order management', view: 'swimlane', target: 'swimlane-com-row', level: 'beginner', needsRun: run,
    narration: 'COM owns the product order. It accepts it, qualifies the offer and the address, and closes the order when everything behind it is done.',
    apis: ['TMF622', 'TMF645'],
  },
  {
    id: 'flow-orchestrator', chapter: 'provisioning', title: 'The hidden engine', view: 'swimlane', target: 'swimlane-orchestrator-row', level: 'beginner', needsRun: run,
    narration: 'The orchestrator has no TMF API of its own. It reads the catalog\'s decomposition rules and turns one product order into a service order, then drives it to the end.',
    apis: ['TMF622', 'TMF641'],
  },
  {
    id: 'flow-som', chapter: 'provisioning', title: 'Service order management', view: 'swimlane', target: 'swimlane-som-row', level: 'beginner', needsRun: run,
    narration: 'SOM designs the customer-facing and resource-facing services in service inventory and asks ROM for the resources they need.',
    apis: ['TMF641', 'TMF638', 'TMF652'],
  },
  {
    id: 'flow-rom', chapter: 'provisioning', title: 'Resources: AAR and activation', view: 'swimlane', target: 'swimlane-rom-row', level: 'beginner', needsRun: run,
    narration: 'ROM checks availability, reserves a PON port, an ONT, a VLAN pair, a drop and a BNG session, then activates them on the simulated network.',
    apis: ['TMF652', 'TMF685', 'TMF702'],
  },
  {
    id: 'flow-workforce', chapter: 'provisioning', title: 'The installation visit', view: 'swimlane', target: 'swimlane-workforce-row', level: 'architect', needsRun: run,
    narration: 'A fibre install needs a technician. The appointment is booked with TMF646 before the order, and the visit itself is a TMF697 work order that ROM waits for.',
    apis: ['TMF646', 'TMF697'],
  },
  // 3. Lifecycles
  {
    id: 'life-table', chapter: 'lifecycles', title: 'Every state machine', view: 'lifecycles', target: 'lifecycle-table', level: 'beginner',
    narration: 'These tables are the ones the server enforces: a PATCH to a state not listed as a next step is refused with a 409.',
  },
  {
    id: 'life-legend', chapter: 'lifecycles', title: 'Reading the colours', view: 'lifecycles', target: 'lifecycle-legend', level: 'beginner',
    narration: 'Each state falls in one column: initial, in flight, blocked, success, failure, end of life, or reserved.',
  },
  {
    id: 'life-diagram', chapter: 'lifecycles', title: 'A service order, state by state', view: 'lifecycles', target: 'state-diagram', level: 'beginner', needsRun: run, select: 'state:service-order/completed',
    narration: 'The highlighted path is the one the run\'s service order took: acknowledged, inProgress, completed. Cancellation has two states of its own, assessingCancellation and pendingCancellation.',
    apis: ['TMF641'],
  },
  {
    id: 'life-order-vs-service', chapter: 'lifecycles', title: 'Work versus thing', view: 'lifecycles', target: 'order-vs-service-note', level: 'beginner',
    narration: 'An order\'s state tells you how the work is going; a service\'s state tells you what is installed. The order completes when each service has reached the state its item asked for.',
    apis: ['TMF641', 'TMF638'],
  },
  // 4. Golden thread
  {
    id: 'thread-chain', chapter: 'goldenThread', title: 'One request, many IDs', view: 'idchain', target: 'idchain-graph', level: 'beginner', needsRun: run,
    narration: 'A single purchase becomes a product order, a service order and its services, a resource order, the resources reserved for it and the TMF702 activations that configured them, each pointing at the one it came from.',
  },
  {
    id: 'thread-cross-ref', chapter: 'goldenThread', title: 'How the service order points back', view: 'idchain', target: 'idchain-service-order', level: 'beginner', needsRun: run,
    narration: 'The service order names its product order in orderRelationship with relationshipType cross-ref. That is the TMF641 link; there is no productOrderRef field.',
    apis: ['TMF641', 'TMF622'],
  },
  {
    // Resources are TMF639's, which Beginner mode leaves out: the step shows them in Architect mode.
    id: 'thread-resources', chapter: 'goldenThread', title: 'Down to the port', view: 'idchain', target: 'idchain-resources', level: 'beginner', mode: 'architect', needsRun: run,
    narration: 'Only resource-facing services hold resources. Architect mode draws them: the PON port on the OLT, the ONT, the VLAN pair, the drop and the BNG session this run reserved. Click one to see which.',
    apis: ['TMF638', 'TMF652'],
  },
  {
    id: 'thread-ownership', chapter: 'goldenThread', title: 'Who owns each record', view: 'idchain', target: 'ownership-matrix', level: 'architect',
    narration: 'Each entity has one system of record. Others may hold a copy, but they change it only by calling the owner\'s API.',
  },
  // 5. TMF688 events
  {
    id: 'events-timeline', chapter: 'events', title: 'Everything that happened', view: 'events', target: 'event-timeline', level: 'beginner', needsRun: run,
    narration: 'The timeline lists each event the run produced (creations, state changes, attribute changes) in commit order.',
    apis: ['TMF688'],
  },
  {
    id: 'events-correlation', chapter: 'events', title: 'One correlationId', view: 'events', target: 'event-correlation-id', level: 'beginner', needsRun: run,
    narration: 'All events of this journey carry the same correlationId. It was minted when the journey began, before any order existed.',
    apis: ['TMF688'],
  },
  {
    id: 'events-envelope', chapter: 'events', title: 'Inside an event', view: 'events', target: 'event-envelope', level: 'architect', mode: 'payload', needsRun: run,
    narration: 'The envelope carries eventId, eventTime, eventType and correlationId, and the whole resource as it was after the change.',
    apis: ['TMF688'],
  },
  {
    id: 'events-causal', chapter: 'events', title: 'Command, change, event, reaction', view: 'events', target: 'causal-chain', level: 'architect', needsRun: run,
    narration: 'A call changes a record, the change fires an event, and a listener answers with its own call. When something stalls, walk that chain backwards to the call that started it.',
  },
  {
    id: 'events-hubs', chapter: 'events', title: 'Listening in', view: 'events', target: 'hub-subscriptions', level: 'architect',
    narration: 'Any client can POST a callback URL to an API\'s /hub. Spine then delivers each matching event to it, after commit, at least once.',
    apis: ['TMF688'],
  },
  // 6. Qualification
  {
    id: 'qual-gates', chapter: 'qualification', title: 'Three gates, cheap first', view: 'qualification', target: 'qualification-gates', level: 'beginner', needsRun: run,
    narration: 'Address validation (TMF673), then commercial eligibility (TMF679), then technical feasibility against the network (TMF645), in the order the run passes them. The cheap checks run first, so the network is only asked once the paperwork is in order.',
    apis: ['TMF673', 'TMF645'],
  },
  {
    id: 'qual-poq', chapter: 'qualification', title: 'Can this customer buy this offer?', view: 'qualification', target: 'qualification-commercial', level: 'architect', needsRun: 'reject-comm-003',
    narration: 'TMF679 answers the commercial question: segment, channel, place. It says nothing about fibre.',
    apis: ['TMF679'],
  },
  {
    id: 'qual-sq', chapter: 'qualification', title: 'Can the network deliver it?', view: 'qualification', target: 'qualification-technical', level: 'beginner', needsRun: fullPort,
    narration: 'TMF645 looks at the real path: a PON port with room and an optical budget that closes. It checks, but it reserves nothing.',
    apis: ['TMF645'],
  },
  {
    id: 'qual-reasons', chapter: 'qualification', title: 'Why not', view: 'qualification', target: 'unavailability-reason', level: 'architect', needsRun: fullPort,
    narration: 'A negative answer carries reasons as code and label, and an alternate proposal when one exists. With a proposal the item is alternate; without one it is unqualified.',
    apis: ['TMF645', 'TMF679'],
  },
  // 7. Failure flows
  {
    id: 'fail-cards', chapter: 'failures', title: 'When the happy path breaks', view: 'failures', target: 'failure-cards', level: 'architect',
    narration: 'A full PON port, a drop beyond the optical budget, a customer in the wrong segment: each failure here comes from the data, not from a script.',
  },
  {
    id: 'fail-port-full', chapter: 'failures', title: 'A full port', view: 'failures', target: 'failure-reject-tech-001', level: 'architect',
    narration: 'At 15 Birch St the serving port already has 32 of 32 ONTs, so its usageState is busy and qualification answers TECH-001 with another port as the way out.',
    apis: ['TMF645', 'TMF639'],
  },
  {
    id: 'fail-policies', chapter: 'failures', title: 'Four ways to respond', view: 'failures', target: 'policy-matrix', level: 'architect',
    narration: 'Retry with backoff, compensate, hold for a person, or complete what can be completed. TMF defines the states and events; the policy is the operator\'s choice.',
  },
  {
    id: 'fail-fallout', chapter: 'failures', title: 'Fallout', view: 'failures', target: 'fallout-queue', level: 'architect',
    narration: 'Orders that automation cannot finish are parked here with the reason, for an operator to resume, retry or stop.',
    apis: ['TMF641'],
  },
  // 8. Modify and held
  {
    id: 'modify-diff', chapter: 'modify', title: 'Only what changes', view: 'modify', target: 'modify-diff', level: 'architect', needsRun: upgrade,
    narration: 'An upgrade is worked out by comparing what is installed with what the new offer needs. Only the difference is ordered.',
    apis: ['TMF622', 'TMF641', 'TMF652'],
  },
  {
    id: 'modify-release', chapter: 'modify', title: 'Released resources go idle', view: 'modify', target: 'modify-released', level: 'architect', needsRun: upgrade,
    narration: 'What the upgrade freed goes back to resource inventory: the old ONT returns to usageState idle, while a PON port other homes still use stays active. TMF has no inUse value; a used resource is active or busy.',
    apis: ['TMF639'],
  },
  {
    id: 'modify-held', chapter: 'modify', title: 'Held for a field visit', view: 'modify', target: 'modify-held-path', level: 'architect',
    narration: 'When the provider must send a technician, the order goes to held and back to inProgress once the work order closes. If the customer has to act, the state is pending instead.',
    apis: ['TMF646', 'TMF697'],
  },
  // 9. All artifacts
  {
    id: 'artifacts-table', chapter: 'artifacts', title: 'Every payload of the run', view: 'payloads', target: 'payload-table', level: 'beginner', mode: 'payload', needsRun: run,
    narration: 'Every request the run made and every response it got, in order, exactly as the server returned them.',
  },
  {
    id: 'artifacts-ids', chapter: 'artifacts', title: 'The IDs you will meet', view: 'payloads', target: 'payload-ids', level: 'beginner', needsRun: run,
    narration: 'po-ord-2026-00789, so-2026-00789, ro-2026-00321, svc-cfs-gpon-00456: readable IDs from seeded sequences, so the first run of a fresh stack gives these and the next customer gets the next ones.',
  },
  {
    id: 'artifacts-inspect', chapter: 'artifacts', title: 'Open one', view: 'payloads', target: 'inspector', level: 'beginner', mode: 'payload', needsRun: run,
    narration: 'Pick the POST to serviceOrder: the inspector shows the items the orchestrator derived from the catalog and the cross-ref to the product order.',
    apis: ['TMF641'],
  },
  {
    id: 'artifacts-swimlane-step', chapter: 'artifacts', title: 'From a payload back to the flow', view: 'swimlane', target: 'swimlane-step', level: 'beginner', needsRun: run,
    narration: 'Each payload belongs to one step of the journey; the swimlane shows which actor made the call and which one answered.',
  },
  // 10. Reference
  {
    id: 'ref-glossary', chapter: 'reference', title: 'Glossary', view: 'glossary', target: 'glossary-search', level: 'beginner',
    narration: 'Every TMF term used here, in plain words, with a link to where it shows up in the run.',
  },
  {
    id: 'ref-concepts', chapter: 'reference', title: 'Concepts beyond the APIs', view: 'concepts', target: 'concept-live-example', level: 'architect',
    narration: 'The orchestrator, decomposition, the outbox, durable steps: each concept opens a live example from the stack.',
  },
  {
    id: 'ref-apis', chapter: 'reference', title: 'All 26 APIs', view: 'apis', target: 'api-guide', level: 'architect',
    narration: 'For each API: what it is for, who owns it, who calls it, and when to reach for another one.',
  },
  {
    id: 'ref-corrections', chapter: 'reference', title: 'Where the folklore is wrong', view: 'corrections', target: 'correction-list', level: 'architect',
    narration: 'Common claims checked against the standard, each with its source and the place where Spine shows the right thing.',
  },
  {
    id: 'ref-end', chapter: 'reference', title: 'Your turn', view: 'tour', target: 'tour-controls', level: 'beginner',
    narration: 'Run the journey again, point your own TMF client at the same APIs, or subscribe a listener to a hub and watch the events arrive.',
  },
];
