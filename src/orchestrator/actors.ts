// The actors of a journey (the swimlane's rows) and which of them owns each TMF API, i.e. who
// answers a call to it. DESIGN.md "Actors" and TMF-DOMAIN.md §6 (system of record) are the source.

export const Actors = {
  channel: 'Channel',
  com: 'COM',
  orchestrator: 'Orchestrator',
  som: 'SOM',
  serviceInventory: 'Service inventory',
  rom: 'ROM',
  resourceInventory: 'Resource inventory',
  activation: 'Activation / network',
  workforce: 'Workforce',
  eventHub: 'Event hub',
} as const;

export type Actor = keyof typeof Actors;

/** The actor that serves each API: calls to it are drawn into that actor's lane. */
export const apiOwner: Record<string, Actor> = {
  TMF629: 'com',
  TMF632: 'com',
  TMF666: 'com',
  TMF620: 'com',
  TMF663: 'com',
  TMF679: 'com',
  TMF622: 'com',
  TMF637: 'com',
  TMF635: 'com',
  TMF678: 'com',
  TMF673: 'com',
  TMF645: 'som',
  TMF633: 'som',
  TMF641: 'som',
  TMF638: 'serviceInventory',
  TMF640: 'activation',
  TMF634: 'rom',
  TMF652: 'rom',
  TMF685: 'rom',
  TMF639: 'resourceInventory',
  TMF702: 'activation',
  TMF646: 'workforce',
  TMF697: 'workforce',
  TMF621: 'com',
  TMF656: 'som',
  TMF688: 'eventHub',
};
