import { Prisma, queryRows, type Db } from "@/lib/db/client";
import { encodeCursor, type Cursor } from "./cursor";

/**
 * Keyset paging over (date DESC NULLS FIRST, [dayOrder DESC,] id DESC) — exactly the
 * order of the (status, date DESC, [dayOrder DESC,] id DESC) indexes, so page 1000
 * costs what page 1 costs and a row inserted while someone pages never shifts or
 * repeats what they see. Events of one day follow their position within the day
 * (lib/events/event-order.ts states the rule); statements have no such position.
 * Dateless rows (scheduled, date to be announced) sort first, as PostgreSQL puts
 * NULLs first in a DESC index.
 */
export interface KeysetSource {
  /** Fixed identifiers, never user input. */
  table: "Event" | "Statement";
  dateColumn: "date" | "saidOn";
  /** Conditions on alias `t`, already including the PUBLISHED filter. */
  where: Prisma.Sql[];
}

export interface KeysetRow {
  id: string;
  date: Date | null;
  order: number;
}

/** The within-day position column of each table, if it has one. */
const ORDER_COLUMN: Record<KeysetSource["table"], string | null> = { Event: "dayOrder", Statement: null };

function columns(source: KeysetSource) {
  const orderName = ORDER_COLUMN[source.table];
  const date = Prisma.raw(`t."${source.dateColumn}"`);
  const pos = orderName ? Prisma.raw(`t."${orderName}"`) : null;
  return {
    date,
    /** The position column as a value to select (0 where there is none). */
    order: pos ?? Prisma.raw("0"),
    /** `(date, [position,] id)` and the same for a cursor, for row comparisons. */
    key: (withDate: boolean) => Prisma.raw([withDate ? `t."${source.dateColumn}"` : null, orderName ? `t."${orderName}"` : null, "t.id"].filter(Boolean).join(", ")),
    cursorKey: (cursor: Cursor, withDate: boolean) =>
      Prisma.join([...(withDate ? [Prisma.sql`${cursor.date}::date`] : []), ...(pos ? [Prisma.sql`${cursor.order ?? 0}`] : []), Prisma.sql`${cursor.id}`]),
    orderBy: (direction: "desc" | "asc") =>
      direction === "desc"
        ? pos
          ? Prisma.sql`${date} DESC NULLS FIRST, ${pos} DESC, t.id DESC`
          : Prisma.sql`${date} DESC NULLS FIRST, t.id DESC`
        : pos
          ? Prisma.sql`${date} ASC NULLS LAST, ${pos} ASC, t.id ASC`
          : Prisma.sql`${date} ASC NULLS LAST, t.id ASC`,
  };
}

export interface KeysetPage {
  ids: string[];
  next: string | null;
  prev: string | null;
}

const dayOf = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

async function select(db: Db, source: KeysetSource, extra: Prisma.Sql[], order: "desc" | "asc", limit: number, nullsOnly = false) {
  const cols = columns(source);
  const conditions = [...source.where, ...extra];
  if (nullsOnly) conditions.push(Prisma.sql`${cols.date} IS NULL`);
  const where = conditions.length ? Prisma.join(conditions, " AND ") : Prisma.sql`TRUE`;
  return queryRows<KeysetRow>(db, Prisma.sql`SELECT t.id, ${cols.date} AS "date", ${cols.order}::int AS "order" FROM ${Prisma.raw(`"${source.table}"`)} t WHERE ${where} ORDER BY ${cols.orderBy(order)} LIMIT ${limit}`);
}

export async function keysetPage(db: Db, source: KeysetSource, options: { cursor?: Cursor; limit: number }): Promise<KeysetPage> {
  const { cursor, limit } = options;
  const cols = columns(source);
  const col = cols.date;
  let rows: KeysetRow[];
  let hasNext: boolean;
  let hasPrev: boolean;

  if (!cursor || cursor.direction === "after") {
    const extra: Prisma.Sql[] = [];
    if (cursor?.date === null) extra.push(Prisma.sql`((${col} IS NULL AND (${cols.key(false)}) < (${cols.cursorKey(cursor, false)})) OR ${col} IS NOT NULL)`);
    else if (cursor) extra.push(Prisma.sql`(${cols.key(true)}) < (${cols.cursorKey(cursor, true)})`);
    const found = await select(db, source, extra, "desc", limit + 1);
    hasNext = found.length > limit;
    rows = found.slice(0, limit);
    hasPrev = Boolean(cursor);
  } else {
    // Walk the index backwards from the cursor, then turn the page round.
    let found: KeysetRow[];
    if (cursor.date === null) {
      found = await select(db, source, [Prisma.sql`(${cols.key(false)}) > (${cols.cursorKey(cursor, false)})`], "asc", limit + 1, true);
    } else {
      found = await select(db, source, [Prisma.sql`(${cols.key(true)}) > (${cols.cursorKey(cursor, true)})`], "asc", limit + 1);
      if (found.length <= limit) {
        found = found.concat(await select(db, source, [], "asc", limit + 1 - found.length, true));
      }
    }
    hasPrev = found.length > limit;
    rows = found.slice(0, limit).reverse();
    hasNext = true;
  }

  const first = rows[0];
  const last = rows[rows.length - 1];
  const ordered = ORDER_COLUMN[source.table] !== null;
  const cursorOf = (direction: "after" | "before", row: KeysetRow) =>
    encodeCursor({ direction, date: dayOf(row.date), ...(ordered ? { order: Number(row.order) } : {}), id: row.id });
  return {
    ids: rows.map((r) => r.id),
    next: hasNext && last ? cursorOf("after", last) : null,
    prev: hasPrev && first ? cursorOf("before", first) : null,
  };
}

/** Plain OFFSET paging, kept only so the benchmark can show what keyset paging saves. */
export async function offsetPage(db: Db, source: KeysetSource, options: { offset: number; limit: number }): Promise<string[]> {
  const cols = columns(source);
  const where = source.where.length ? Prisma.join(source.where, " AND ") : Prisma.sql`TRUE`;
  const rows = await db.$queryRaw<KeysetRow[]>`SELECT t.id, ${cols.date} AS "date" FROM ${Prisma.raw(`"${source.table}"`)} t WHERE ${where} ORDER BY ${cols.orderBy("desc")} LIMIT ${options.limit} OFFSET ${options.offset}`;
  return rows.map((r) => r.id);
}

/** Returns rows in the order of `ids` (findMany with `in` does not keep it). */
export function inOrder<T extends { id: string }>(ids: string[], rows: T[]): T[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [row] : [];
  });
}
