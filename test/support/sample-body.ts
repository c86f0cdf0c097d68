import { readFileSync } from 'node:fs';
import { join } from 'node:path';

type Schema = Record<string, any>;
const specs = new Map<string, Schema>();

/** Loads a vendored v4 spec by file name. */
export function loadSpec(specFile: string): Schema {
  let spec = specs.get(specFile);
  if (!spec) {
    spec = JSON.parse(readFileSync(join(import.meta.dirname, '../../specs/tmf', specFile), 'utf8')) as Schema;
    specs.set(specFile, spec);
  }
  return spec;
}

/**
 * The smallest body that satisfies a definition of the official spec: only required properties,
 * each given the simplest value its type, enum or format allows. Lets one test create a resource
 * of every API without 26 hand-typed payloads.
 */
export function sampleOf(specFile: string, definition: string): Record<string, unknown> {
  const spec = loadSpec(specFile);
  const { id: _id, href: _href, ...body } = build(spec, { $ref: `#/definitions/${definition}` }, 0) as Record<string, unknown>;
  return body;
}

function build(spec: Schema, schema: Schema, depth: number): unknown {
  if (schema.$ref) return build(spec, spec.definitions[String(schema.$ref).split('/').pop()!], depth);
  if (schema.allOf) return Object.assign({}, ...schema.allOf.map((s: Schema) => build(spec, s, depth)));
  if (schema.enum) return schema.enum[0];
  const type = schema.type ?? (schema.properties ? 'object' : 'string');
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const name of schema.required ?? []) {
        const property = schema.properties?.[name] ?? { type: 'string' };
        out[name] = depth > 6 ? 'x' : build(spec, property, depth + 1);
      }
      return out;
    }
    case 'array':
      return [build(spec, schema.items ?? { type: 'string' }, depth + 1)];
    case 'integer':
    case 'number':
      return 1;
    case 'boolean':
      return true;
    default:
      if (schema.format === 'date-time') return '2026-11-26T10:00:00.000Z';
      if (schema.format === 'date') return '2026-11-26';
      if (schema.format === 'uri') return 'https://example.com/x';
      return 'sample';
  }
}
