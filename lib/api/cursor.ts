import { QueryParameterError } from "./list-query";

/**
 * Keyset cursors: the (date, id) of the row a page starts after (or before).
 * They only say where to resume in already-public data, so they are validated
 * strictly rather than signed; anything that does not decode is a 400.
 */
export interface Cursor {
  direction: "after" | "before";
  /** YYYY-MM-DD, or null for a dateless (to be announced) item. */
  date: string | null;
  id: string;
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function encodeCursor(cursor: Cursor): string {
  const raw = `${cursor.direction === "after" ? "a" : "b"}|${cursor.date ?? ""}|${cursor.id}`;
  return Buffer.from(raw, "utf8").toString("base64url");
}

export function decodeCursor(value: string): Cursor {
  const invalid = () => new QueryParameterError("cursor", '"cursor" is not a valid cursor: use the link from the previous page');
  if (!/^[A-Za-z0-9_-]+$/.test(value)) throw invalid();
  const parts = Buffer.from(value, "base64url").toString("utf8").split("|");
  if (parts.length !== 3) throw invalid();
  const [direction, date, id] = parts as [string, string, string];
  if (direction !== "a" && direction !== "b") throw invalid();
  if (date !== "" && (!DATE.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`)))) throw invalid();
  if (!ID.test(id)) throw invalid();
  return { direction: direction === "a" ? "after" : "before", date: date === "" ? null : date, id };
}
