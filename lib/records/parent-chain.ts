/**
 * Walks up a record's parent chain from the parent an editor chose, reading one
 * row at a time: "missing" when that parent does not exist, "meets-self" when the
 * chain reaches the record being edited (a loop), "goes-round" when it meets a
 * row it has seen already, "ok" when it ends. A missing row further up ends it.
 */
export async function walkParentChain(options: {
  start: string;
  self: string | null;
  parentOf: (id: string) => Promise<{ parentId: string | null } | null>;
}): Promise<"ok" | "missing" | "meets-self" | "goes-round"> {
  let cursor: string | null = options.start;
  const seen = new Set<string>();
  while (cursor) {
    if (cursor === options.self) return "meets-self";
    if (seen.has(cursor)) return "goes-round";
    seen.add(cursor);
    const row = await options.parentOf(cursor);
    if (!row) return cursor === options.start ? "missing" : "ok";
    cursor = row.parentId;
  }
  return "ok";
}
