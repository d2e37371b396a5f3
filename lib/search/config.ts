import { Prisma } from "@/lib/db/client";

/**
 * The text search configuration of the search vectors and of every query read against
 * them: PostgreSQL's `english` with `unaccent` before its stemmer, so that "Turkiye" finds
 * Türkiye and "Erdogan" Erdoğan (migration 20261206110000_search_without_accents). A query
 * read with another configuration would miss what the vectors hold: use this one.
 */
export const SEARCH_CONFIG = "chancery_english";
/** The configuration as an SQL literal, for statements written as text. */
export const SEARCH_CONFIG_SQL = `'${SEARCH_CONFIG}'::regconfig`;
/** The same in a `Prisma.sql` template, where an interpolated string would be a bound value. */
export const searchConfig = Prisma.raw(SEARCH_CONFIG_SQL);
