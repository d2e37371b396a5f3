-- Name suggestions compare names without accents or case, take a near spelling only for a word
-- it could be put right to, and offer an organization by its acronym (lib/search/suggest.ts;
-- docs/performance.md, "Name suggestions without accents").
--
-- A search for "Turkiye" offered Türkiye, Turkmenistan and the Turks and Caicos Islands at the
-- same word similarity (0.5: as written, "turkiye" shares with "Türkiye" only the trigrams it
-- shares with "Turkmenistan"); "Erdogan" found no Erdoğan; "NATO" offered the United Nations
-- (three of its five trigrams begin "Nations"); "EU" offered nothing, though the European Union
-- is recorded with that acronym.
--
-- - Terms and names are compared folded (`name_folded`, migration
--   20261206090000_names_without_accents), through the GIN trigram indexes on the folded names.
--   The indexes on the names as written served only these suggestions (the desk's pickers and
--   lists compare folded names from three characters typed, and one or two find no trigram);
--   they go.
-- - A match that does not stand on its own (the term is not a word of the name, nor begins one,
--   nor is one with a few letters more) is a near spelling. It is taken only when the term is
--   like a word of the name, pg_trgm's similarity of the two words at least `like_word`, the
--   threshold at which the search page puts a misspelt word right ("Tokaev" is 0.5 of
--   "Tokayev"; "Turkiye" 0.24 of "Turkmenistan", "nato" 0.3 of "Nations"), and, as before,
--   when it is no word of the published record, nor a term that names something as it stands
--   (a word of one name is not a misspelling of another: "turkiye", a word of "Türkiye", is
--   0.4 of "Turks").
-- - `acronyms` are what the query may call an organization by, as nameKey in suggest.ts writes
--   them (words folded, one space between: `name_key` here); an organization whose acronym,
--   written so, is one of them is offered with the score of an exact name, found through an
--   index on the acronyms written so.

