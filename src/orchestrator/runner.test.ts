import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../test/support/build.js';
import { JourneyStopped, StepWaiting, type Flow } from './flow.js';
import { createRunner } from './runner.js';
import { tempDir } from '../../test/support/temp-dir.js';

const ORDERS = '/tmf-api/productOrderingManagement/v4/productOrder';

// A toy journey: COM takes an order, then starts it. `explode` lets a test fail the second step.
function toyFlow(explode: { times: number; permanent?: boolean }): Flow {
  return {
    scenario: 'toy',
    title: 'Toy order',
    description: 'creates and starts one product order',
    parameters: [],
    steps: [
      {
        id: 'create-order',
        actor: 'channel',
        title: 'Channel places the order',
        async run({ call }) {
          const order = await call<{ id: string }>({ from: 'channel', method: 'POST', path: ORDERS, body: { productOrderItem: [{ id: '1', action: 'add' }] } });
          return { productOrderId: order.id };
        },
      },
      {
        id: 'start-order',
        actor: 'com',
        title: 'COM starts the order',
        async run({ call, context }) {
          await call({ from: 'com', method: 'PATCH', path: `${ORDERS}/${context.productOrderId}`, body: { state: 'inProgress' } });
          if (explode.times > 0) {
            explode.times--;
            if (explode.permanent) await call({ from: 'com', method: 'POST', path: ORDERS, body: {} });
            throw new Error('activation timed out');
          }
        },
      },
    ],
  };
}

describe('the durable runner', () => {
  it('runs a journey step by step, recording every call as an exchange with one correlationId', async () => {
    const app = await build();
    const runner = createRunner({ tmf: app.spine.ctx, flows: [toyFlow({ times: 0 })] });
    const run = await runner.startRun('toy', {});
    await runner.drain();
    const store = app.spine.ctx.store;
    const done = await store.getRun(run.id);
    expect(done).toMatchObject({ status: 'completed', context: { productOrderId: expect.any(String) } });
    const exchanges = await store.listExchanges({ runId: run.id });
    expect(exchanges.map((e) => [e.from, e.to, e.method, e.status])).toEqual([
      ['channel', 'com', 'POST', 201],
      ['com', 'com', 'PATCH', 200],
    ]);
    const events = await store.listEvents({ correlationId: run.correlationId });
    expect(events.map((e) => e.eventType)).toEqual(['ProductOrderCreateEvent', 'ProductOrderStateChangeEvent']);
  });

  it('rolls a failed step back completely and retries it: the state change happens once', async () => {
    const app = await build();
    const runner = createRunner({ tmf: app.spine.ctx, flows: [toyFlow({ times: 1 })], retry: { maxAttempts: 3, baseDelayMs: 0 } });
    const run = await runner.startRun('toy', {});
    await runner.drain();
    const store = app.spine.ctx.store;
    expect((await store.getRun(run.id))?.status).toBe('completed');
    const steps = await store.listRunSteps(run.id);
    expect(steps.map((s) => [s.step, s.status, s.attempts])).toEqual([
      ['create-order', 'done', 1],
      ['start-order', 'done', 2],
    ]);
    const stateChanges = (await store.listEvents({ correlationId: run.correlationId })).filter((e) => e.eventType.endsWith('StateChangeEvent'));
    expect(stateChanges).toHaveLength(1);
  });

  it('fails the run on a client error without retrying, and records the refused call', async () => {
    const app = await build();
    const runner = createRunner({ tmf: app.spine.ctx, flows: [toyFlow({ times: 1, permanent: true })] });
    const run = await runner.startRun('toy', {});
    await runner.drain();
    const store = app.spine.ctx.store;
    expect(await store.getRun(run.id)).toMatchObject({ status: 'failed', error: expect.stringContaining('400') });
    const exchanges = await store.listExchanges({ runId: run.id });
    expect(exchanges.find((e) => e.status === 400)).toMatchObject({ response: { '@type': 'Error' } });
    // The PATCH of the failed step was rolled back with it; the compensate policy of the matrix then
    // ended the order, which had not started: rejected.
    expect(exchanges.filter((e) => e.step === 'compensate' && e.method === 'PATCH').map((e) => e.request)).toEqual([expect.objectContaining({ state: 'rejected' })]);
    const order = await store.getResource('TMF622', 'productOrder', String((await store.getRun(run.id))!.context.productOrderId));
    expect(order?.doc.state).toBe('rejected');
  });

  it('picks up a journey left in flight by a stopped process', async () => {
    const dbPath = join(tempDir('spine-'), 'spine.db');
    const first = await build({ dbPath });
    const run = await createRunner({ tmf: first.spine.ctx, flows: [toyFlow({ times: 0 })] }).startRun('toy', {});
    await first.close();

    const second = await build({ dbPath });
    const runner = createRunner({ tmf: second.spine.ctx, flows: [toyFlow({ times: 0 })] });
    await runner.drain();
    expect((await second.spine.ctx.store.getRun(run.id))?.status).toBe('completed');
  });

  it('refuses an unknown scenario with a 404 TMF error', async () => {
    const app = await build();
    const runner = createRunner({ tmf: app.spine.ctx, flows: [] });
    await expect(runner.startRun('nope', {})).rejects.toMatchObject({ kind: 'NOT_FOUND' });
  });
});

