import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { createSchemaValidator, describeIssues } from '../src/tmf/schemas.js';
import { build, json } from './support/build.js';

// TMF621 resolution: moving a ticket to resolved stamps resolutionDate and announces
// TroubleTicketResolvedEvent beside the status change, in the same write.

type Doc = Record<string, any>;

const TICKETS = '/tmf-api/troubleTicket/v4/troubleTicket';
const OPENED = '2026-11-26T10:00:00.000Z';
const FIXED = '2026-11-26T14:30:00.000Z';
const validator = createSchemaValidator();

/** An app whose clock reads OPENED until `advance` moves it on. */
async function ticketApp() {
  let now = new Date(OPENED);
  const app = await build({ now: () => now });
  return { app, advance: (iso: string) => { now = new Date(iso); } };
}

async function open(app: FastifyInstance, extra: Doc = {}): Promise<Doc> {
  const created = await app.inject({ method: 'POST', url: TICKETS, ...json({ description: 'No sync light on the ONT', severity: 'Major', ticketType: 'incident', ...extra }) });
  expect(created.statusCode, created.body).toBe(201);
  return created.json();
}

async function patch(app: FastifyInstance, id: string, body: Doc, correlationId = 'ticket-conversation') {
  const request = json(body);
  return app.inject({ method: 'PATCH', url: `${TICKETS}/${id}`, ...request, headers: { ...request.headers, 'x-correlation-id': correlationId } });
}

async function eventsOf(app: FastifyInstance, id: string) {
  return app.spine.ctx.store.listEvents({ resourceId: id });
}

function expectValid(definition: string, doc: unknown) {
  const issues = validator.validate('TMF621', definition, doc);
  expect(issues, describeIssues(issues)).toEqual([]);
}

describe('a trouble ticket moved to resolved', () => {
  it('gets resolutionDate from the server clock and a TroubleTicketResolvedEvent after its status change, with the same correlationId', async () => {
    const { app, advance } = await ticketApp();
    const ticket = await open(app);
    expect((await patch(app, ticket.id, { status: 'inProgress' })).statusCode).toBe(200);
    advance(FIXED);
    const resolved = await patch(app, ticket.id, { status: 'resolved', statusChangeReason: 'ONT replaced' }, 'ticket-42');
    expect(resolved.statusCode, resolved.body).toBe(200);
    expect([resolved.json().status, resolved.json().resolutionDate]).toEqual(['resolved', FIXED]);
    expectValid('TroubleTicket', resolved.json());
    expect((await app.inject({ method: 'GET', url: `${TICKETS}/${ticket.id}` })).json()).toEqual(resolved.json());

    const events = (await eventsOf(app, ticket.id)).filter((e) => e.correlationId === 'ticket-42');
    expect(events.map((e) => e.eventType)).toEqual(['TroubleTicketStatusChangeEvent', 'TroubleTicketResolvedEvent', 'TroubleTicketAttributeValueChangeEvent']);
    const announced = events.find((e) => e.eventType === 'TroubleTicketResolvedEvent')!;
    expect((announced.envelope.event as Doc).troubleTicket).toEqual(resolved.json());
    expect(announced.eventTime).toBe(FIXED);
    expectValid('TroubleTicketResolvedEvent', announced.envelope);
  });

  it('keeps a resolutionDate the client sends with the resolution, as TroubleTicket_Update lets it, and still announces it', async () => {
    const { app, advance } = await ticketApp();
    const ticket = await open(app, { status: 'acknowledged' });
    await patch(app, ticket.id, { status: 'inProgress' });
    advance(FIXED);
    const reported = '2026-11-26T13:55:00.000Z';
    const resolved = await patch(app, ticket.id, { status: 'resolved', resolutionDate: reported });
    expect([resolved.statusCode, resolved.json().resolutionDate]).toEqual([200, reported]);
    const types = (await eventsOf(app, ticket.id)).map((e) => e.eventType);
    expect(types.filter((t) => t === 'TroubleTicketResolvedEvent')).toHaveLength(1);
  });

  it('is stamped again when resolved after a reopen, and not at all by a move its lifecycle refuses', async () => {
    const { app, advance } = await ticketApp();
    const ticket = await open(app);
    const refused = await patch(app, ticket.id, { status: 'resolved' });
    expect([refused.statusCode, refused.json().code]).toEqual([409, 'SPN-409-ILLEGAL-TRANSITION']);
    expect((await app.inject({ method: 'GET', url: `${TICKETS}/${ticket.id}` })).json().resolutionDate).toBeUndefined();
    expect((await eventsOf(app, ticket.id)).map((e) => e.eventType)).toEqual(['TroubleTicketCreateEvent']);

    await patch(app, ticket.id, { status: 'inProgress' });
    await patch(app, ticket.id, { status: 'resolved' });
    await patch(app, ticket.id, { status: 'inProgress', statusChangeReason: 'Still no sync light' });
    advance(FIXED);
    const again = await patch(app, ticket.id, { status: 'resolved' });
    expect(again.json().resolutionDate).toBe(FIXED);
    const types = (await eventsOf(app, ticket.id)).map((e) => e.eventType);
    expect(types.filter((t) => t === 'TroubleTicketResolvedEvent')).toHaveLength(2);
    // Closing a resolved ticket is no new resolution.
    const closed = await patch(app, ticket.id, { status: 'closed' });
    expect([closed.json().status, closed.json().resolutionDate]).toEqual(['closed', FIXED]);
    expect((await eventsOf(app, ticket.id)).filter((e) => e.eventType === 'TroubleTicketResolvedEvent')).toHaveLength(2);
  });
});
