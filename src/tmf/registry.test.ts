import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apis, Domains, findApi, Operations, specPath, type Operation, type TmfApi } from './registry.js';

type Schema = { properties?: Record<string, Schema>; allOf?: Schema[]; $ref?: string; enum?: string[] };
type PathItem = Record<string, { parameters?: { in: string; schema?: Schema }[] }>;
interface Swagger {
  basePath: string;
  info: { version: string };
  paths: Record<string, PathItem>;
  definitions: Record<string, Schema>;
}

const specOf = (api: TmfApi) => JSON.parse(readFileSync(specPath(api), 'utf8')) as Swagger;

// Spec paths the generic resource engine does not serve: hub and client-side listener paths belong to
// the hub room; TMF688's topic sub-paths are served by the events room.
const servedElsewhere = [/^\/hub(\/|$)/, /^\/listener\//, /^\/topic\/\{topicId\}\//];

// A sub-resource path as the spec writes it, whatever it names the parent's id (`{geographicAddressId}`).
const subResourcePath = /^\/([^/]+)\/\{[^}]+\}\/([^/]+)(\/\{id\})?$/;

function properties(spec: Swagger, name: string): Record<string, Schema> {
  const definition = spec.definitions[name];
  const inherited = (definition.allOf ?? []).map((part) =>
    part.$ref ? properties(spec, part.$ref.split('/').pop()!) : (part.properties ?? {}),
  );
  return Object.assign({}, ...inherited, definition.properties);
}

const bodyRef = (item: PathItem | undefined, method: string) =>
  item?.[method]?.parameters?.find((p) => p.in === 'body')?.schema?.$ref?.split('/').pop();

function declaredOperations(spec: Swagger, name: string): Operation[] {
  const collection = spec.paths[`/${name}`] ?? {};
  const item = spec.paths[`/${name}/{id}`] ?? {};
  return (Object.keys(Operations) as Operation[]).filter((op) => {
    const { method, onItem } = Operations[op];
    return method.toLowerCase() in (onItem ? item : collection);
  });
}

describe('the API registry', () => {
  it('lists the 26 APIs of DESIGN.md once each, in the seven domains', () => {
    expect(apis).toHaveLength(26);
    expect(new Set(apis.map((api) => api.id)).size).toBe(26);
    expect(new Set(apis.map((api) => api.domain))).toEqual(new Set(Object.keys(Domains)));
  });

  it('marks the provisioning spine for beginner mode', () => {
    expect(apis.filter((api) => api.spine).map((api) => api.id).sort()).toEqual(
      ['TMF622', 'TMF638', 'TMF641', 'TMF645', 'TMF652', 'TMF673', 'TMF685', 'TMF688', 'TMF702'],
    );
  });

  it('finds an API by id and nothing for an unknown one', () => {
    expect(findApi('TMF622')?.basePath).toBe('/tmf-api/productOrderingManagement/v4');
    expect(findApi('TMF999')).toBeUndefined();
  });
});

describe.each(apis.map((api) => [api.id, api] as const))('%s against its vendored spec', (_id, api) => {
  const spec = specOf(api);

  it('has the spec basePath without trailing slash and the spec version', () => {
    expect(api.basePath).toBe(spec.basePath.replace(/\/+$/, ''));
    expect(api.basePath.endsWith('/')).toBe(false);
    expect(api.version).toBe(spec.info.version);
  });

  it('declares exactly the operations the spec has on each resource path', () => {
    for (const resource of api.resources) {
      const hasCollection = `/${resource.name}` in spec.paths;
      const hasItem = `/${resource.name}/{id}` in spec.paths;
      expect(hasCollection || hasItem, resource.name).toBe(true);
      expect(resource.operations, resource.name).toEqual(declaredOperations(spec, resource.name));
    }
  });

  it('leaves no spec path unserved', () => {
    const served = new Set(api.resources.flatMap((r) => [`/${r.name}`, `/${r.name}/{id}`]));
    const servedSub = (path: string) => {
      const [, parent, sub] = subResourcePath.exec(path) ?? [];
      return api.resources.some((r) => r.name === parent && r.subResources?.some((s) => s.name === sub));
    };
    const unserved = Object.keys(spec.paths).filter(
      (path) => !served.has(path) && !servedSub(path) && !servedElsewhere.some((pattern) => pattern.test(path)),
    );
    expect(unserved).toEqual([]);
  });

  it('names definitions that exist, and the bodies the spec uses', () => {
    for (const resource of api.resources) {
      for (const name of [resource.entity, resource.createSchema, resource.updateSchema]) {
        if (name) expect(spec.definitions, `${resource.name}: ${name}`).toHaveProperty([name]);
      }
      expect(resource.createSchema, resource.name).toBe(bodyRef(spec.paths[`/${resource.name}`], 'post'));
      expect(resource.updateSchema, resource.name).toBe(bodyRef(spec.paths[`/${resource.name}/{id}`], 'patch'));
    }
  });

  it('uses lifecycle attributes, initial states, server dates and state entries the entity really has', () => {
    for (const resource of api.resources) {
      const entity = properties(spec, resource.entity);
      const dates = [...resource.serverDates.onCreate, ...resource.serverDates.onUpdate];
      for (const field of dates) expect(entity, `${resource.name}.${field}`).toHaveProperty([field]);
      if (!resource.stateField) {
        expect(resource.initialState, resource.name).toBeUndefined();
        expect(resource.onEnter, resource.name).toBeUndefined();
        continue;
      }
      const state = entity[resource.stateField];
      expect(state, `${resource.name}.${resource.stateField}`).toBeDefined();
      // TMF652 types state as a free string: any initial state is one of its values.
      const values = state.$ref ? spec.definitions[state.$ref.split('/').pop()!].enum : state.enum;
      if (resource.initialState && values) expect(values, resource.name).toContain(resource.initialState);
      for (const [entered, { dates = [], firstDates = [], event }] of Object.entries(resource.onEnter ?? {})) {
        if (values) expect(values, `${resource.name} onEnter`).toContain(entered);
        for (const field of [...dates, ...firstDates]) expect(entity, `${resource.name}.${field}`).toHaveProperty([field]);
        if (event) expect(resource.events.other, `${resource.name} onEnter ${entered}`).toContain(event);
      }
    }
  });

  it('uses event names the spec declares, or lists them as conventional', () => {
    const used = api.resources.flatMap(({ events: { other, ...standard } }) => [...Object.values(standard), ...other]);
    expect(new Set(used).size).toBe(used.length);
    for (const name of used) {
      const declared = name in spec.definitions;
      expect(declared !== api.conventionalEvents.includes(name), name).toBe(true);
    }
    expect(used).toEqual(expect.arrayContaining(api.conventionalEvents));
  });
});
