// Who a new provision is for when the caller names nobody: the first customer of an ordered list whose
// premises no line holds (and, for the TECH-005 card, the first whose premises a line in service
// holds). A premises is held when a fibre drop to it is not available in TMF639 (reserved, or in service): the reservation refuses exactly that drop ("not available: drop"). It is
// also held while a journey there is still running or held, since that journey may yet reserve it.
// Reads only.

import { ResourceCategories, ResourceStatuses } from '../../network/inventory-model.js';
import { UsageStates } from '../../network/serving-path.js';
import { CustomerCharacteristics } from '../../scenarios/demo-data/parties.js';
import type { Doc, Store } from '../../store/port.js';
import { TmfError } from '../../tmf/errors.js';
import { RunStatus } from '../flow.js';
import { characteristic } from '../steps/refs.js';

const IN_FLIGHT: readonly string[] = [RunStatus.running, RunStatus.held];

/**
 * The first of `customerIds` whose service address is free. When every one is held, a 409 naming
 * each premises, what holds it and how to free one; a customer that does not exist is a 404.
 */
export async function customerWithFreePremises(tx: Store, customerIds: readonly string[]): Promise<string> {
  const holderOf = await premisesHolders(tx);
  const held: { customerId: string; line: string }[] = [];
  for (const customerId of customerIds) {
    const { customer, addressId } = await customerAndAddress(tx, customerId);
    const holder = holderOf(addressId);
    if (!holder) return customerId;
    held.push({ customerId, line: `${addressId} (${customerId} ${String(customer.name)}): ${holder}` });
  }
  const example = held[0]?.customerId ?? '<customerId>';
  throw new TmfError(
    'CONFLICT',
    `no default customer has a free premises: ${held.map((h) => h.line).join('; ')}. ` +
      `Free one by ceasing its product: spine run gpon-cease --customer ${example} (or POST /spine/v1/scenarios/gpon-cease/runs {"customerId": "${example}"}); or name the customerId to order for`,
  );
}

/** The first of `customerIds` whose service address has a drop in service; a 409 when none has. */
export async function customerWithLineInService(tx: Store, customerIds: readonly string[]): Promise<string> {
  const drops = await fibreDrops(tx);
  for (const customerId of customerIds) {
    const { addressId } = await customerAndAddress(tx, customerId);
    if (drops.some((drop) => (drop.place as Doc | undefined)?.id === addressId && drop.usageState === UsageStates.active)) return customerId;
  }
  throw new TmfError('CONFLICT', `none of the demo customers ${customerIds.join(', ')} has a line in service; run gpon-ftth first`);
}

// The customer (404 when there is none) and the service address its characteristic names.
async function customerAndAddress(tx: Store, customerId: string): Promise<{ customer: Doc; addressId: string }> {
  const record = await tx.getResource('TMF629', 'customer', customerId);
  if (!record) throw new TmfError('NOT_FOUND', `customer ${customerId} does not exist`);
  return { customer: record.doc, addressId: String(characteristic(record.doc.characteristic, CustomerCharacteristics.serviceAddress)) };
}

function fibreDrops(tx: Store): Promise<Doc[]> {
  return tx.listResources({ api: 'TMF639', resource: 'resource', attributes: { category: ResourceCategories.fibreDrop } }).then((records) => records.map((r) => r.doc));
}

/**
 * What holds the premises at an address, in words, or undefined when it is free; the drops and the
 * journeys in flight are read once, whatever the number of addresses asked about.
 */
async function premisesHolders(tx: Store): Promise<(addressId: string) => string | undefined> {
  const drops = await fibreDrops(tx);
  const inFlight = await tx.listRuns({ statuses: IN_FLIGHT });
  return (addressId) => {
    const taken = drops.find((drop) => (drop.place as Doc | undefined)?.id === addressId && drop.resourceStatus !== ResourceStatuses.available);
    if (taken) return `drop ${String(taken.id)} ${taken.usageState === UsageStates.active ? 'in service' : String(taken.resourceStatus)}`;
    const journey = inFlight.find((run) => run.context.addressId === addressId);
    return journey && `journey ${journey.id} (${journey.scenario}) ${journey.status}`;
  };
}
