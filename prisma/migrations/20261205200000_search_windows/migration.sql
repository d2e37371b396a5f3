-- A search's wide windows in the words' own index (docs/performance.md, "The window in the
-- words' index").
--
-- A wide step of a search looks for the newest matches of the query among the rows dated
-- from a boundary on (lib/search/search-record.ts, `stepQuery`). The GIN index on the
-- search vector knew nothing of dates, so a step either read every match of the whole
-- table and dropped those before the window (half of them for a word of a thousand
-- matches, each a row read from the table), or intersected the index with a bitmap of
-- every row of the window from the date index (~5 ms for 50,000 rows). The index now
-- holds each row's month, year and decade beside its words, and a step asks for both:
-- the index alone gives the window's matches.
--
-- `search_window` gives a date its month ('m201311'), year ('y2013') and decade ('c201');
-- 'before' for a date before 1800 and 'after' for one from 2100 on; none for no date. The
-- search asks for the boundary's months, the years left in its decade, the decades after
-- and 'after' (`searchWindowQuery`), which every later date holds and no earlier one, and
-- tests the date itself for the boundary's first days. It uses only immutable
-- functions (extract on a date, integers as text), so the index holds for any setting.
--
-- The index replaces the one on the search vector alone, which a search of the words
-- alone reads as well through the first column of this one (25 MB against 24 MB for the
-- events of the scale record).
--
-- Written by hand (Prisma's schema cannot say an expression index).

-- CreateFunction
CREATE FUNCTION search_window(d date) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $fn$
  SELECT CASE
    WHEN d < date '1800-01-01' THEN array_to_tsvector(ARRAY['before'])
    WHEN d >= date '2100-01-01' THEN array_to_tsvector(ARRAY['after'])
    ELSE array_to_tsvector(ARRAY[
      'c' || (extract(year FROM d)::int / 10)::text,
      'y' || extract(year FROM d)::int::text,
      'm' || (extract(year FROM d)::int * 100 + extract(month FROM d)::int)::text])
  END
$fn$;

-- DropIndex
DROP INDEX "Event_searchVector_idx";

-- DropIndex
DROP INDEX "Statement_searchVector_idx";

-- CreateIndex
CREATE INDEX "Event_searchWindow_idx" ON "Event" USING gin ("searchVector", search_window("date"));

-- CreateIndex
CREATE INDEX "Statement_searchWindow_idx" ON "Statement" USING gin ("searchVector", search_window("saidOn"));