-- CreateFunction
-- A name's words folded (name_folded), one space between: punctuation other than apostrophes
-- and hyphens dropped. "C5+1" is "c5 1", "State Department" "state department".
CREATE FUNCTION name_key(name text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
BEGIN ATOMIC
  SELECT btrim(regexp_replace(name_folded(name), '[^[:alnum:]''-]+', ' ', 'g'));
END;

-- CreateIndex
CREATE INDEX "Organization_acronym_key_idx" ON "Organization" (name_key("acronym"));

-- AlterFunction
-- The names' matches before they are judged: each term folded against each kind's folded
-- names, read through their trigram indexes (the function's own setting keeps the planner on
-- them, 20261205120000_name_suggestions_by_index).
CREATE OR REPLACE FUNCTION name_suggestion_matches(terms text[], long_term integer, long_threshold real, short_threshold real)
RETURNS TABLE (kind text, key text, name text, score real)
LANGUAGE sql STABLE PARALLEL SAFE
SET enable_seqscan = off
AS $fn$
  SELECT n.kind, n.key, n.name, max(word_similarity(t.term, n.folded))
    FROM (SELECT DISTINCT name_folded(u.term) AS term FROM unnest(terms) AS u(term)) AS t,
         (SELECT 'country' AS kind, iso2::text AS key, name, name_folded(name) AS folded FROM "Country"
          UNION ALL SELECT 'person', slug, name, name_folded(name) FROM "Person"
          UNION ALL SELECT 'organization', slug, name, name_folded(name) FROM "Organization"
          UNION ALL SELECT 'agreement', slug, name, name_folded(name) FROM "Agreement"
          UNION ALL SELECT 'topic', slug, name, name_folded(name) FROM "Topic") AS n
   WHERE t.term <% n.folded
     AND word_similarity(t.term, n.folded) >= CASE WHEN char_length(t.term) >= long_term THEN long_threshold ELSE short_threshold END
   GROUP BY n.kind, n.key, n.name
$fn$;

-- DropFunction
DROP FUNCTION name_suggestion_candidates(text[], integer, real, real);

-- CreateFunction
-- The names the terms and acronyms suggest, each with its best score among the matches that
-- stand, the number of terms that name it, and whether one is its whole name. A name is left out when another is named by
-- every term that names it and more, unless a term is the whole name (or its acronym): "State
-- Department" names the Department of State by its acronym and three terms, and no longer the
-- State of Palestine by "state" alone; "Bahrain Israel" names the Bahrain-Israel declaration by
-- three terms, and still Bahrain and Israel, each by its whole name; "Kazakhstan Abraham
-- Accords" still names Kazakhstan, which no agreement's terms include. A term's use in the record is asked once, and only for a term with a near spelling
-- and no match that stands. Sequential scans are off while it runs, as in the matches: the
-- organizations are read through their acronyms' index, however few.
CREATE FUNCTION name_suggestion_candidates(terms text[], acronyms text[], long_term integer, long_threshold real, short_threshold real, like_word real)
RETURNS TABLE (kind text, key text, name text, score real, terms integer, whole boolean)
LANGUAGE sql STABLE PARALLEL SAFE
SET enable_seqscan = off
AS $fn$
  WITH found AS MATERIALIZED (
    SELECT f.kind, f.key, f.name, name_folded(f.name) AS folded
      FROM name_suggestion_matches(terms, long_term, long_threshold, short_threshold) AS f
  ), m AS MATERIALIZED (
    SELECT t.term, f.kind, f.key, f.name, word_similarity(t.term, f.folded) AS score, t.term = f.folded AS whole,
           word_similarity(t.term, f.folded) >= 1
           OR position(' ' IN t.term) > 0
           OR EXISTS (SELECT 1 FROM regexp_split_to_table(f.folded, '[^[:alnum:]]+') AS w(word)
                       WHERE (char_length(t.term) >= 5 AND starts_with(w.word, t.term))
                          OR (char_length(w.word) >= 4 AND starts_with(t.term, w.word) AND char_length(t.term) - char_length(w.word) <= 3)) AS stands,
           EXISTS (SELECT 1 FROM regexp_split_to_table(f.folded, '[^[:alnum:]]+') AS w(word)
                    WHERE similarity(t.term, w.word) >= like_word) AS like_a_word
      FROM found AS f, (SELECT DISTINCT name_folded(u.term) AS term FROM unnest(terms) AS u(term)) AS t
     WHERE t.term <% f.folded
       AND word_similarity(t.term, f.folded) >= CASE WHEN char_length(t.term) >= long_term THEN long_threshold ELSE short_threshold END
  ), named AS MATERIALIZED (
    SELECT DISTINCT m.term FROM m WHERE m.stands
  ), record_words AS MATERIALIZED (
    SELECT t.term FROM (SELECT DISTINCT m.term FROM m WHERE NOT m.stands AND m.like_a_word) AS t
     WHERE t.term NOT IN (SELECT n.term FROM named n) AND published_record_has_word(t.term)
  ), offered AS (
    SELECT m.kind, m.key, m.name, m.score, m.term, m.whole
      FROM m
     WHERE m.stands
        OR (m.like_a_word AND m.term NOT IN (SELECT n.term FROM named n) AND m.term NOT IN (SELECT r.term FROM record_words r))
    UNION ALL
    SELECT 'organization', o.slug, o.name, 1::real, name_key(o.acronym), true
      FROM "Organization" AS o
     WHERE name_key(o.acronym) = ANY(acronyms)
  ), per_name AS MATERIALIZED (
    SELECT o.kind, o.key, o.name, max(o.score) AS score, array_agg(DISTINCT o.term) AS terms, bool_or(o.whole) AS whole
      FROM offered AS o GROUP BY o.kind, o.key, o.name
  )
  SELECT p.kind, p.key, p.name, p.score, cardinality(p.terms), p.whole
    FROM per_name AS p
   WHERE p.whole OR NOT EXISTS (SELECT 1 FROM per_name AS q WHERE q.terms @> p.terms AND cardinality(q.terms) > cardinality(p.terms))
$fn$;

-- DropIndex
DROP INDEX "Country_name_trgm_idx";

-- DropIndex
DROP INDEX "Person_name_trgm_idx";

-- DropIndex
DROP INDEX "Organization_name_trgm_idx";

-- DropIndex
DROP INDEX "Agreement_name_trgm_idx";

-- DropIndex
DROP INDEX "Topic_name_trgm_idx";
