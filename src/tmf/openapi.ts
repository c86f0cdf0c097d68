// OpenAPI 3 documents for the API docs, converted from the vendored swagger 2 files and trimmed to
// what Spine serves: the registry's resources with their declared methods, plus the hub.

import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { Operations, specPath, type TmfApi } from './registry.js';

/** An OpenAPI 3.0 document; only the parts Spine rewrites are typed, the rest passes through from the conversion. */
export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; description?: string; [key: string]: unknown };
  servers: { url: string }[];
  paths: Record<string, PathItem>;
  tags?: { name: string }[];
  [key: string]: unknown;
}

type PathItem = Record<string, unknown>;

// swagger2openapi ships no type declarations; this is the one function used.
const { convertObj } = createRequire(import.meta.url)('swagger2openapi') as {
  convertObj(swagger: unknown, options: { patch: boolean; warnOnly: boolean }): Promise<{ openapi: OpenApiDocument }>;
};

const httpMethods = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

// Spec paths served outside the registry's resources, kept with every method the spec declares:
// the hub of every API, and TMF688's topic events and topic hubs (served by the events room).
const wholePaths = ['/hub', '/hub/{id}'];
const roomPaths: Record<string, string[]> = {
  TMF688: ['/topic/{topicId}/event', '/topic/{topicId}/event/{id}', '/topic/{topicId}/hub', '/topic/{topicId}/hub/{id}'],
};

const documents = new Map<string, Promise<OpenApiDocument>>();

/** The OpenAPI 3 document of one API as Spine serves it; converted on first request, then cached. */
export function buildOpenApiDocument(api: TmfApi): Promise<OpenApiDocument> {
  let document = documents.get(api.id);
  if (!document) {
    document = convert(api);
    documents.set(api.id, document);
    // A failed conversion is not cached, so a later request tries again.
    document.catch(() => documents.delete(api.id));
  }
  return document;
}

async function convert(api: TmfApi): Promise<OpenApiDocument> {
  const swagger: unknown = JSON.parse(await readFile(specPath(api), 'utf8'));
  const { openapi: converted } = await convertObj(swagger, { patch: true, warnOnly: true });
  const paths: Record<string, PathItem> = {};
  for (const [path, methods] of servedMethods(api)) {
    const item = converted.paths[path];
    if (!item) continue;
    paths[path] = Object.fromEntries(
      Object.entries(item).filter(([key]) => !httpMethods.has(key) || methods === 'all' || methods.has(key)),
    );
  }
  const usedTags = new Set(
    Object.values(paths).flatMap((item) =>
      Object.entries(item).flatMap(([key, operation]) => (httpMethods.has(key) ? ((operation as { tags?: string[] }).tags ?? []) : [])),
    ),
  );
  const provenance = `Served by Spine from the official TM Forum ${api.id} v${api.version} specification (${api.specFile}).`;
  return {
    ...converted,
    info: { ...converted.info, description: [provenance, converted.info.description].filter(Boolean).join('\n\n') },
    servers: [{ url: api.basePath }],
    paths,
    ...(converted.tags && { tags: converted.tags.filter((tag) => usedTags.has(tag.name)) }),
  };
}

function servedMethods(api: TmfApi): Map<string, Set<string> | 'all'> {
  const served = new Map<string, Set<string> | 'all'>();
  for (const resource of api.resources) {
    for (const operation of resource.operations) {
      const { method, onItem } = Operations[operation];
      const path = onItem ? `/${resource.name}/{id}` : `/${resource.name}`;
      const methods = served.get(path);
      served.set(path, methods instanceof Set ? methods.add(method.toLowerCase()) : new Set([method.toLowerCase()]));
    }
  }
  for (const path of [...wholePaths, ...(roomPaths[api.id] ?? [])]) served.set(path, 'all');
  return served;
}
