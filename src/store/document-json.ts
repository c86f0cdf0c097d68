// A document a write stores is usually stored again at once: a PATCH's result is the resource row, the
// payload of its StateChange and AttributeValueChange events and the response of the exchange that
// asked for it. Each of those writes takes its JSON from here, so the document is serialized once.
// The JSON can only be reused while the document cannot change, so a document is deep-frozen when it
// is first serialized: a later write to it throws instead of leaving rows that disagree with it.

const serialized = new WeakMap<object, string>();
const frozen = new WeakSet<object>();

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

// Freezes plain objects and arrays all the way down; false (nothing memoized) when something inside
// is neither (a Date, a Map), whose JSON could change however frozen its holder is.
function freezeDeep(value: object): boolean {
  if (frozen.has(value)) return true;
  const proto = Object.getPrototypeOf(value);
  if (!Array.isArray(value) && proto !== Object.prototype && proto !== null) return false;
  for (const child of Object.values(value)) {
    if (child !== null && typeof child === 'object' && !freezeDeep(child)) return false;
  }
  Object.freeze(value);
  frozen.add(value);
  return true;
}
