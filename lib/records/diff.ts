export interface FieldChange {
  /** Dotted path, e.g. "title" or "sources.0.url". */
  path: string;
  before: unknown;
  after: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
/** Forms send "" where snapshots hold null or nothing: all three mean an empty field. */
const isEmpty = (v: unknown) => v === undefined || v === null || v === "";

/** Field-by-field differences between two revision snapshots (JSON values). */
export function diffSnapshots(before: unknown, after: unknown, prefix = ""): FieldChange[] {
  if (Object.is(before, after) || (isEmpty(before) && isEmpty(after))) return [];
  if (Array.isArray(before) && Array.isArray(after)) {
    // A list of plain values (topic ids, member countries) is a set: a new order is not a change.
    if ([...before, ...after].every((v) => v === null || typeof v !== "object")) {
      const key = (list: unknown[]) => JSON.stringify(list.map((v) => JSON.stringify(v)).sort());
      return key(before) === key(after) ? [] : [{ path: prefix || "(value)", before, after }];
    }
    const changes: FieldChange[] = [];
    for (let i = 0; i < Math.max(before.length, after.length); i++) {
      changes.push(...diffSnapshots(before[i], after[i], prefix ? `${prefix}.${i}` : String(i)));
    }
    return changes;
  }
  if (isObject(before) && isObject(after)) {
    // A row's id (an agreement's treaty action) is which row it is, not a value the editor changed.
    const inRow = /(^|\.)\d+$/.test(prefix);
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((key) => !(inRow && key === "id")).sort();
    return keys.flatMap((key) => diffSnapshots(before[key], after[key], prefix ? `${prefix}.${key}` : key));
  }
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  return [{ path: prefix || "(value)", before, after }];
}
