// Validation against the official v4 schemas, one implementation for all 26 APIs. Each vendored spec's
// swagger 2 `definitions` becomes one ajv schema with the API id as `$id`, so `#/definitions/X` resolves
// within its own spec; a definition is compiled on first use and cached (compiling all 26 specs eagerly
// takes seconds). Known defects of the published files are fixed at load time (see fixKnownDefects).

import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { findApi, specPath } from './registry.js';

/** One reason data does not match a definition; `field` reads like `productOrderItem[0].action`, `(root)` for the top. */
export interface ValidationIssue {
  field: string;
  message: string;
}

/** Checks data against a definition of an API's official spec, e.g. (`TMF622`, `ProductOrder_Create`, body). */
export interface SchemaValidator {
  /** The issues found, an empty array when the data is valid; throws for an unknown API or definition. */
  validate(apiId: string, definition: string, data: unknown): ValidationIssue[];
  /**
   * The attributes a `*_Create` or `*_Update` definition leaves out of its entity, as its description
   * lists them ("Skipped properties: id,href,orderDate"): the ones a client may not set that way.
   */
  skippedProperties(apiId: string, definition: string): readonly string[];
}

type SchemaNode = { [keyword: string]: unknown };

// ajv-formats is CommonJS with `exports.default`; under NodeNext the default import is the whole module.
const formats = addFormats.default;

/** A validator over the vendored specs that loads a spec, and compiles a definition, the first time it is asked for. */
export function createSchemaValidator(): SchemaValidator {
  const ajv = new Ajv({ strict: false, allErrors: true });
  formats(ajv);
  // TMF hrefs and @schemaLocation are `format: uri`, yet relative references (`/tmf-api/...`) are
  // common in TMF payloads, so any URI reference is accepted.
  ajv.addFormat('uri', formats.get('uri-reference'));
  const definitionsByApi = new Map<string, SchemaNode>();
  const compiled = new Map<string, ValidateFunction>();

  function definitionsOf(apiId: string): SchemaNode {
    const loaded = definitionsByApi.get(apiId);
    if (loaded) return loaded;
    const api = findApi(apiId);
    if (!api) throw new Error(`unknown TMF API ${apiId}`);
    const spec = JSON.parse(readFileSync(specPath(api), 'utf8')) as { definitions: Record<string, SchemaNode> };
    const usedFormats = fixKnownDefects(apiId, spec.definitions);
    // A format ajv-formats does not know (TMF uses `base64`) is documentation only; accept any value.
    for (const format of usedFormats) if (!ajv.formats[format]) ajv.addFormat(format, true);
    ajv.addSchema({ $id: apiId, definitions: spec.definitions });
    definitionsByApi.set(apiId, spec.definitions);
    return spec.definitions;
  }

  function definitionOf(apiId: string, definition: string): SchemaNode {
    const definitions = definitionsOf(apiId);
    if (!Object.hasOwn(definitions, definition)) throw new Error(`${apiId} has no definition ${definition}`);
    return definitions[definition] as SchemaNode;
  }

  function compile(apiId: string, definition: string): ValidateFunction {
    const ref = `${apiId}#/definitions/${definition}`;
    let validate = compiled.get(ref);
    if (!validate) {
      definitionOf(apiId, definition);
      validate = ajv.getSchema(ref)!;
      compiled.set(ref, validate);
    }
    return validate;
  }

  const skipped = new Map<string, readonly string[]>();

  return {
    skippedProperties(apiId, definition) {
      const ref = `${apiId}#/definitions/${definition}`;
      let names = skipped.get(ref);
      if (!names) {
        const { description } = definitionOf(apiId, definition);
        const listed = /Skipped properties:\s*([^\n]*)/.exec(typeof description === 'string' ? description : '')?.[1] ?? '';
        names = listed.split(',').map((name) => name.trim()).filter(Boolean);
        skipped.set(ref, names);
      }
      return names;
    },
    validate(apiId, definition, data) {
      const validate = compile(apiId, definition);
      if (validate(data)) return [];
      // allOf branches can report the same problem twice.
      const issues = new Map<string, ValidationIssue>();
      for (const error of validate.errors ?? []) {
        const issue = toIssue(error, data);
        issues.set(`${issue.field}\u0000${issue.message}`, issue);
      }
      return [...issues.values()];
    },
  };
}

