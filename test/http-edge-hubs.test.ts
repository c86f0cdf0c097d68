import { describe, expect, it } from 'vitest';
import { BASE_URL, build, json } from './support/build.js';

// A hub's Location, like every TMF create's, is absolute: it starts with the configured public URL.

const subscription = { callback: 'http://127.0.0.1:9/cb' };

describe('the Location of a new hub', () => {
  // It was the bare path, `/tmf-api/…/hub/<id>`, while a created resource's was its absolute href.
  it("is absolute on an API's /hub, and names the hub that DELETE unsubscribes", async () => {
    const app = await build();
    const api = '/tmf-api/productOrderingManagement/v4';
    const created = await app.inject({ method: 'POST', url: `${api}/hub`, ...json(subscription) });
    expect([created.statusCode, created.headers.location]).toEqual([201, `${BASE_URL}${api}/hub/${created.json().id}`]);
    const path = new URL(String(created.headers.location)).pathname;
    expect((await app.inject({ method: 'DELETE', url: path })).statusCode).toBe(204);
  });

  it("is absolute on a TMF688 topic's hub, and names the hub there", async () => {
    const app = await build();
    const api = '/tmf-api/event/v4';
    const topic = (await app.inject({ method: 'POST', url: `${api}/topic`, ...json({ name: 'completed orders' }) })).json();
    const created = await app.inject({ method: 'POST', url: `${api}/topic/${topic.id}/hub`, ...json(subscription) });
    expect([created.statusCode, created.headers.location]).toEqual([201, `${BASE_URL}${api}/topic/${topic.id}/hub/${created.json().id}`]);
    const path = new URL(String(created.headers.location)).pathname;
    expect((await app.inject({ method: 'GET', url: path })).json()).toEqual(created.json());
  });
});
