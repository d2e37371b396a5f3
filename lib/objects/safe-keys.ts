/**
 * Names that reach an object's prototype when used as a property key. A parser
 * that builds objects from names chosen by a client (form fields, JSON keys,
 * query parameters) must never assign to one of these: `obj["__proto__"] = …`
 * rewrites the prototype, and a nested write through it pollutes
 * `Object.prototype` for the whole process.
 */
const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

export function isPrototypeKey(key: string): boolean {
  return PROTOTYPE_KEYS.has(key);
}

export class PrototypeKeyError extends Error {
  constructor(readonly key: string) {
    super(`A key may not be named "${key}".`);
    this.name = "PrototypeKeyError";
  }
}

/**
 * JSON.parse that refuses any object key naming a prototype. JSON.parse itself
 * defines such keys as own properties (harmless there), but the object is then
 * walked, spread and merged by code that would follow them.
 */
export function parseJsonWithoutPrototypeKeys(text: string): unknown {
  return JSON.parse(text, function (key, value: unknown) {
    if (isPrototypeKey(key)) throw new PrototypeKeyError(key);
    return value;
  });
}

/** Groups messages by key without ever touching a prototype through a key. */
export function groupMessages(entries: Iterable<readonly [string, string]>): Record<string, string[]> {
  const grouped = new Map<string, string[]>();
  for (const [key, message] of entries) {
    const list = grouped.get(key);
    if (list) list.push(message);
    else grouped.set(key, [message]);
  }
  // fromEntries defines own properties, so even "__proto__" stays a plain key.
  return Object.fromEntries(grouped);
}
