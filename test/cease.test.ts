import { describe, expect, it } from 'vitest';
import { json } from './support/build.js';
import { capacity, demoApp, get, POOL, RESOURCE, runScenario, type Doc } from './support/change-journeys.js';

// A cease over HTTP: everything the provision took is given back, and a new provision can take it again.

describe('gpon-cease', () => {
  it("without a customer, ceases the first demo customer's product there is; a product named alone is its owner's", async () => {
    const app = await demoApp();
    const sophie = await runScenario(app, 'gpon-ftth', { customerId: 'cust-56794' });
    const daniel = await runScenario(app, 'gpon-ftth', { customerId: 'cust-56795' });
    expect([sophie.run.status, daniel.run.status]).toEqual(['completed', 'completed']);
    // Jane has no product: the first default customer who has one is Sophie.
    const first = await runScenario(app, 'gpon-cease');
    expect([first.run.status, first.run.context.customerId, first.run.context.productId]).toEqual(['completed', 'cust-56794', sophie.run.context.productId]);
    // Naming Daniel's product alone ceases it for Daniel (not refused as someone else's).
    const second = await runScenario(app, 'gpon-cease', { productId: daniel.run.context.productId });
    expect([second.run.status, second.run.context.customerId]).toEqual(['completed', 'cust-56795']);
    const none = await app.inject({ method: 'POST', url: '/spine/v1/scenarios/gpon-cease/runs?wait=true', ...json({}) });
    expect([none.statusCode, none.json()['@type']]).toEqual([409, 'Error']);
    const unknown = await app.inject({ method: 'POST', url: '/spine/v1/scenarios/gpon-cease/runs?wait=true', ...json({ productId: 'no-such-product' }) });
    expect([unknown.statusCode, unknown.json().message]).toEqual([404, 'product no-such-product does not exist']);
  });

  it("gives back the ceased line's own reservation when the customer has two lines on one port", async () => {
    const app = await demoApp();
    // Sophie Tremblay at 27 Bertmount Ave, then a second line of hers at 118 Logan Ave: both on GPON 1/4/13.
    const home = await runScenario(app, 'gpon-ftth', { customerId: 'cust-56794' });
    const cottage = await runScenario(app, 'gpon-ftth', { customerId: 'cust-56794', addressId: 'addr-tor-118-logan-ave' });
    expect([home.run.status, cottage.run.status], cottage.run.error).toEqual(['completed', 'completed']);
    expect(cottage.run.context.resources.accessPort).toBe(home.run.context.resources.accessPort);
    const reservation = async (run: Doc) => {
      const doc = await get(app, `/tmf-api/resourcePoolManagement/v4/reservation/${run.run.context.reservationId}`);
      return [doc.state, ...(doc.reservationItem as Doc[]).map((item) => `${item.id}:${item.state}`)];
    };
    const kept = await reservation(home);

    const cease = await runScenario(app, 'gpon-cease', { productId: cottage.run.context.productId });
    expect(cease.run.status, cease.run.error).toBe('completed');
    expect(await reservation(cottage)).toEqual(['cancelled', ...kept.slice(1).map((item) => item.replace(':completed', ':cancelled'))]);
    expect(await reservation(home)).toEqual(kept);
    expect(kept[0]).toBe('completed');
  });

  it('terminates product and services, returns all five resources to idle, and a second provision reuses them', async () => {
    const app = await demoApp();
    const provision = await runScenario(app, 'gpon-ftth');
    expect(provision.run.status).toBe('completed');
    const resources = provision.run.context.resources as Record<string, string>;
    const portInUse = capacity(await get(app, `${POOL}/pool-olt-port-04-12`), 'inUse');

    const cease = await runScenario(app, 'gpon-cease');
    expect(cease.run.status, cease.run.error).toBe('completed');

    const product = await get(app, `/tmf-api/productInventory/v4/product/${provision.run.context.productId}`);
    expect(product.status).toBe('terminated');
    const productStates = (cease.events as Doc[]).filter((e) => e.eventType === 'ProductStateChangeEvent').map((e) => e.event?.product?.status);
    expect(productStates).toEqual(['pendingTerminate', 'terminated']);
    for (const id of Object.values(provision.run.context.serviceIds as Record<string, string>)) {
      expect((await get(app, `/tmf-api/serviceInventory/v4/service/${id}`)).state, id).toBe('terminated');
    }
    const order = await get(app, `/tmf-api/productOrderingManagement/v4/productOrder/${cease.run.context.productOrderId}`);
    expect([order.state, order.productOrderItem[0].action]).toEqual(['completed', 'delete']);
    const resourceOrder = await get(app, `/tmf-api/resourceOrderingManagement/v4/resourceOrder/${cease.run.context.resourceOrderId}`);
    expect((resourceOrder.orderItem as Doc[]).map((i) => `${i.action} ${i.resource.id}`).sort()).toEqual(Object.values(resources).map((id) => `delete ${id}`).sort());

    // Every per-subscriber resource is off the network and free; the port has its slot back.
    for (const slot of ['cpe', 'vlanPair', 'drop', 'bngSession']) {
      const resource = await get(app, `${RESOURCE}/${resources[slot]}`);
      expect([slot, resource.usageState, resource.resourceStatus]).toEqual([slot, 'idle', 'available']);
    }
    expect(capacity(await get(app, `${POOL}/pool-olt-port-04-12`), 'inUse')).toBe(`${Number.parseInt(portInUse) - 1} ONT`);
    expect((await get(app, `${RESOURCE}/${resources.accessPort}`)).usageState).toBe(portInUse.startsWith('32') ? 'busy' : 'active');
    const activations = await get(app, `/tmf-api/ResourceActivationAndConfiguration/v4/resource?administrativeState=unlocked`);
    expect(activations).toEqual([]);
    expect(new Set((cease.events as Doc[]).map((e) => e.correlationId))).toEqual(new Set([cease.run.correlationId]));

    // With the product gone a further cease is refused, and a new provision takes the same resources.
    const again = await app.inject({ method: 'POST', url: '/spine/v1/scenarios/gpon-cease/runs?wait=true', ...json({}) });
    expect(again.statusCode).toBe(409);
    const second = await runScenario(app, 'gpon-ftth');
    expect(second.run.status, second.run.error).toBe('completed');
    expect(second.run.context.resources).toEqual(resources);
  });

  // Resumed by hand after its services failed to activate, the product kept services still reserved, and a cease failed on reserved → terminated after releasing the line.
  it('ceases a product whose services were left reserved (a fallout resumed by hand), taking each service by the moves its table allows', async () => {
    const app = await demoApp();
    const held = await runScenario(app, 'activation-after-ponr');
    expect(held.run.status).toBe('held');
    expect((await app.inject({ method: 'POST', url: `/spine/v1/fallout/${held.run.context.fallout.id}/resume` })).statusCode).toBe(200);
    await app.spine.runner.drain();
    const serviceIds = Object.values(held.run.context.serviceIds as Record<string, string>);
    expect(new Set(await Promise.all(serviceIds.map(async (id) => (await get(app, `/tmf-api/serviceInventory/v4/service/${id}`)).state)))).toEqual(new Set(['reserved']));

    const cease = await runScenario(app, 'gpon-cease', { productId: held.run.context.productId });
    expect(cease.run.status, cease.run.error).toBe('completed');
    for (const id of serviceIds) expect((await get(app, `/tmf-api/serviceInventory/v4/service/${id}`)).state, id).toBe('terminated');
    expect((await get(app, `/tmf-api/productInventory/v4/product/${held.run.context.productId}`)).status).toBe('terminated');
  });

  // Two ceases started together were both accepted (the first had placed no order yet), and a second one later was told the customer had no product.
  it('refuses a second change of the product while the first is starting, saying what holds it', async () => {
    const app = await demoApp();
    expect((await runScenario(app, 'gpon-ftth')).run.status).toBe('completed');
    // Both through the runner before its next pass (over HTTP a pass may finish the first cease in between).
    const first = await app.spine.runner.startRun('gpon-cease', { customerId: 'cust-56789' });
    await expect(app.spine.runner.startRun('gpon-cease', { customerId: 'cust-56789' })).rejects.toMatchObject({ status: 409, message: expect.stringContaining(`has journey ${first.id} (gpon-cease) starting`) });
    await app.spine.runner.drain();
    expect((await get(app, `/spine/v1/runs/${first.id}`)).run.status).toBe('completed');
  });
});
