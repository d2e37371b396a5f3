import { isPrototypeKey } from "@/lib/objects/safe-keys";

/**
 * Turns a submitted form into the plain object an input schema checks.
 * Names are dotted paths ("offices.0.title" → offices[0].title); a name ending
 * in "[]" always gives a list (repeated hidden inputs of a multi-picker).
 * React's own `$ACTION_…` fields are dropped; anything else unknown is kept so
 * the strict schema can refuse it. A name with a prototype key in its path
 * ("__proto__.x", "constructor.prototype.x") is never walked: it is kept whole
 * as one unknown field, which the strict schema refuses.
 */
export function formDataToObject(formData: FormData, omit: string[] = []): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [rawKey, value] of formData.entries()) {
    if (rawKey.startsWith("$ACTION") || omit.includes(rawKey)) continue;
    if (typeof value !== "string") continue;
    const isList = rawKey.endsWith("[]");
    const parts = (isList ? rawKey.slice(0, -2) : rawKey).split(".");
    if (parts.some(isPrototypeKey)) {
      Object.defineProperty(root, rawKey, { value, enumerable: true, writable: true, configurable: true });
      continue;
    }
    let node: Record<string, unknown> | unknown[] = root;
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i]!;
      const isLast = i === parts.length - 1;
      const key: string | number = Array.isArray(node) ? Number(part) : part;
      if (Array.isArray(node) && (!Number.isInteger(key) || (key as number) < 0 || (key as number) > 500)) break;
      const container = node as Record<string | number, unknown>;
      if (isLast) {
        if (isList) {
          const list = (container[key] as unknown[] | undefined) ?? [];
          list.push(value);
          container[key] = list;
        } else {
          container[key] = value;
        }
      } else {
        const nextIsIndex = /^\d+$/.test(parts[i + 1]!);
        if (container[key] === undefined) container[key] = nextIsIndex ? [] : {};
        node = container[key] as Record<string, unknown> | unknown[];
      }
    }
  }
  return compactArrays(root) as Record<string, unknown>;
}

/** Rows removed in the form leave holes in the indexes; close them. */
function compactArrays(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => v !== undefined).map(compactArrays);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, compactArrays(v)]));
  }
  return value;
}
