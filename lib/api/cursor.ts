import { parseDateBound, QueryParameterError } from "./list-query";

/**
 * Keyset cursors: the (date, position within the day, id) of the row a page starts
 * after (or before). Cursors written before events had a position (three parts)
 * still decode, at position 0.
 * They only say where to resume in already-public data, so they are validated
 * strictly rather than signed; anything that does not decode is a 400.
 */
export interface Cursor {
  direction: "after" | "before";
  /** YYYY-MM-DD, or null for a dateless (to be announced) item. */
  date: string | null;
  /** Position within the day (events); 0 where the list has none. */
  order?: number;
  id: string;
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const ORDER = /^\d{1,9}$/;

export function encodeCursor(cursor: Cursor): string {
  const head = `${cursor.direction === "after" ? "a" : "b"}|${cursor.date ?? ""}`;
  const raw = cursor.order === undefined ? `${head}|${cursor.id}` : `${head}|${cursor.order}|${cursor.id}`;
  return Buffer.from(raw, "utf8").toString("base64url");
}

export function decodeCursor(value: string): Cursor {
  const invalid = () => new QueryParameterError("cursor", '"cursor" is not a valid cursor: use the link from the previous page');
  if (!/^[A-Za-z0-9_-]+$/.test(value)) throw invalid();
  const parts = Buffer.from(value, "base64url").toString("utf8").split("|");
  if (parts.length !== 3 && parts.length !== 4) throw invalid();
  const [direction, date] = parts as [string, string];
  const order = parts.length === 4 ? parts[2]! : "0";
  const id = parts[parts.length - 1]!;
  if (direction !== "a" && direction !== "b") throw invalid();
  // The date goes to PostgreSQL as written (`::date`): a day that is not one (2024-02-30, which
  // Date.parse rolls over to March, or year 0000) must stop here, not fail the query (a 500).
  if (date !== "" && (!DATE.test(date) || !parseDateBound(date))) throw invalid();
  if (!ORDER.test(order)) throw invalid();
  if (!ID.test(id)) throw invalid();
  return { direction: direction === "a" ? "after" : "before", date: date === "" ? null : date, order: Number(order), id };
}
