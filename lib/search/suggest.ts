import "server-only";
import { Prisma } from "@/lib/db/client";
import { agreementPath, countryPath, organizationPath, personPath, topicPath } from "@/lib/site/paths";
import { WORD_SIMILARITY_THRESHOLD, setStatementTimeout, withSearchConnection } from "./pool";

/**
 * Pages a search names: a country, person, organization, agreement or topic whose
 * name matches what was typed, even misspelt ("Kazakstan", "Tokaev"), offered above
 * the full-text results. Matching is pg_trgm's word similarity between a word or
 * phrase of the query and the name (the GIN trigram indexes on the names answer
 * `term <% name`, at the threshold the search connections set), so a partial name ("Tokayev" for "Kassym-Jomart Tokayev") or a
 * near spelling finds the record. Only public pages are offered (these records
 * have no drafts; their pages are public).
 */
export type SuggestionKind = "country" | "person" | "organization" | "agreement" | "topic";

export interface Suggestion {
  kind: SuggestionKind;
  /** The public path of the page. */
  path: string;
  name: string;
  score: number;
}

export const MAX_SUGGESTIONS = 4;
const PATHS: Record<SuggestionKind, (key: string) => string> = {
  country: countryPath,
  person: personPath,
  organization: organizationPath,
  agreement: agreementPath,
  topic: topicPath,
};
/** Words too short to say anything by trigrams, and words no name is known by. */
const MIN_TERM = 4;
/** Short words match too many names at a loose threshold: below LONG_TERM letters, pg_trgm's default applies. */
const LONG_TERM = 6;
const SHORT_TERM_THRESHOLD = 0.6;
const STOP = new Set(["about", "after", "against", "also", "and", "from", "have", "into", "more", "over", "said", "says", "that", "their", "them", "they", "this", "were", "what", "when", "where", "which", "will", "with"]);

/** The words (4+ letters) and the phrases of two and three words that a name may be. */
export function suggestionTerms(q: string): string[] {
  const words = q
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s'-]+/gu, " ")
    .split(/\s+/)
    .filter((w) => w && !w.startsWith("-"));
  // A word that can name something: long enough for trigrams to say anything, not a function word.
  const named = (w: string) => w.length >= MIN_TERM && !STOP.has(w);
  const terms = new Set<string>();
  if (words.length > 1 && words.length <= 4 && words.some(named)) terms.add(words.join(" "));
  for (let i = 0; i < words.length && terms.size < 12; i++) {
    const w = words[i]!;
    if (named(w)) terms.add(w);
    if (i + 1 < words.length && (named(w) || named(words[i + 1]!))) terms.add(`${w} ${words[i + 1]}`);
  }
  return [...terms].slice(0, 12);
}

export async function suggestPages(q: string, limit = MAX_SUGGESTIONS): Promise<Suggestion[]> {
  const terms = suggestionTerms(q);
  if (terms.length === 0) return [];
  // One term against one table: the trigram index finds the candidates, word_similarity ranks them.
  const branch = (kind: SuggestionKind, table: string, key: Prisma.Sql) => Prisma.sql`
    SELECT ${kind}::text AS kind, ${key} AS key, n.name, max(word_similarity(term, n.name)) AS score
      FROM unnest(${terms}::text[]) AS term, ${Prisma.raw(`"${table}"`)} n
     WHERE term <% n.name AND word_similarity(term, n.name) >= CASE WHEN char_length(term) >= ${LONG_TERM}::int THEN ${WORD_SIMILARITY_THRESHOLD}::real ELSE ${SHORT_TERM_THRESHOLD}::real END
     GROUP BY n.name, ${key}`;
  const sql = Prisma.sql`
    SELECT kind, key, name, score::float8 AS score FROM (
      ${branch("country", "Country", Prisma.sql`n.iso2`)}
      UNION ALL ${branch("person", "Person", Prisma.sql`n.slug`)}
      UNION ALL ${branch("organization", "Organization", Prisma.sql`n.slug`)}
      UNION ALL ${branch("agreement", "Agreement", Prisma.sql`n.slug`)}
      UNION ALL ${branch("topic", "Topic", Prisma.sql`n.slug`)}
    ) found
    ORDER BY score DESC, length(name) ASC, name ASC
    LIMIT ${limit}`;
  const rows = await withSearchConnection(async (client) => {
    await setStatementTimeout(client, 2_000);
    return (await client.query<{ kind: SuggestionKind; key: string; name: string; score: number }>(sql.text, sql.values)).rows;
  });
  return rows.map((r) => ({ kind: r.kind, path: PATHS[r.kind](r.key.trim()), name: r.name, score: Number(r.score) }));
}
