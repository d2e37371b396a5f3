-- Phrases found through an index of word pairs (docs/performance.md, "Phrases").
--
-- The full-text index finds the rows holding every word of a phrase, not the rows where
-- they stand side by side: PostgreSQL must read each of those rows again for its word
-- positions. A phrase of two common words ("lovik paran" on the scale record: both in
-- a fifth of the rows, side by side in 342 of 100,000) read tens of thousands of rows
-- and ran out of the search's time budget with its newest matches only; the slowest
-- searches of the benchmark were all such phrases (43-120 ms in one process, the rest
-- at most 23 ms).
--
-- Each row's pairs of adjacent words (their lexemes at positions p and p + 1 of the
-- search vector) are indexed, hashed into 2^18 buckets: a bucket holds a few pairs, so
-- the index is a filter that keeps every row where the phrase stands and a few others,
-- which the phrase itself then tests (lib/search/search-record.ts). Every hashed pair
-- of a query must be in a matching row's pairs: `search_query_pairs` takes only the
-- pairs the query requires (adjacent lexemes of a phrase outside any negation, in a
-- query without OR); a query with none gives an empty array and is searched as before.
-- Hashes, not the pairs' text: 71 MB against 173 MB for the events of the scale record.
-- `hashtext` is what hash indexes on text use, which pg_upgrade keeps, so it does not
-- change between PostgreSQL versions.
--
-- Written by hand (Prisma's schema cannot say an expression index).

-- CreateFunction
CREATE FUNCTION search_phrase_pairs(v tsvector) RETURNS int[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $fn$
  SELECT coalesce(array_agg(DISTINCT hashtext(a.lexeme || ' ' || b.lexeme) & 262143), '{}')
  FROM (SELECT u.lexeme, p FROM unnest(v) AS u, unnest(u.positions) AS p) AS a
  JOIN (SELECT u.lexeme, p FROM unnest(v) AS u, unnest(u.positions) AS p) AS b ON b.p = a.p + 1
$fn$;

-- CreateFunction
-- The query's text as PostgreSQL prints it ('lovik' <-> 'paran' & !( 'x' <-> 'y' )),
-- in tokens: quoted lexemes (with a weight or prefix mark), phrase operators, and
-- ! & | ( ). A pair is two plain lexemes joined by <-> outside parentheses, the first
-- not negated; ! binds tighter than <->, which binds tighter than &, so each such pair
-- is required. Lexemes holding a quote or a backslash are left out: a pair left out
-- only makes the filter wider.
CREATE FUNCTION search_query_pairs(q tsquery) RETURNS int[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $fn$
  WITH tokens AS (
    SELECT r.m[1] AS token, r.n
    FROM regexp_matches(q::text, $re$('(?:[^'\\]|''|\\.)*'(?::[*A-D]+)?|<->|<[0-9]+>|[!&|()])$re$, 'g') WITH ORDINALITY AS r(m, n)
  ), nested AS (
    SELECT token, n, sum(CASE token WHEN '(' THEN 1 WHEN ')' THEN -1 ELSE 0 END) OVER (ORDER BY n) AS depth FROM tokens
  ), adjacent AS (
    SELECT token, depth, lag(token) OVER w AS before, lead(token) OVER w AS op, lead(token, 2) OVER w AS next
    FROM nested WINDOW w AS (ORDER BY n)
  )
  SELECT CASE WHEN bool_or(token = '|') THEN '{}'::int[] ELSE coalesce(
    array_agg(DISTINCT hashtext(substr(token, 2, length(token) - 2) || ' ' || substr(next, 2, length(next) - 2)) & 262143)
      FILTER (WHERE depth = 0 AND op = '<->' AND before IS DISTINCT FROM '!' AND token ~ $re$^'[^'\\]*'$$re$ AND next ~ $re$^'[^'\\]*'$$re$),
    '{}') END
  FROM adjacent
$fn$;

-- CreateIndex
CREATE INDEX "Event_searchPairs_idx" ON "Event" USING gin (search_phrase_pairs("searchVector"));

-- CreateIndex
CREATE INDEX "Statement_searchPairs_idx" ON "Statement" USING gin (search_phrase_pairs("searchVector"));
