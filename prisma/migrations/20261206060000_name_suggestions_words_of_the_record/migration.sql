-- Name suggestions no longer take a word of the record for a misspelt name (lib/search/suggest.ts;
-- docs/performance.md, "Search", "Names").
--
-- A short word of a query matched a longer word of a name by trigrams alone: "call" is 0.6
-- of "New Caledonia" (three of its five trigrams, "  c", " ca" and "cal", begin
-- "Caledonia"), "many" of "Germany", "term" of "French Southern Territories", and
-- "statement" 0.5 of "United States of America". A reader who searched "Tokaev call" was
-- offered New Caledonia.
--
-- A term's match now stands when the term is one or more words of the name as written
-- (word similarity 1), when it is a phrase, when it begins a word of the name ("Kazakh",
-- Kazakhstan) or a word of the name begins it with at most three letters more ("Israeli",
-- Israel; "Iranian", Iran), or else when it is no word of the published record: a word the
-- published events and statements use ("call", "many", "statement") is what the reader
-- meant, while a word none of them uses ("Kazakstan", "Tokaev", "Bahrein") is likely a name
-- misspelt. Drafts do not count: whether a page is offered says nothing of them.

-- AlterFunction
-- The names' matches before they are judged, read through the names' trigram indexes
-- (20261205120000_name_suggestions_by_index): the function that was the suggestions, renamed.
-- The suggestions below call it once for all the terms, then pair each name it found with the
-- terms that match it (a word similarity each, microseconds, for the few names found).
ALTER FUNCTION name_suggestion_candidates(text[], integer, real, real) RENAME TO name_suggestion_matches;

-- CreateFunction
-- Whether a published event or statement uses the word (as search reads it: stemmed, so
-- "calls" is "call"). A word the text search configuration drops ("the", "many") counts as
-- one. Planned for the word itself (a custom plan each call): for a common word the planner
-- then reads rows until the first that uses it (among the first few), and for a rare one it
-- reads the words' GIN index. A plan for any word read the index for every word, 10-25 ms for
-- a word in half the scale record, against 0.5-1 ms either way planned for the word.
CREATE FUNCTION published_record_has_word(word text)
RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE
SET enable_seqscan = on
SET plan_cache_mode = force_custom_plan
AS $fn$
  SELECT numnode(q) = 0
      OR EXISTS (SELECT 1 FROM "Event" e WHERE e.status = 'PUBLISHED' AND e."searchVector" @@ q)
      OR EXISTS (SELECT 1 FROM "Statement" s WHERE s.status = 'PUBLISHED' AND s."searchVector" @@ q)
    FROM plainto_tsquery('english', word) AS q
$fn$;

-- CreateFunction
-- The names the terms suggest, each with its best score among the matches that stand. A
-- term's use in the record is asked once, and only for a term with a match that does not
-- stand on its own.
CREATE FUNCTION name_suggestion_candidates(terms text[], long_term integer, long_threshold real, short_threshold real)
RETURNS TABLE (kind text, key text, name text, score real)
LANGUAGE sql STABLE PARALLEL SAFE
AS $fn$
  WITH found AS MATERIALIZED (
    SELECT f.kind, f.key, f.name FROM name_suggestion_matches(terms, long_term, long_threshold, short_threshold) AS f
  ), m AS MATERIALIZED (
    SELECT t.term, f.kind, f.key, f.name, word_similarity(t.term, f.name) AS score,
           word_similarity(t.term, f.name) >= 1
           OR position(' ' IN t.term) > 0
           OR EXISTS (SELECT 1 FROM regexp_split_to_table(lower(f.name), '[^[:alnum:]]+') AS w(word)
                       WHERE (char_length(t.term) >= 5 AND starts_with(w.word, t.term))
                          OR (char_length(w.word) >= 4 AND starts_with(t.term, w.word) AND char_length(t.term) - char_length(w.word) <= 3)) AS stands
      FROM found AS f, unnest(terms) AS t(term)
     WHERE t.term <% f.name
       AND word_similarity(t.term, f.name) >= CASE WHEN char_length(t.term) >= long_term THEN long_threshold ELSE short_threshold END
  ), record_words AS MATERIALIZED (
    SELECT t.term FROM (SELECT DISTINCT m.term FROM m WHERE NOT m.stands) AS t WHERE published_record_has_word(t.term)
  )
  SELECT m.kind, m.key, m.name, max(m.score)
    FROM m
   WHERE m.stands OR m.term NOT IN (SELECT r.term FROM record_words r)
   GROUP BY m.kind, m.key, m.name
$fn$;
