-- Full-text search without accents (lib/search/config.ts).
--
-- A reader who types "Erdogan", "Turkiye" or "Sefcovic" found nothing of what the record
-- says of Erdoğan, Türkiye or Šefčovič: PostgreSQL's `english` configuration stems a word
-- as it is written, so "türkiye" and "turkiye" were two lexemes. `chancery_english` is
-- `english` with `unaccent` (migration 20261206090000_names_without_accents) before the
-- stemmer for the tokens that hold letters outside ASCII (`word`, `hword`, `hword_part`):
-- "Türkiye" is indexed as 'turkiy', as "Turkiye" is. Words in plain ASCII are parsed,
-- stemmed and weighted exactly as before.
--
-- The search vectors are generated columns, so each is dropped and added again with the new
-- configuration, which rewrites the table and builds its indexes again: on the scale record
-- (100,000 events, 200,000 statements) this migration took the time docs/performance.md
-- gives ("Search without accents"), with the tables locked meanwhile. The indexes built on
-- the vectors (their windows of dates, their pairs of adjacent words) go with the columns
-- and are built again as they were.
--
-- Written by hand (Prisma's schema cannot say a text search configuration).

-- CreateTextSearchConfiguration
CREATE TEXT SEARCH CONFIGURATION chancery_english (COPY = pg_catalog.english);
ALTER TEXT SEARCH CONFIGURATION chancery_english ALTER MAPPING FOR word, hword, hword_part WITH unaccent, english_stem;

-- AlterTable
ALTER TABLE "Event" DROP COLUMN "searchVector";
ALTER TABLE "Event" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('chancery_english'::regconfig, coalesce("title", '')), 'A') ||
    setweight(to_tsvector('chancery_english'::regconfig, coalesce("summary", '')), 'B') ||
    setweight(to_tsvector('chancery_english'::regconfig, coalesce("body", '')), 'C')
) STORED;

-- AlterTable
ALTER TABLE "Statement" DROP COLUMN "searchVector";
ALTER TABLE "Statement" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('chancery_english'::regconfig, coalesce("title", '')), 'A') ||
    setweight(to_tsvector('chancery_english'::regconfig, coalesce("text", '') || ' ' || coalesce("translation", '')), 'B') ||
    setweight(to_tsvector('chancery_english'::regconfig, coalesce("speakerLabel", '') || ' ' || coalesce("speakerTitle", '') || ' ' || coalesce("context", '')), 'C')
) STORED;

-- CreateIndex
CREATE INDEX "Event_searchWindow_idx" ON "Event" USING gin ("searchVector", search_window("date"));

-- CreateIndex
CREATE INDEX "Statement_searchWindow_idx" ON "Statement" USING gin ("searchVector", search_window("saidOn"));

-- CreateIndex
CREATE INDEX "Event_searchPairs_idx" ON "Event" USING gin (search_phrase_pairs("searchVector"));

-- CreateIndex
CREATE INDEX "Statement_searchPairs_idx" ON "Statement" USING gin (search_phrase_pairs("searchVector"));

-- CreateFunction
-- Whether the published record uses a word (the public search's name suggestions,
-- migration 20261206060000_name_suggestions_words_of_the_record), read with the vectors'
-- configuration.
CREATE OR REPLACE FUNCTION published_record_has_word(word text)
RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE
SET enable_seqscan = on
SET plan_cache_mode = force_custom_plan
AS $fn$
  SELECT numnode(q) = 0
      OR EXISTS (SELECT 1 FROM "Event" e WHERE e.status = 'PUBLISHED' AND e."searchVector" @@ q)
      OR EXISTS (SELECT 1 FROM "Statement" s WHERE s.status = 'PUBLISHED' AND s."searchVector" @@ q)
    FROM plainto_tsquery('chancery_english', word) AS q
$fn$;

-- The new columns have no statistics, and search plans by them (its estimates of a query's
-- matches are PostgreSQL's): gathered now rather than whenever autovacuum comes by.
ANALYZE "Event";
ANALYZE "Statement";
