-- A new, empty record's events and statements are taken by PostgreSQL's planner for
-- tables it has not counted yet, as they were before 6 December (docs/import.md, "Speed").
--
-- Migration 20261206110000_search_without_accents ends with ANALYZE "Event" and ANALYZE
-- "Statement", so that a record's search has statistics for its new columns at once. On
-- an empty database that recorded "no rows, no pages", and the planner believes it: a
-- table never counted is taken for ten pages at least, so a look-up by primary key goes
-- through the index; one counted empty is taken for as small as it is, and a sequential
-- read of a page or two looks cheaper. A connection plans each foreign-key check once and
-- keeps the plan, so a check of a source's or a participant's event planned while the new
-- record held a row or two went on reading every event from the first, for every row,
-- until autovacuum counted the table again (a minute or more later). A bulk import into a
-- new record slowed batch after batch: 0.5 s for the first 500 events, 1.3-2.6 s for each
-- later 500, 29-58 s for 10,000 (10 s with the look-ups through the index).
--
-- PostgreSQL 18 can forget a table's statistics (pg_clear_relation_stats): an empty table
-- is made "not counted" again; a table with rows keeps what ANALYZE found. Before version
-- 18 there is no way short of a superuser's, and a new record keeps the empty figures
-- until autovacuum's first count.
DO $$
BEGIN
  IF current_setting('server_version_num')::int < 180000 THEN
    RETURN;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM "Event") THEN
    PERFORM pg_clear_relation_stats(current_schema(), 'Event');
  END IF;
  IF NOT EXISTS (SELECT 1 FROM "Statement") THEN
    PERFORM pg_clear_relation_stats(current_schema(), 'Statement');
  END IF;
END $$;
