// TMF630 list-query parameters: `fields`, `sort`, `offset`, `limit`, and every other parameter as an
// attribute filter (`state=acknowledged,rejected`, `orderDate.gte=…`, `orderDate>=…`, `relatedParty.id=…`).

import { TmfError } from '../errors.js';
import { regexProblem } from './safe-regex.js';

/** A parsed list query; `fields` undefined means every attribute. */
export interface ListQuery {
  filters: Filter[];
  fields?: string[];
  sort: SortKey[];
  offset: number;
  limit: number;
}

/** One filter parameter: its values are OR-ed, and the filters of a query are AND-ed. */
export interface Filter {
  path: string[];
  op: FilterOp;
  values: string[];
}

/** One sort criterion, from `sort=-orderDate,id`. */
export interface SortKey {
  path: string[];
  descending: boolean;
}

/** The filter operators (the attribute suffix `orderDate.gte=`), each with its TMF630 symbol form (`orderDate>=`). */
export const FilterOps = { eq: '=', ne: '!=', gt: '>', gte: '>=', lt: '<', lte: '<=', regex: '*=' } as const;
/** One filter operator. */
export type FilterOp = keyof typeof FilterOps;

/** Page size when the client sends no `limit`. */
export const DEFAULT_LIMIT = 100;
/** Largest `limit` accepted; a larger one is refused (400), not silently clamped. */
export const MAX_LIMIT = 1000;

// TMF630 query parameters Spine does not implement: as attribute filters they would match nothing, silently.
const UNSUPPORTED_PARAMS: Record<string, string> = {
  filter: 'JSONPath filtering (TMF630 Part 5) is not supported: filter on attributes, e.g. state=completed or relatedParty.id=…',
  expand: 'expanding entity references (TMF630 Part 6) is not supported: GET the referred entity by its href',
  depth: 'expanding entity references (TMF630 Part 6) is not supported: GET the referred entity by its href',
};

const MAX_FILTERS = 30;
const ATTRIBUTE_NAME = /^[A-Za-z0-9_@-]+$/;
const SYMBOL_CHAR = /[<>!*=]/;
// Longest symbols first, so `>=` wins over `>`.
const SYMBOLS = (Object.entries(FilterOps) as Array<[FilterOp, string]>).sort(([, a], [, b]) => b.length - a.length);

type RawValue = string | string[] | undefined;

/** Parses a request's query parameters (as a standard parser delivers them) into a ListQuery; bad ones are INVALID_QUERY. */
export function parseListQuery(query: Record<string, RawValue>): ListQuery {
  const { fields, sort, offset, limit, ...rest } = query;
  const unsupported = Object.keys(rest).find((key) => Object.hasOwn(UNSUPPORTED_PARAMS, key));
  if (unsupported !== undefined) throw invalid(`parameter "${unsupported}": ${UNSUPPORTED_PARAMS[unsupported]}`);
  const given = Object.entries(rest).filter(
    (entry): entry is [string, string | string[]] => entry[0] !== '' && entry[1] !== undefined,
  );
  if (given.length > MAX_FILTERS) {
    throw invalid(`filter parameter "${given[MAX_FILTERS]![0]}" exceeds the limit of ${MAX_FILTERS} filter parameters`);
  }
  return {
    filters: given.map(([key, raw]) => parseFilter(key, [raw].flat())),
    ...(fields === undefined ? {} : { fields: listParam(fields).map((field) => attributePath('fields', field).join('.')) }),
    sort: listParam(sort ?? []).map(parseSortKey),
    offset: integerParam('offset', offset, 0, Number.MAX_SAFE_INTEGER, 'a whole number ≥ 0'),
    limit: integerParam('limit', limit, DEFAULT_LIMIT, MAX_LIMIT, `a whole number from 1 to ${MAX_LIMIT}`),
  };
}

