import { isPrototypeKey } from "@/lib/objects/safe-keys";

/**
 * Reads a desk form into the nested object its zod schema expects. Controls are
 * named by dotted path ("sources.0.url"); `lists` names the fields that are
 * always arrays (checkbox groups, repeating rows), so an empty group sends [].
 */
export function readFormValues(form: HTMLFormElement, lists: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const list of lists) out[list] = [];
  for (const [name, raw] of new FormData(form).entries()) {
    if (typeof raw !== "string" || name.startsWith("_")) continue;
    const path = name.split(".");
    // Our forms never name a field after a prototype key; never walk one.
    if (path.some(isPrototypeKey)) continue;
    if (path.length === 1 && lists.includes(name)) {
      // An untouched chooser in a list sends "", which means "nothing chosen".
      if (raw !== "") (out[name] as unknown[]).push(raw);
      continue;
    }
    let cursor: Record<string, unknown> | unknown[] = out;
    path.forEach((segment, i) => {
      const last = i === path.length - 1;
      const key: string | number = /^\d+$/.test(segment) ? Number(segment) : segment;
      const container = cursor as Record<string | number, unknown>;
      if (last) container[key] = raw;
      else {
        container[key] ??= /^\d+$/.test(path[i + 1]!) ? [] : {};
        cursor = container[key] as Record<string, unknown>;
      }
    });
  }
  // Removed rows leave holes, and a row left entirely blank (the empty source
  // offered on a new form) means nothing: the server gets dense, meaningful arrays.
  const isBlankRow = (v: unknown) => typeof v === "object" && v !== null && Object.values(v).every((x) => x === "");
  for (const list of lists) {
    if (Array.isArray(out[list])) out[list] = (out[list] as unknown[]).filter((v) => v !== undefined && !isBlankRow(v));
  }
  return out;
}

/** The value at a dotted path of a nested object, for showing "yours" beside "theirs". */
export function valueAt(source: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((node, key) => (node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined), source);
}

/** A value as one readable line for diff tables. */
export function showValue(value: unknown): string {
  if (value === undefined || value === null || value === "") return "—";
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}
