import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apis, Operations } from '../tmf/registry.js';
import docsPlugin from './docs.js';

const app = Fastify();

beforeAll(async () => {
  await app.register(docsPlugin);
  await app.ready();
});

afterAll(() => app.close());

describe('API docs', () => {
  it('lists the 26 API documents', async () => {
    const response = await app.inject({ method: 'GET', url: '/docs/openapi' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toHaveLength(26);
    expect(response.json()).toContainEqual({ id: 'TMF622', name: 'Product Ordering', url: '/docs/openapi/TMF622.json' });
  });

  it.each(apis.map((api) => [api.id, api] as const))('serves %s as OpenAPI 3.0 at its base path, with the methods Spine serves', async (_id, api) => {
    const response = await app.inject({ method: 'GET', url: `/docs/openapi/${api.id}.json` });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toMatch(/^3\.0\.\d+$/);
    expect(document.servers).toEqual([{ url: api.basePath }]);
    expect(document.info.description).toMatch(new RegExp(`^Served by Spine from the official TM Forum ${api.id} v`));

    const expected: Record<string, string[]> = { '/hub': ['post'], '/hub/{id}': ['delete'] };
    for (const resource of api.resources) {
      for (const operation of resource.operations) {
        const { method, onItem } = Operations[operation];
        (expected[onItem ? `/${resource.name}/{id}` : `/${resource.name}`] ??= []).push(method.toLowerCase());
      }
    }
    for (const [path, methods] of Object.entries(expected)) {
      const declared = Object.keys(document.paths[path] ?? {}).filter((key) => key !== 'parameters');
      expect(declared.sort(), path).toEqual(methods.sort());
    }
    const listenerPaths = Object.keys(document.paths).filter((path) => path.startsWith('/listener'));
    expect(listenerPaths).toEqual([]);
  });

  it('keeps the TMF688 topic event and hub paths the events room serves', async () => {
    const document = (await app.inject({ method: 'GET', url: '/docs/openapi/TMF688.json' })).json();
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/topic/{topicId}/event', '/topic/{topicId}/hub/{id}']));
  });

  it('answers an unknown API with a TMF 404 error', async () => {
    const response = await app.inject({ method: 'GET', url: '/docs/openapi/TMF999.json' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'SPN-404-NOT-FOUND', status: '404', '@type': 'Error' });
    expect(response.json().message).toContain('TMF999');
  });

  it('serves Swagger UI with a dropdown of all 26 APIs, from local assets only', async () => {
    const page = await app.inject({ method: 'GET', url: '/docs' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    const assets = [...page.body.matchAll(/(?:href|src)="([^"]+)"/g)].map((match) => match[1]);
    expect(assets.length).toBeGreaterThan(4);
    for (const url of assets) {
      expect(url.startsWith('/docs/static/'), url).toBe(true);
      expect((await app.inject({ method: 'GET', url })).statusCode, url).toBe(200);
    }
    const initializer = await app.inject({ method: 'GET', url: '/docs/static/spine-initializer.js' });
    expect(initializer.body).toContain('"urls.primaryName": "TMF622 Product Ordering"');
    for (const api of apis) expect(initializer.body).toContain(`"url": "/docs/openapi/${api.id}.json"`);
  });

  it('serves no file outside the Swagger UI asset list', async () => {
    for (const file of ['package.json', '..%2Fpackage.json', 'swagger-ui.js.map']) {
      expect((await app.inject({ method: 'GET', url: `/docs/static/${file}` })).statusCode, file).toBe(404);
    }
  });

  it('prefixes every link when mounted under a prefix', async () => {
    const prefixed = Fastify();
    await prefixed.register(docsPlugin, { prefix: '/api' });
    const page = await prefixed.inject({ method: 'GET', url: '/api/docs' });
    expect(page.body).toContain('src="/api/docs/static/swagger-ui-bundle.js"');
    expect((await prefixed.inject({ method: 'GET', url: '/api/docs/openapi' })).json()[0].url).toMatch(/^\/api\/docs\/openapi\//);
    await prefixed.close();
  });
});
