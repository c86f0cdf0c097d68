// Every lifecycle Spine enforces and serves, checked when this module loads: a broken table makes
// the server fail at boot, naming the machine and the state.

import { findApi } from '../tmf/registry.js';
import { appointmentMachine } from './appointment.machine.js';
import { validateMachine, type Machine } from './machine.js';
import { productMachine } from './product.machine.js';
import { productOfferingQualificationMachine } from './product-offering-qualification.machine.js';
import { productOrderMachine } from './product-order.machine.js';
import { productOrderItemMachine } from './product-order-item.machine.js';
import {
  resourceAdministrativeStateMachine,
  resourceOperationalStateMachine,
  resourceStatusMachine,
  resourceUsageStateMachine,
} from './resource.machine.js';
import { resourceOrderMachine } from './resource-order.machine.js';
import { resourceOrderItemMachine } from './resource-order-item.machine.js';
import { serviceMachine } from './service.machine.js';
import { serviceOrderMachine } from './service-order.machine.js';
import { serviceOrderItemMachine } from './service-order-item.machine.js';
import { queryServiceQualificationMachine } from './query-service-qualification.machine.js';
import { serviceQualificationMachine } from './service-qualification.machine.js';
import { troubleTicketMachine } from './trouble-ticket.machine.js';
import { workOrderMachine } from './work-order.machine.js';
import { workOrderItemMachine } from './work-order-item.machine.js';

/** All machines, along the provisioning spine first, then field and assurance. */
export const lifecycles: readonly Machine[] = [
  productOfferingQualificationMachine,
  serviceQualificationMachine,
  queryServiceQualificationMachine,
  productOrderMachine,
  productOrderItemMachine,
  serviceOrderMachine,
  serviceOrderItemMachine,
  resourceOrderMachine,
  resourceOrderItemMachine,
  serviceMachine,
  resourceAdministrativeStateMachine,
  resourceOperationalStateMachine,
  resourceUsageStateMachine,
  resourceStatusMachine,
  productMachine,
  appointmentMachine,
  workOrderMachine,
  workOrderItemMachine,
  troubleTicketMachine,
];

const byResource = new Map<string, Machine[]>();
for (const machine of lifecycles) {
  const key = `${machine.api}/${machine.resource}`;
  byResource.set(key, [...(byResource.get(key) ?? []), machine]);
}

/** The machines of one served resource (attribute and item machines alike), e.g. (`TMF622`, `productOrder`). */
export function machinesFor(apiId: string, resourceName: string): Machine[] {
  return byResource.get(`${apiId}/${resourceName}`) ?? [];
}

/**
 * Throws, naming every broken machine and state, unless every table is sound, every id unique and
 * every machine sits on a resource the registry serves.
 */
export function validateAll(machines: readonly Machine[] = lifecycles): void {
  const problems = machines.flatMap(validateMachine);
  const ids = machines.map((m) => m.id);
  for (const id of new Set(ids)) if (ids.indexOf(id) !== ids.lastIndexOf(id)) problems.push(`${id}: machine id used twice`);
  for (const m of machines) {
    if (!findApi(m.api)?.resources.some((r) => r.name === m.resource)) problems.push(`${m.id}: no resource ${m.api}/${m.resource} in the registry`);
  }
  if (problems.length) throw new Error(`broken lifecycle tables:\n${problems.join('\n')}`);
}

validateAll();
