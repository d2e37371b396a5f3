/**
 * The one order of statements, wherever they are listed (home, lists, country, person
 * and topic pages, feeds, API): newest first by the day they were said, then by id so
 * the order is total. Undated statements lead, as NULLs do in a DESC index: this is
 * the order of the (status, saidOn DESC, id DESC, speakerId) index and of keyset paging
 * (lib/api/keyset.ts), so the newest page is read from the index. Ordering with NULLS
 * LAST instead made PostgreSQL sort every published statement for each list (about
 * 0.2 s per read of 200,000 statements).
 */
import { Prisma } from "@/lib/generated/prisma/client";

export const STATEMENTS_NEWEST_FIRST = [{ saidOn: { sort: "desc", nulls: "first" } }, { id: "desc" }] satisfies Prisma.StatementOrderByWithRelationInput[];

/** STATEMENTS_NEWEST_FIRST in SQL, for raw queries on a Statement aliased `alias`. */
export const statementsNewestFirstSql = (alias: string) => Prisma.raw(`${alias}."saidOn" DESC NULLS FIRST, ${alias}.id DESC`);
