import { isPrototypeKey } from "@/lib/objects/safe-keys";
import { readWholeNumber } from "./whole-number";

/**
 * The desk's one form parser: turns a form into the plain object an input
 * schema checks, in the browser before a save is sent.
 * Names are dotted paths ("offices.0.title" → offices[0].title); a name ending
 * in "[]", or named in `lists`, always gives a list (checkbox groups, repeated
 * hidden inputs of a multi-picker), so an empty group sends []. React's own
 * `$ACTION_…` fields are dropped; anything else unknown is kept so the strict
 * schema can refuse it. A name with a prototype key in its path ("__proto__.x",
 * "constructor.prototype.x") is never walked: it is kept whole as one unknown
 * field, which the strict schema refuses.
 */
export function formDataToObject(formData: FormData, options: { omit?: string[]; lists?: string[] } = {}): Record<string, unknown> {
  return compactArrays(formTree(formData, options)) as Record<string, unknown>;
}

/**
 * The names in the form of the fields that `errors` name by their place in what
 * formDataToObject read: rows it closed up over (a source left blank, a participant
 * row with no name chosen) are counted back in, so that "sources.1.url" of a form
 * whose second source was left blank is the third source's field, "sources.2.url",
 * and each error shows beside the row it is about.
 */
export function formErrorsOf(formData: FormData, errors: Record<string, string[]>, options: { omit?: string[]; lists?: string[] } = {}): Record<string, string[]> {
  const tree = formTree(formData, options);
  return Object.fromEntries(Object.entries(errors).map(([path, messages]) => [formNameOf(tree, path), messages]));
}

function formNameOf(tree: unknown, path: string): string {
  const names: string[] = [];
  let node: unknown = tree;
  for (const segment of path.split(".")) {
    if (Array.isArray(node) && /^\d+$/.test(segment)) {
      const kept = node.flatMap((row, index) => (row === undefined || isBlankRow(row) ? [] : [{ row, index }]));
      const found = kept[Number(segment)];
      if (!found) return path;
      names.push(String(found.index));
      node = found.row;
    } else {
      names.push(segment);
      node = node !== null && typeof node === "object" && !Array.isArray(node) && Object.hasOwn(node, segment) ? (node as Record<string, unknown>)[segment] : undefined;
    }
  }
  return names.join(".");
}

/** The form's fields as a tree, rows at the places the form numbered them (holes and blank rows kept). */
function formTree(formData: FormData, options: { omit?: string[]; lists?: string[] }): Record<string, unknown> {
  const { omit = [], lists = [] } = options;
  const root: Record<string, unknown> = {};
  for (const list of lists) if (!isPrototypeKey(list)) root[list] = [];
  for (const [rawKey, value] of formData.entries()) {
    if (rawKey.startsWith("$ACTION") || omit.includes(rawKey)) continue;
    if (typeof value !== "string") continue;
    if (lists.includes(rawKey)) {
      // An untouched chooser in a list sends "", which means "nothing chosen".
      if (value !== "") (root[rawKey] as unknown[]).push(value);
      continue;
    }
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
      const key: string | number = Array.isArray(node) ? (readWholeNumber(part) ?? -1) : part;
      if (Array.isArray(node) && ((key as number) < 0 || (key as number) > 500)) break;
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
  return root;
}

/** A repeating row left entirely blank (the empty source a new form offers) means nothing. */
const isBlankRow = (v: unknown) => typeof v === "object" && v !== null && !Array.isArray(v) && Object.values(v).every((x) => x === "");

/** Rows removed in the form leave holes in the indexes; close them, and drop blank rows. */
function compactArrays(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => v !== undefined && !isBlankRow(v)).map(compactArrays);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, compactArrays(v)]));
  }
  return value;
}
