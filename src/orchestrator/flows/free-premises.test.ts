import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../store/open-store.js';
import type { Doc, Store } from '../../store/port.js';
import { TmfError } from '../../tmf/errors.js';
import { customerWithFreePremises } from './free-premises.js';

const stores: Store[] = [];
afterEach(async () => Promise.all(stores.splice(0).map((s) => s.close())));

const AT = '2026-11-26T10:00:00.000Z';
const CUSTOMERS = ['cust-a', 'cust-b'];

/** Two customers, each at its own premises with one built drop, both free. */
async function street(): Promise<Store> {
  const store = await openStore(':memory:');
  stores.push(store);
  for (const id of CUSTOMERS) {
    await put(store, 'TMF629', 'customer', { id, name: `Customer ${id}`, characteristic: [{ name: 'serviceAddress', value: `addr-${id}` }] });
    await put(store, 'TMF639', 'resource', drop(id, 'available', 'idle'));
  }
  return store;
}

function drop(customerId: string, resourceStatus: string, usageState: string): Doc {
  return { id: `drop-${customerId}`, category: 'fibreDrop', resourceStatus, usageState, place: { id: `addr-${customerId}`, role: 'servedPremises' } };
}

async function put(store: Store, api: string, resource: string, doc: Doc): Promise<void> {
  const record = { api, resource, id: String(doc.id), doc, state: null, createdAt: AT, lastUpdate: AT };
  if (!(await store.insertResource(record))) await store.replaceResource(record);
}

async function journey(store: Store, id: string, status: string, addressId: string): Promise<void> {
  await store.insertRun({ id, scenario: 'gpon-ftth', status, correlationId: `journey-${id}`, input: {}, context: { customerId: 'cust-a', addressId }, error: null, createdAt: AT, updatedAt: AT });
}

async function refusal(store: Store): Promise<TmfError> {
  const error = await customerWithFreePremises(store, CUSTOMERS).then(() => undefined, (e: unknown) => e);
  if (!(error instanceof TmfError)) throw new Error(`expected a TmfError, got ${String(error)}`);
  return error;
}

describe('the customer a provision is for when the caller names nobody', () => {
  it('is the first of the list while its premises is free', async () => {
    expect(await customerWithFreePremises(await street(), CUSTOMERS)).toBe('cust-a');
  });

  it('is the next one once the first premises has its drop reserved or in service', async () => {
    for (const [resourceStatus, usageState] of [['reserved', 'idle'], ['reserved', 'active']]) {
      const store = await street();
      await put(store, 'TMF639', 'resource', drop('cust-a', resourceStatus!, usageState!));
      expect(await customerWithFreePremises(store, CUSTOMERS)).toBe('cust-b');
    }
  });

  it('passes over a premises a running or held journey has not reserved yet, but not one whose journeys ended', async () => {
    for (const status of ['running', 'held']) {
      const store = await street();
      await journey(store, 'run-1', status, 'addr-cust-a');
      expect(await customerWithFreePremises(store, CUSTOMERS), status).toBe('cust-b');
    }
    const ended = await street();
    await journey(ended, 'run-1', 'completed', 'addr-cust-a');
    await journey(ended, 'run-2', 'failed', 'addr-cust-a');
    await journey(ended, 'run-3', 'running', 'addr-cust-b');
    expect(await customerWithFreePremises(ended, CUSTOMERS)).toBe('cust-a');
  });

  it('refuses with a 409 naming each taken premises, what holds it and the cease that frees one', async () => {
    const store = await street();
    await put(store, 'TMF639', 'resource', drop('cust-a', 'reserved', 'active'));
    await journey(store, 'run-9', 'running', 'addr-cust-b');
    const error = await refusal(store);
    expect([error.kind, error.status]).toEqual(['CONFLICT', 409]);
    expect(error.message).toContain('addr-cust-a (cust-a Customer cust-a): drop drop-cust-a in service');
    expect(error.message).toContain('addr-cust-b (cust-b Customer cust-b): journey run-9 (gpon-ftth) running');
    expect(error.message).toContain('spine run gpon-cease --customer cust-a');
  });

  it('answers 404 for a listed customer that does not exist', async () => {
    const store = await street();
    await put(store, 'TMF639', 'resource', drop('cust-a', 'reserved', 'active'));
    const error = await customerWithFreePremises(store, ['cust-a', 'cust-nobody']).catch((e: TmfError) => e);
    expect([(error as TmfError).kind, (error as TmfError).message]).toEqual(['NOT_FOUND', 'customer cust-nobody does not exist']);
  });
});
