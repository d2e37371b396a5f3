-- Names found however their accents are typed (lib/lookup/search-entities.ts, lib/desk/content-search.ts).
--
-- An editor linking Türkiye types "Turkiye"; one linking Recep Tayyip Erdoğan types
-- "Erdogan". `ILIKE` compares letters as written, so neither was found by a picker's
-- "contains", and trigrams found them only by luck: a letter with an accent is another
-- trigram, so "Turkiye" is 0.5 of "Türkiye" by word similarity, below the 0.6 that a
-- near spelling needed. Names are compared folded: without accents (the `unaccent`
-- extension's rules, which also make typographic quotes and dashes plain: "Côte d’Ivoire"
-- and "Cote d'Ivoire" are one) and in lower case.
--
-- `name_folded` is declared IMMUTABLE so that an index can hold it, which `unaccent` is
-- not because its rules file could change; the function names its dictionary and is
-- written in SQL-standard form, so both are bound when it is created and no search_path
-- (PostgreSQL 17 runs index maintenance with a safe one) can change what it calls. If
-- the rules ever change, REINDEX these five indexes.
--
-- A GIN trigram index on each table's folded name answers `name_folded(name) LIKE
-- name_folded('%…%')` and `name_folded(…) <% name_folded(name)`, as the indexes on the
-- names as written answer the public search's name suggestions (which keep them).
--
-- Written by hand (Prisma's schema cannot say an expression index).

-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "unaccent";

-- CreateFunction
CREATE FUNCTION name_folded(name text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
BEGIN ATOMIC
  SELECT lower(unaccent('unaccent'::regdictionary, name));
END;

-- CreateIndex
CREATE INDEX "Country_name_folded_idx" ON "Country" USING GIN (name_folded("name") gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Person_name_folded_idx" ON "Person" USING GIN (name_folded("name") gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Organization_name_folded_idx" ON "Organization" USING GIN (name_folded("name") gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Agreement_name_folded_idx" ON "Agreement" USING GIN (name_folded("name") gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Topic_name_folded_idx" ON "Topic" USING GIN (name_folded("name") gin_trgm_ops);