/** One line for a TMF error message, naming each offending field, e.g. `productOrderItem[0].action must be ...`. */
export function describeIssues(issues: readonly ValidationIssue[]): string {
  const shown = issues.slice(0, MAX_DESCRIBED).map((issue) => `${issue.field} ${issue.message}`);
  if (issues.length > MAX_DESCRIBED) shown.push(`and ${issues.length - MAX_DESCRIBED} more`);
  return shown.join('; ');
}

const MAX_DESCRIBED = 10;

// Fixes known defects of the published v4 files in place (each is listed in specs/tmf/README.md) and
// returns the formats the definitions use.
function fixKnownDefects(apiId: string, definitions: Record<string, SchemaNode>): Set<string> {
  for (const [name, definition] of Object.entries(definitions)) {
    // TMF639 Resource_Create requires `id` and `href`, which the server assigns (neither is even a
    // property of it); the same mistake in any other *_Create would refuse every create.
    if (name.endsWith('_Create')) dropRequired(definition, (property) => property === 'id' || property === 'href');
    // A PATCH body is a merge patch, partial by definition (RFC 7386), yet TMF622 ProductOrder_Update,
    // TMF629 Customer_Update, TMF639 Resource_Update, TMF646 Appointment_Update, TMF666's account
    // *_Update and TMF697 WorkOrder_Update require attributes, which would refuse most partial updates.
    if (name.endsWith('_Update')) dropRequired(definition, () => true);
  }
  // TMF641 v4.1 ServiceOrderItemRef requires `id`, a property it does not declare; its identifier is `itemId`.
  if (apiId === 'TMF641' && definitions.ServiceOrderItemRef) definitions.ServiceOrderItemRef.required = ['itemId'];
  const usedFormats = new Set<string>();
  normalise(definitions, usedFormats);
  return usedFormats;
}

function dropRequired(definition: SchemaNode, drop: (property: string) => boolean): void {
  for (const part of [definition, ...((definition.allOf as SchemaNode[] | undefined) ?? [])]) {
    if (!Array.isArray(part.required)) continue;
    const kept = (part.required as string[]).filter((property) => !drop(property));
    if (kept.length) part.required = kept;
    else delete part.required;
  }
}

function normalise(node: unknown, usedFormats: Set<string>): void {
  if (Array.isArray(node)) {
    for (const item of node) normalise(item, usedFormats);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const schema = node as SchemaNode;
  // Swagger 2 spells `discriminator` as a property name; ajv's OpenAPI keyword expects an object.
  // Polymorphism in TMF payloads is carried by `@type`, so the hint is dropped.
  if (typeof schema.discriminator === 'string') delete schema.discriminator;
  if (typeof schema.format === 'string') usedFormats.add(schema.format);
  // ProductStatusType (TMF622, TMF637, TMF663, TMF679) publishes `"aborted "` with a trailing space:
  // the published spelling stays valid and the trimmed one is accepted too.
  if (Array.isArray(schema.enum)) {
    const values = schema.enum as unknown[];
    for (const value of [...values]) {
      if (typeof value === 'string' && value.trim() !== value && !values.includes(value.trim())) values.push(value.trim());
    }
  }
  for (const child of Object.values(schema)) normalise(child, usedFormats);
}

function toIssue(error: ErrorObject, data: unknown): ValidationIssue {
  const segments = error.instancePath
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (error.keyword === 'required') {
    return { field: readablePath([...segments, String(error.params.missingProperty)], data), message: 'is required' };
  }
  const field = readablePath(segments, data);
  if (error.keyword === 'enum') {
    return { field, message: `must be equal to one of: ${(error.params.allowedValues as unknown[]).join(', ')}` };
  }
  return { field, message: error.message ?? `fails ${error.keyword}` };
}

function readablePath(segments: string[], data: unknown): string {
  let path = '';
  let node = data;
  for (const segment of segments) {
    path += Array.isArray(node) ? `[${segment}]` : path ? `.${segment}` : segment;
    node = node && typeof node === 'object' ? (node as Record<string, unknown>)[segment] : undefined;
  }
  return path || '(root)';
}
