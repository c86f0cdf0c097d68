import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';

type Doc = Record<string, any>;

const get = async (app: FastifyInstance, path: string): Promise<Doc> => (await app.inject({ method: 'GET', url: path })).json();

/** The compensations of a journey stopped after the technician was dispatched, before the visit: latest first, each done. */
export const undoneBeforeTheVisit = ['undo:dispatch-technician', 'undo:reserve-resources', 'undo:design-services', 'undo:create-product', 'undo:book-appointment'].map((step) => [step, 'done']);

/**
 * What a rolled-back journey leaves in the inventories: its product never delivered (aborted), its
 * services terminated, and the field visit called off unless it already took place (`visit: 'done'`).
 */
export async function expectJourneyUnwound(app: FastifyInstance, context: Doc, visit: 'calledOff' | 'done'): Promise<void> {
  expect((await get(app, `/tmf-api/productInventory/v4/product/${context.productId}`)).status).toBe('aborted');
  for (const id of Object.values(context.serviceIds as Record<string, string>)) {
    expect((await get(app, `/tmf-api/serviceInventory/v4/service/${id}`)).state, id).toBe('terminated');
  }
  const [appointment, workOrder] = visit === 'done' ? ['completed', 'completed'] : ['cancelled', 'cancelled'];
  expect((await get(app, `/tmf-api/appointment/v4/appointment/${context.appointmentId}`)).status).toBe(appointment);
  if (context.workOrderId) expect((await get(app, `/tmf-api/workOrderManagement/v4/workOrder/${context.workOrderId}`)).state).toBe(workOrder);
}
