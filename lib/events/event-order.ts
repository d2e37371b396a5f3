/**
 * The one order of events, everywhere they are listed (pages, feeds, API, CSV):
 * by date, then by position within the day (`dayOrder`: the order of local times
 * where a source gives them, otherwise the editor's), then by id so that the order
 * is total. Keyset paging (lib/api/keyset.ts) walks the same columns, and the
 * (status, date, dayOrder, id) index serves it.
 */
import { Prisma } from "@/lib/generated/prisma/client";

/** Newest first; dateless (date to be announced) events lead, as in a DESC index. */
export const EVENTS_NEWEST_FIRST = [
  { date: { sort: "desc", nulls: "first" } },
  { dayOrder: "desc" },
  { id: "desc" },
] satisfies Prisma.EventOrderByWithRelationInput[];

/** EVENTS_NEWEST_FIRST in SQL, for raw queries on an Event aliased `alias`. */
export const eventsNewestFirstSql = (alias: string) => Prisma.raw(`${alias}.date DESC NULLS FIRST, ${alias}."dayOrder" DESC, ${alias}.id DESC`);

/** Oldest first, as a timeline reads; dateless events come last. */
export const EVENTS_OLDEST_FIRST = [
  { date: { sort: "asc", nulls: "last" } },
  { dayOrder: "asc" },
  { id: "asc" },
] satisfies Prisma.EventOrderByWithRelationInput[];

/** EVENTS_OLDEST_FIRST in SQL, for raw queries on an Event aliased `alias`. */
export const eventsOldestFirstSql = (alias: string) => Prisma.raw(`${alias}.date ASC NULLS LAST, ${alias}."dayOrder" ASC, ${alias}.id ASC`);

/** The same order through a relation (a participation's event, …), newest first. */
export const EVENTS_NEWEST_FIRST_VIA = (relation: "event") =>
  EVENTS_NEWEST_FIRST.map((term) => ({ [relation]: term })) as Array<{ event: Prisma.EventOrderByWithRelationInput }>;

export interface OrderedEvent {
  id: string;
  date: Date | null;
  dayOrder: number;
}

/** For lists assembled in memory: oldest first, the same rule as EVENTS_OLDEST_FIRST. */
export function compareEventsOldestFirst(a: OrderedEvent, b: OrderedEvent): number {
  if (a.date && b.date && a.date.getTime() !== b.date.getTime()) return a.date.getTime() - b.date.getTime();
  if (a.date && !b.date) return -1;
  if (!a.date && b.date) return 1;
  if (a.dayOrder !== b.dayOrder) return a.dayOrder - b.dayOrder;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
