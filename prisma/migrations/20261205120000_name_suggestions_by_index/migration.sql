-- Name suggestions through the names' trigram indexes (docs/performance.md, "Name
-- suggestions through their indexes").
--
-- A search page asks which countries, people, organizations, agreements and topics the
-- words name (lib/search/suggest.ts): each word and pair of words of the query against
-- every name, by pg_trgm's word similarity. The planner read the small tables (249
-- countries, 205 organizations, 69 topics on the scale record) in full and tested every
-- term against every name, a word similarity each (2-3 µs): 4-5 ms a table for a query of
-- three words, where their trigram indexes answer in 0.1-0.3 ms. It judged a sequential
-- scan cheaper because pg_trgm's functions are declared as cheap as an integer's `=`.
--
-- The suggestions' statement is a function whose own setting turns sequential scans
-- off while it runs (a setting of the function, put back when it returns, so nothing
-- else on the connection is planned with it), and topics get the index the other named
-- records have. The threshold of `<%` stays the connection's (lib/search/pool.ts).

-- CreateIndex
CREATE INDEX "Topic_name_trgm_idx" ON "Topic" USING GIN ("name" gin_trgm_ops);

-- CreateFunction
-- The kinds' names are one relation (a UNION ALL of the tables), which the planner reads
-- table by table, each through its index, for each term.
CREATE FUNCTION name_suggestion_candidates(terms text[], long_term integer, long_threshold real, short_threshold real)
RETURNS TABLE (kind text, key text, name text, score real)
LANGUAGE sql STABLE PARALLEL SAFE
SET enable_seqscan = off
AS $fn$
  SELECT n.kind, n.key, n.name, max(word_similarity(t.term, n.name))
    FROM unnest(terms) AS t(term),
         (SELECT 'country' AS kind, iso2::text AS key, name FROM "Country"
          UNION ALL SELECT 'person', slug, name FROM "Person"
          UNION ALL SELECT 'organization', slug, name FROM "Organization"
          UNION ALL SELECT 'agreement', slug, name FROM "Agreement"
          UNION ALL SELECT 'topic', slug, name FROM "Topic") AS n
   WHERE t.term <% n.name
     AND word_similarity(t.term, n.name) >= CASE WHEN char_length(t.term) >= long_term THEN long_threshold ELSE short_threshold END
   GROUP BY n.kind, n.key, n.name
$fn$;
