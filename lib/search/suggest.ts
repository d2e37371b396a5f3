import "server-only";
import { Prisma } from "@/lib/db/client";
import { listCountryOtherNames } from "@/lib/seed/countries";
import { agreementPath, countryPath, organizationPath, personPath, topicPath } from "@/lib/site/paths";
import { WORD_SIMILARITY_THRESHOLD, withSearchConnection } from "./pool";

/**
 * Pages a search names: a country, person, organization, agreement or topic whose
 * name matches what was typed, even misspelt ("Kazakstan", "Tokaev"), offered above
 * the full-text results. Matching is pg_trgm's word similarity between a word or
 * phrase of the query and the name (the GIN trigram indexes on the names answer
 * `term <% name`, at the threshold the search connections set), so a partial name ("Tokayev" for "Kassym-Jomart Tokayev") or a
 * near spelling finds the record. Only public pages are offered (these records
 * have no drafts; their pages are public).
 *
 * A word that only looks like part of a name is not taken for it when the published record
 * uses that word: "call" shares three trigrams with "New Caledonia", and "many" with
 * "Germany", but a reader who typed them meant the words. A word's match stands when it is
 * a word of the name as written, begins one ("Kazakh", Kazakhstan), is one with at most
 * three letters more ("Israeli", Israel), or is no word of any published event or statement
 * (a misspelling, as "Kazakstan" is). Drafts do not count. All of it is in the database
 * function `name_suggestion_candidates` (migration 20261206060000_name_suggestions_words_of_the_record).
 *
 * A country is also found by the other names readers use for it ("UAE", "Turkey", "Ivory
 * Coast"; otherNameSuggestions), written as they are.
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
export const LONG_TERM = 6;
export const SHORT_TERM_THRESHOLD = 0.6;
const STOP = new Set(["about", "after", "against", "also", "and", "from", "have", "into", "more", "over", "said", "says", "that", "their", "them", "they", "this", "were", "what", "when", "where", "which", "will", "with"]);

/** A word that can name something: long enough for trigrams to say anything, not a function word. */
const named = (w: string) => w.length >= MIN_TERM && !STOP.has(w);

