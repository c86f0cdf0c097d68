// The faults Spine can inject, as data: each names the simulated system and operation that answers
// with the error, which requests it applies to, and the TMF error it answers with.

import { ServiceSpecIds } from '../../catalog/index.js';
import type { Doc, Store } from '../../store/port.js';
import type { ErrorKind } from '../../tmf/errors.js';

export interface FaultDefinition {
  id: string;
  title: string;
  /** The TMF API resource whose simulated system answers with the error, keyed as behaviours are. */
  target: string;
  operation: 'create' | 'patch';
  /** The journey step that makes this call (for the scenario cards and the explorer). */
  step: string;
  answer: { kind: ErrorKind; message: string };
  /** Whether this request is the one that fails (e.g. only the BNG session of the five activations). */
  applies(tx: Store, doc: Doc): Promise<boolean>;
}

// The TMF639 category a TMF702 activation request targets.
async function activationCategory(tx: Store, doc: Doc): Promise<string | undefined> {
  const target = ((doc.resourceRelationship as Doc[] | undefined) ?? []).find((r) => r.relationshipType === 'targets');
  const id = (target?.resource as Doc | undefined)?.id;
  if (id === undefined) return undefined;
  return (await tx.getResource('TMF639', 'resource', String(id)))?.doc.category as string | undefined;
}

// A TMF638 patch that makes a service of this specification active.
function activatesService(doc: Doc, specId: string): boolean {
  return doc.state === 'active' && (doc.serviceSpecification as Doc | undefined)?.id === specId;
}

export const faultCatalog: readonly FaultDefinition[] = [
  {
    id: 'bng-timeout',
    title: 'TMF702 activation of the BNG session times out',
    target: 'TMF702/resource',
    operation: 'create',
    step: 'activate-resources',
    answer: { kind: 'GATEWAY_TIMEOUT', message: 'BNG-TOR-01 did not answer the session provisioning within 30 s' },
    applies: async (tx, doc) => (await activationCategory(tx, doc)) === 'bngSession',
  },
  {
    id: 'ont-ranging',
    title: 'ONT ranging failure at TMF702 activation',
    target: 'TMF702/resource',
    operation: 'create',
    step: 'activate-resources',
    answer: { kind: 'NETWORK_REFUSED', message: 'the ONT did not range on its PON port: no upstream burst received (LOS on the drop)' },
    applies: async (tx, doc) => (await activationCategory(tx, doc)) === 'ont',
  },
  {
    id: 'activation-verification',
    title: 'Activation fails verification: ROM cannot complete the resource order (TMF652)',
    target: 'TMF652/resourceOrder',
    operation: 'patch',
    step: 'complete-resource-order',
    answer: { kind: 'NETWORK_REFUSED', message: 'the post-activation line test fails: the ONT ranged but its received optical power is below sensitivity' },
    applies: async (_tx, doc) => doc.state === 'completed',
  },
  {
    id: 'reservation-conflict',
    title: 'Resource conflict at TMF685 reservation',
    target: 'TMF685/reservation',
    operation: 'create',
    step: 'reserve-resources',
    answer: { kind: 'CONFLICT', message: 'the PON port was taken by another order since qualification' },
    applies: async () => true,
  },
  {
    id: 'service-activation',
    title: 'Service activation refused after the point of no return (TMF638)',
    target: 'TMF638/service',
    operation: 'patch',
    step: 'activate-services',
    answer: { kind: 'NETWORK_REFUSED', message: 'the service could not be activated: the BNG session drops at authentication' },
    applies: async (_tx, doc) => activatesService(doc, ServiceSpecIds.bngSubscriber),
  },
  {
    id: 'cpe-management-unreachable',
    title: 'Managed home network not activated after the point of no return: the gateway never reaches the ACS (TMF638)',
    target: 'TMF638/service',
    operation: 'patch',
    step: 'activate-services',
    answer: { kind: 'NETWORK_REFUSED', message: 'CPE management cannot be activated: the home gateway has not contacted the ACS (no TR-069 Inform)' },
    applies: async (_tx, doc) => activatesService(doc, ServiceSpecIds.cpeManagement),
  },
  {
    id: 'appointment-missed',
    title: 'Installation appointment missed (TMF697 work order)',
    target: 'TMF697/workOrder',
    operation: 'patch',
    step: 'complete-field-work',
    answer: { kind: 'CONFLICT', message: 'the technician found nobody at the address: appointment missed' },
    applies: async (_tx, doc) => doc.state === 'inProgress',
  },
];

export function findFault(id: string): FaultDefinition | undefined {
  return faultCatalog.find((f) => f.id === id);
}
