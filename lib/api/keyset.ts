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
  /**
   * Only one country's or one topic's rows, walked in its part of that filter's index
   * (`FILTER_INDEX`, alias `k`) instead of the table's date index: its newest published
   * rows are that index's first entries, whatever its share of the record. The index
   * keeps each row's date[, order of the day] and published flag (database triggers),
   * so the keys, their order and the cursors are the table's own.
   */
  walk?: FilterWalk;
}

/** The part of a filter's index a list walks: a country's (by its code) or a topic's (by its slug). */
export interface FilterWalk {
  by: "country" | "topic";
  value: string;
}

/**
 * Each table's rows by country and by topic, with each row's published flag and date,
 * kept by triggers (prisma/schema.prisma): an event's countries (its own, its
 * participants', a participating person's or organization's), a statement's (each it is
 * tagged with, and its speaker's); each topic's links.
 */
export const FILTER_INDEX: Record<FilterWalk["by"], Record<KeysetSource["table"], { table: string; id: string }>> = {
  country: {
    Event: { table: "EventCountry", id: "eventId" },
    Statement: { table: "StatementConcern", id: "statementId" },
  },
  topic: {
    Event: { table: "EventTopic", id: "eventId" },
    Statement: { table: "StatementTopic", id: "statementId" },
  },
};

/** The walked part of a filter's index (alias `k`): its published entries for the country or the topic. */
export function walkedPart(walk: FilterWalk): Prisma.Sql {
  return walk.by === "country"
    ? Prisma.sql`k."countryId" = ${walk.value} AND k.published`
    : Prisma.sql`k."topicId" = (SELECT tp.id FROM "Topic" tp WHERE tp.slug = ${walk.value}) AND k.published`;
}

/** The joined index entries and rows a walk reads: `k` the filter's index, `t` the table. */
export function walkedRows(table: KeysetSource["table"], walk: FilterWalk): Prisma.Sql {
  const index = FILTER_INDEX[walk.by][table];
  return Prisma.raw(`"${index.table}" k JOIN "${table}" t ON t.id = k."${index.id}"`);
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
  // The keys are read from the index walked: a filter index's copies, or the table's own.
  const index = source.walk ? FILTER_INDEX[source.walk.by][source.table] : null;
  const alias = index ? "k" : "t";
  const dateName = `${alias}."${source.dateColumn}"`;
  const posName = orderName ? `${alias}."${orderName}"` : null;
  const idName = index ? `k."${index.id}"` : "t.id";
  const date = Prisma.raw(dateName);
  const pos = posName ? Prisma.raw(posName) : null;
  const id = Prisma.raw(idName);
  return {
    /** The rows walked, and the conditions that walking them adds. */
    from: source.walk ? walkedRows(source.table, source.walk) : Prisma.raw(`"${source.table}" t`),
    walked: source.walk ? [walkedPart(source.walk)] : [],
    id,
    date,
    /** The position column as a value to select (0 where there is none). */
    order: pos ?? Prisma.raw("0"),
    /** `(date, [position,] id)` and the same for a cursor, for row comparisons. */
    key: (withDate: boolean) => Prisma.raw([withDate ? dateName : null, posName, idName].filter(Boolean).join(", ")),
    cursorKey: (cursor: Cursor, withDate: boolean) =>
      Prisma.join([...(withDate ? [Prisma.sql`${cursor.date}::date`] : []), ...(pos ? [Prisma.sql`${cursor.order ?? 0}`] : []), Prisma.sql`${cursor.id}`]),
    orderBy: (direction: "desc" | "asc") =>
      direction === "desc"
        ? pos
          ? Prisma.sql`${date} DESC NULLS FIRST, ${pos} DESC, ${id} DESC`
          : Prisma.sql`${date} DESC NULLS FIRST, ${id} DESC`
        : pos
          ? Prisma.sql`${date} ASC NULLS LAST, ${pos} ASC, ${id} ASC`
          : Prisma.sql`${date} ASC NULLS LAST, ${id} ASC`,
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
  const conditions = [...cols.walked, ...source.where, ...extra];
  if (nullsOnly) conditions.push(Prisma.sql`${cols.date} IS NULL`);
  const where = conditions.length ? Prisma.join(conditions, " AND ") : Prisma.sql`TRUE`;
  return queryRows<KeysetRow>(db, Prisma.sql`SELECT ${cols.id} AS id, ${cols.date} AS "date", ${cols.order}::int AS "order" FROM ${cols.from} WHERE ${where} ORDER BY ${cols.orderBy(order)} LIMIT ${limit}`);
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
  const conditions = [...cols.walked, ...source.where];
  const where = conditions.length ? Prisma.join(conditions, " AND ") : Prisma.sql`TRUE`;
  const rows = await db.$queryRaw<KeysetRow[]>`SELECT ${cols.id} AS id, ${cols.date} AS "date" FROM ${cols.from} WHERE ${where} ORDER BY ${cols.orderBy("desc")} LIMIT ${options.limit} OFFSET ${options.offset}`;
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