/** A text's words as names are compared: punctuation but apostrophes and hyphens dropped. */
const splitWords = (text: string) =>
  text
    .replace(/[^\p{L}\p{N}\s'-]+/gu, " ")
    .split(/\s+/)
    .filter(Boolean);
/** The same in lower case. */
const nameWords = (text: string) => splitWords(text.toLowerCase());

/** The countries each other name stands for ("congo" for two), keyed by its words. */
const OTHER_NAMES = new Map<string, Array<{ iso2: string; name: string }>>();
for (const { iso2, name, otherNames } of listCountryOtherNames()) {
  for (const other of otherNames) {
    const key = nameWords(other).join(" ");
    OTHER_NAMES.set(key, [...(OTHER_NAMES.get(key) ?? []), { iso2, name }]);
  }
}
const LONGEST_OTHER_NAME = Math.max(...[...OTHER_NAMES.keys()].map((key) => key.split(" ").length));

/**
 * Countries the query names by another name than the one they are recorded under: "UAE",
 * "Turkey", "Ivory Coast", "Czechia" (listCountryOtherNames), as written, in any case,
 * except that a name of two letters counts only in capitals ("US", "UK": "us" is a word). A
 * word excluded with a minus sign names nothing.
 */
export function otherNameSuggestions(q: string): Suggestion[] {
  const typed = splitWords(q);
  const found = new Map<string, Suggestion>();
  for (let start = 0; start < typed.length; start++) {
    if (typed[start]!.startsWith("-")) continue;
    for (let end = start + 1; end <= Math.min(typed.length, start + LONGEST_OTHER_NAME); end++) {
      if (end > start + 1 && typed[end - 1]!.startsWith("-")) break;
      // The words are split already: lower case is all the key still needs.
      const phrase = typed.slice(start, end).join(" ");
      const key = phrase.toLowerCase();
      if (key.length <= 2 && phrase !== phrase.toUpperCase()) continue;
      for (const { iso2, name } of OTHER_NAMES.get(key) ?? []) found.set(iso2, { kind: "country", path: countryPath(iso2), name, score: 1 });
    }
  }
  return [...found.values()];
}

/** The words (4+ letters) and the phrases of two and three words that a name may be. */
export function suggestionTerms(q: string): string[] {
  const words = nameWords(q).filter((w) => !w.startsWith("-"));
  const terms = new Set<string>();
  if (words.length > 1 && words.length <= 4 && words.some(named)) terms.add(words.join(" "));
  for (let i = 0; i < words.length && terms.size < 12; i++) {
    const w = words[i]!;
    if (named(w)) terms.add(w);
    if (i + 1 < words.length && (named(w) || named(words[i + 1]!))) terms.add(`${w} ${words[i + 1]}`);
  }
  return [...terms].slice(0, 12);
}

/** The best first: by score, then the shorter name (the country before its ministry), then by name. */
const bestFirst = (a: Suggestion, b: Suggestion) => b.score - a.score || a.name.length - b.name.length || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

export async function suggestPages(q: string, limit = MAX_SUGGESTIONS): Promise<Suggestion[]> {
  const byOtherName = otherNameSuggestions(q);
  const byName = await suggestByName(q, limit);
  const offered = new Map<string, Suggestion>();
  for (const suggestion of [...byOtherName, ...byName]) {
    const key = `${suggestion.kind}:${suggestion.path}`;
    if ((offered.get(key)?.score ?? -1) < suggestion.score) offered.set(key, suggestion);
  }
  return [...offered.values()].sort(bestFirst).slice(0, limit);
}

async function suggestByName(q: string, limit: number): Promise<Suggestion[]> {
  const terms = suggestionTerms(q);
  if (terms.length === 0) return [];
  // Each term against each kind's names: the trigram indexes find the candidates, word
  // similarity ranks them (migration 20261205120000_name_suggestions_by_index, whose function's
  // own setting keeps the planner on those indexes), and a word of the published record is
  // not taken for a name it only looks like (20261206060000_name_suggestions_words_of_the_record).
  const sql = Prisma.sql`
    SELECT kind, key, name, score::float8 AS score
      FROM name_suggestion_candidates(${terms}::text[], ${LONG_TERM}::int, ${WORD_SIMILARITY_THRESHOLD}::real, ${SHORT_TERM_THRESHOLD}::real)
    ORDER BY score DESC, length(name) ASC, name ASC
    LIMIT ${limit}`;
  // Under search's connections' own time limit (SEARCH_STATEMENT_MS, pool.ts).
  const rows = await withSearchConnection(async (client) => (await client.query<{ kind: SuggestionKind; key: string; name: string; score: number }>(sql.text, sql.values)).rows);
  return rows.map((r) => ({ kind: r.kind, path: PATHS[r.kind](r.key.trim()), name: r.name, score: Number(r.score) }));
}

/** How like a word of a name a typed word must be to be offered in its place (pg_trgm's similarity: "Tokaev" is 0.5 of "Tokayev", "Kazakstan" 0.62 of "Kazakhstan"). */
export const CORRECTION_SIMILARITY = 0.45;
const WORD = /[\p{L}\p{N}]+/gu;
/** Whether the word at `offset` is excluded with a minus sign ("-word"), as websearch_to_tsquery reads it. */
const isExcluded = (q: string, offset: number) => q[offset - 1] === "-" && (offset === 1 || /[\s"(]/.test(q[offset - 2]!));

/**
 * The query with its misspelt names put right, for a search that found nothing: each word
 * of the query that could name something and is not itself a word of the pages it named
 * (suggestPages) is replaced by the word of those names most like it, by pg_trgm's
 * similarity, at least CORRECTION_SIMILARITY ("Tokaev" → "Tokayev", "abraham acords" →
 * "abraham accords"). Everything else stays as typed: other words, quotes, minus signs, and
 * an excluded word. A word typed in lower case is put right in lower case. Null when
 * nothing would change.
 */
export async function correctedQuery(q: string, suggestions: Suggestion[]): Promise<string | null> {
  const nameWords = new Map<string, string>();
  for (const { name } of suggestions) for (const word of name.match(WORD) ?? []) if (word.length >= MIN_TERM) nameWords.set(word.toLowerCase(), word);
  const typed = new Set<string>();
  for (const match of q.matchAll(WORD)) {
    const word = match[0].toLowerCase();
    if (named(word) && !nameWords.has(word) && !isExcluded(q, match.index)) typed.add(word);
  }
  if (typed.size === 0 || nameWords.size === 0) return null;
  const rows = await withSearchConnection(async (client) => {
    const { rows } = await client.query<{ word: string; replacement: string }>(
      `SELECT t.word, best.word AS replacement
         FROM unnest($1::text[]) AS t(word)
         CROSS JOIN LATERAL (SELECT n.word, similarity(t.word, n.word) AS score FROM unnest($2::text[]) AS n(word) ORDER BY 2 DESC, 1 LIMIT 1) best
        WHERE best.score >= $3::real`,
      [[...typed], [...nameWords.values()], CORRECTION_SIMILARITY],
    );
    return rows;
  });
  const replacements = new Map(rows.map((r) => [r.word, r.replacement]));
  if (replacements.size === 0) return null;
  return q.replace(WORD, (word: string, offset: number) => {
    const replacement = isExcluded(q, offset) ? undefined : replacements.get(word.toLowerCase());
    if (replacement === undefined) return word;
    return word === word.toLowerCase() ? replacement.toLowerCase() : replacement;
  });
}
