// TMF630 attribute selection (`?fields=state,productOrderItem.id`).

import { isPlainObject } from '../merge-patch.js';

// Kept in every projection: the RI and the CTKs expect `id` and `href`; v5 examples keep `@type`.
const ALWAYS_SELECTED = ['id', 'href', '@type'];

// Which attributes to keep: `all` keeps the whole value, a nested selection keeps parts of it.
type Selection = Map<string, Selection | 'all'>;

/**
 * A document reduced to the selected first-level attributes plus `id`, `href` and `@type` (undefined: the whole
 * document). A dotted name keeps part of an attribute: `productOrderItem.id` keeps only `id` in each item.
 */
export function projectFields(doc: Record<string, unknown>, fields: readonly string[] | undefined): Record<string, unknown> {
  return fields === undefined ? doc : projectObject(doc, selectionOf([...ALWAYS_SELECTED, ...fields]));
}

function selectionOf(fields: readonly string[]): Selection {
  const root: Selection = new Map();
  for (const field of fields) select(root, field.split('.'));
  return root;
}

// Adds one dotted name; selecting a whole attribute absorbs any parts of it, before or after.
function select(selection: Selection, [name, ...rest]: string[]): void {
  const current = selection.get(name);
  if (rest.length === 0) selection.set(name, 'all');
  else if (current !== 'all') {
    const child: Selection = current ?? new Map();
    selection.set(name, child);
    select(child, rest);
  }
}

function projectObject(object: Record<string, unknown>, selection: Selection): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(object).flatMap(([name, value]) => {
      const selected = selection.get(name);
      if (selected === undefined) return [];
      const kept = selected === 'all' ? value : projectValue(value, selected);
      return kept === undefined ? [] : [[name, kept]];
    }),
  );
}

// Parts of a value: each element of an array, the selected attributes of an object, nothing of a scalar.
function projectValue(value: unknown, selection: Selection): unknown {
  if (Array.isArray(value)) return value.map((item) => projectValue(item, selection)).filter((item) => item !== undefined);
  return isPlainObject(value) ? projectObject(value, selection) : undefined;
}