describe('a journey stopped by an answer', () => {
  it('keeps the calls that gave the answer and fails the run without retrying', async () => {
    const app = await build();
    const flow: Flow = {
      scenario: 'refused',
      title: 'Refused',
      parameters: [],
      description: 'an order whose answer stops the journey',
      steps: [
        {
          id: 'ask',
          actor: 'com',
          title: 'Ask',
          async run({ call }) {
            await call({ from: 'com', method: 'POST', path: ORDERS, body: { productOrderItem: [{ id: '1', action: 'add' }] } });
            throw new JourneyStopped('TECH-001', 'OLT capacity exhausted');
          },
        },
      ],
    };
    const runner = createRunner({ tmf: app.spine.ctx, flows: [flow] });
    const run = await runner.startRun('refused', {});
    await runner.drain();
    const store = app.spine.ctx.store;
    expect(await store.getRun(run.id)).toMatchObject({ status: 'failed', error: 'OLT capacity exhausted' });
    expect((await store.listRunSteps(run.id))[0]).toMatchObject({ status: 'failed', attempts: 1 });
    expect(await store.listExchanges({ runId: run.id })).toHaveLength(1);
    expect(await store.listResources({ api: 'TMF622', resource: 'productOrder' })).toHaveLength(1);
  });
});

describe('a step waiting for something outside the journey', () => {
  it('holds the run without committing or counting attempts, and goes on once the condition holds', async () => {
    const clock = { ms: Date.parse('2026-11-26T09:00:00Z') };
    const app = await build({ now: () => new Date(clock.ms) });
    const gate = { open: false };
    const flow: Flow = {
      scenario: 'gated',
      title: 'Gated',
      parameters: [],
      description: 'an order that waits for a gate',
      steps: [
        {
          id: 'order-once-open',
          actor: 'com',
          title: 'Order once the gate opens',
          async run({ call }) {
            await call({ from: 'com', method: 'POST', path: ORDERS, body: { productOrderItem: [{ id: '1', action: 'add' }] } });
            if (!gate.open) throw new StepWaiting('gate still closed', 1000);
          },
        },
      ],
    };
    const runner = createRunner({ tmf: app.spine.ctx, flows: [flow] });
    const run = await runner.startRun('gated', {});
    const store = app.spine.ctx.store;
    await runner.drain();
    expect(await store.getRun(run.id)).toMatchObject({ status: 'held', error: 'gate still closed' });
    expect((await store.listRunSteps(run.id))[0]).toMatchObject({ status: 'pending', attempts: 0 });
    expect(await store.listResources({ api: 'TMF622', resource: 'productOrder' })).toHaveLength(0);
    expect(await store.listExchanges({ runId: run.id })).toHaveLength(0);

    gate.open = true;
    await runner.drain();
    expect((await store.getRun(run.id))?.status).toBe('held');
    clock.ms += 1000;
    await runner.drain();
    expect(await store.getRun(run.id)).toMatchObject({ status: 'completed', error: null });
    expect(await store.listResources({ api: 'TMF622', resource: 'productOrder' })).toHaveLength(1);
  });
});
