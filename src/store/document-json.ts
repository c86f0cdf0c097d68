// A document a write stores is usually stored again at once: a PATCH's result is the resource row, the
// payload of its StateChange and AttributeValueChange events and the response of the exchange that
// asked for it. Each of those writes takes its JSON from here, so the document is serialized once.
// The JSON can only be reused while the document cannot change, so a document is deep-frozen when it
// is first serialized: a later write to it throws instead of leaving rows that disagree with it.

const serialized = new WeakMap<object, string>();

/** The JSON of `value`, the same as JSON.stringify's; plain objects and arrays are frozen, deeply, on the way. */
export function documentJson(value: unknown): string {
  if (value === null || typeof value !== 'object' || !freezeDeep(value)) return JSON.stringify(value);
  let json = serialized.get(value);
  if (json === undefined) {
    json = JSON.stringify(value);
    serialized.set(value, json);
  }
  return json;
}

/** True once `documentJson` or `parseDocument` has frozen and serialized this document: readers may share it. */
export const isFrozenDocument = (value: object): boolean => serialized.has(value);

/** The document a stored JSON text holds, frozen, its JSON already known. */
export function parseDocument(json: string): unknown {
  const value: unknown = JSON.parse(json);
  if (value !== null && typeof value === 'object' && freezeDeep(value)) serialized.set(value, json);
  return value;
}

// Freezes plain objects and arrays all the way down; false (nothing memoized) when something inside
// is neither (a Date, a Map), whose JSON could change however frozen its holder is. A plain object or
// array found frozen already is taken as frozen all the way down, as this leaves it.
function freezeDeep(value: object): boolean {
  if (Array.isArray(value)) {
    if (Object.isFrozen(value)) return true;
    for (const child of value) if (typeof child === 'object' && child !== null && !freezeDeep(child)) return false;
  } else {
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return false;
    if (Object.isFrozen(value)) return true;
    for (const key in value) {
      const child: unknown = (value as Record<string, unknown>)[key];
      if (typeof child === 'object' && child !== null && !freezeDeep(child)) return false;
    }
  }
  Object.freeze(value);
  return true;
}