function parseFilter(key: string, raws: string[]): Filter {
  const { attribute, op, values } = splitOperator(key, raws);
  const path = attributePath(key, attribute);
  if (op === 'regex') {
    const patterns = values.map(unquote);
    for (const pattern of patterns) {
      const problem = regexProblem(pattern);
      if (problem) throw invalid(`filter parameter "${key}": the regex ${problem}`);
    }
    return { path, op, values: patterns }; // a comma is regex syntax here (`a{1,3}`); OR within one regex is `|`
  }
  return { path, op, values: values.flatMap(splitValues) };
}

// Finds the operator of a filter key. Suffix form: `orderDate.gte`. Symbol forms, as a standard
// query-string parser delivers them: `orderDate>=X` arrives as key `orderDate>` with value `X` (the `=`
// was taken as the separator); `orderDate>X` or an encoded `orderDate%3E%3DX` arrives whole in the key.
function splitOperator(key: string, raws: string[]): { attribute: string; op: FilterOp; values: string[] } {
  const at = key.search(SYMBOL_CHAR);
  if (at < 0) {
    const suffix = key.slice(key.lastIndexOf('.') + 1);
    return key.includes('.') && Object.hasOwn(FilterOps, suffix)
      ? { attribute: key.slice(0, key.lastIndexOf('.')), op: suffix as FilterOp, values: raws }
      : { attribute: key, op: 'eq', values: raws };
  }
  const attribute = key.slice(0, at);
  const tail = key.slice(at);
  if (tail.length === 1) {
    const separated = SYMBOLS.find(([, symbol]) => symbol === `${tail}=`);
    if (separated) return { attribute, op: separated[0], values: raws };
  }
  const inline = SYMBOLS.find(([, symbol]) => tail.startsWith(symbol));
  if (!inline) throw invalid(`filter parameter "${key}" has an unknown operator`);
  const head = tail.slice(inline[1].length);
  return { attribute, op: inline[0], values: raws.map((raw) => (raw === '' ? head : `${head}=${raw}`)) };
}

function attributePath(param: string, dotted: string): string[] {
  const path = dotted.split('.');
  if (path.includes('')) throw invalid(`parameter "${param}" has an empty attribute name in "${dotted}"`);
  const bad = path.find((name) => !ATTRIBUTE_NAME.test(name));
  if (bad !== undefined) throw invalid(`parameter "${param}" names "${bad}", which is not an attribute name`);
  return path;
}

function parseSortKey(item: string): SortKey {
  // `+name` usually arrives as ` name` (a `+` in a query string decodes to a space); listParam trims it.
  const descending = item.startsWith('-');
  return { path: attributePath('sort', item.replace(/^[-+]/, '')), descending };
}

function listParam(raw: string | string[]): string[] {
  return [raw]
    .flat()
    .flatMap((value) => value.split(','))
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function integerParam(param: 'offset' | 'limit', raw: RawValue, fallback: number, max: number, expected: string): number {
  if (raw === undefined) return fallback;
  if (Array.isArray(raw)) throw invalid(`${param} may be given only once`);
  const value = /^\d+$/.test(raw) ? Number(raw) : NaN;
  const min = param === 'limit' ? 1 : 0;
  if (!(value >= min && value <= max)) throw invalid(`${param} must be ${expected}, got "${raw.slice(0, 40)}"`);
  return value;
}

// Splits `a,b` into OR-ed values; a comma inside double quotes stays (`"Smith, J",x`), quotes are dropped.
function splitValues(text: string): string[] {
  const items = [''];
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    if (char === ',' && !quoted) items.push('');
    else items[items.length - 1] += char;
  }
  return items.map(unquote);
}

// CTKs send dates quoted: `orderDate="2026-05-01T10:00:00Z"`.
function unquote(text: string): string {
  return text.length >= 2 && text.startsWith('"') && text.endsWith('"') ? text.slice(1, -1) : text;
}

function invalid(message: string): TmfError {
  return new TmfError('INVALID_QUERY', message);
}
