import "server-only";
import { Prisma } from "@/lib/db/client";
import { foldText } from "@/lib/records/fold";
import { listCountryOtherNames, listIsoCountries } from "@/lib/seed/countries";
import { agreementPath, countryPath, organizationPath, personPath, topicPath } from "@/lib/site/paths";
import { isStatementTimeout, WORD_SIMILARITY_THRESHOLD, withSearchConnection } from "./pool";

/**
 * Pages a search names: a country, person, organization, agreement or topic whose
 * name matches what was typed, even misspelt ("Kazakstan", "Tokaev"), offered above
 * the full-text results. Names and what was typed are compared without accents or case
 * ("Turkiye" is Türkiye, "Erdogan" Erdoğan: `name_folded`, lib/db/names.ts). Matching is
 * pg_trgm's word similarity between a word or phrase of the query and the name (the GIN
 * trigram indexes on the folded names answer `term <% name_folded(name)`, at the threshold
 * the search connections set), so a partial name ("Tokayev" for "Kassym-Jomart Tokayev") or
 * a near spelling finds the record. Only public pages are offered (these records have no
 * drafts; their pages are public).
 *
 * A word's match stands when it is a word of the name, begins one ("Kazakh", Kazakhstan), or
 * is one with at most three letters more ("Israeli", Israel). Any other match is a near
 * spelling, taken only when the word is like a word of the name (pg_trgm's similarity of the
 * two words at least CORRECTION_SIMILARITY, so that correctedQuery can put it right:
 * "Kazakstan", "Tokaev") and is no word of any published event or statement: "Turkiye"
 * shares its first four trigrams with "Turkmenistan" and "nato" three with "Nations", but
 * neither is like those words; "many" is like "Man" (Isle of Man), but the record uses it.
 * Drafts do not count. All of it is in the database function `name_suggestion_candidates`
 * (migration 20261206130000_name_suggestions_folded).
 *
 * A country is also found by the other names readers use for it ("UAE", "Turkey", "Ivory
 * Coast", "Burma"; otherNameMatches), and an organization by its acronym ("EU", "State
 * Department"; acronymKeys).
 */
export type SuggestionKind = "country" | "person" | "organization" | "agreement" | "topic";

export interface Suggestion {
  kind: SuggestionKind;
  /** The public path of the page. */
  path: string;
  name: string;
  score: number;
  /** Whether the query holds its whole name, another name of it or its acronym ("Bahrain", not only "Israel" of "Bahrain–Israel"). */
  whole: boolean;
  /** How many of the query's words, phrases and acronyms name it. */
  terms: number;
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

/** A text's words as names are compared: punctuation but apostrophes and hyphens (typographic ones made plain) dropped. */
const splitWords = (text: string) =>
  text
    .replace(/[‘’ʼ]/g, "'")
    .replace(/[‐‑‒–—―]/g, "-")
    .replace(/[^\p{L}\p{N}\s'-]+/gu, " ")
    .split(/\s+/)
    .filter(Boolean);
/** The same in lower case. */
const nameWords = (text: string) => splitWords(text.toLowerCase());

/** A name's key as typed phrases are compared with it: its words, folded, one space between (the database's `name_key`). */
const nameKey = (text: string) => splitWords(foldText(text)).join(" ");

/**
 * The phrases of one to `longest` consecutive words of the query, each with its key
 * (nameKey), and whether it was typed in capitals (with a letter: "1" is not). A word excluded with a minus sign
 * begins none and ends any that reach it.
 */
function typedPhrases(q: string, longest: number): Array<{ key: string; capitals: boolean; start: number; end: number }> {
  const typed = splitWords(q);
  const phrases: Array<{ key: string; capitals: boolean; start: number; end: number }> = [];
  for (let start = 0; start < typed.length; start++) {
    if (typed[start]!.startsWith("-")) continue;
    for (let end = start + 1; end <= Math.min(typed.length, start + longest); end++) {
      if (end > start + 1 && typed[end - 1]!.startsWith("-")) break;
      const phrase = typed.slice(start, end).join(" ");
      phrases.push({ key: nameKey(phrase), capitals: phrase === phrase.toUpperCase() && /\p{L}/u.test(phrase), start, end });
    }
  }
  return phrases;
}

/** The countries each other name stands for ("congo" for two), keyed by nameKey. */
const OTHER_NAMES = new Map<string, Array<{ iso2: string; name: string }>>();
for (const { iso2, name, otherNames } of listCountryOtherNames()) {
  for (const other of otherNames) {
    const key = nameKey(other);
    OTHER_NAMES.set(key, [...(OTHER_NAMES.get(key) ?? []), { iso2, name }]);
  }
}
/**
 * Words a query names a country by that are no name of it, so a country's page does not list
 * them: "American president" means the United States (by a near spelling it found American
 * Samoa). Other adjectives are near enough their country's name ("Israeli", "Kazakh").
 */
const ADJECTIVES: Record<string, string> = { american: "US", americans: "US" };
const RECORDED = listIsoCountries();
for (const [word, iso2] of Object.entries(ADJECTIVES)) {
  const country = RECORDED.find((c) => c.iso2 === iso2)!;
  OTHER_NAMES.set(word, [...(OTHER_NAMES.get(word) ?? []), { iso2, name: country.name }]);
}
const LONGEST_OTHER_NAME = Math.max(...[...OTHER_NAMES.keys()].map((key) => key.split(" ").length));
/** Places whose names hold a country's other name and are no country: "Latin America" is not the United States. */
const REGIONS = new Set(["central america", "latin america", "north america", "south america"]);
/**
 * Countries' own names that hold another country's other name: "American Samoa" holds
 * "American", "Democratic Republic of the Congo" holds "Congo". Typed whole, they are left to
 * the names' search, which finds them by their own name.
 */
const NAMES_HOLDING_OTHERS = new Set(
  RECORDED.map(({ name }) => nameKey(name)).filter((key) =>
    [...OTHER_NAMES].some(([other, countries]) => other !== key && ` ${key} `.includes(` ${other} `) && countries.some((c) => nameKey(c.name) !== key)),
  ),
);


/**
 * Countries the query names by another name than the one they are recorded under: "UAE",
 * "Turkey", "Ivory Coast", "Burma", "United States of America" (listCountryOtherNames), in
 * any case and with or without accents, except that a name of two letters counts only in
 * capitals ("US", "UK": "us" is a word). A word excluded with a minus sign names nothing.
 * `rest` is the query without the words those names took: they name the country and
 * nothing else ("United States of America" is not also the United States Virgin Islands
 * by "United States"). A region's name ("Latin America") names no country, by another
 * name or by a near spelling ("South Africa"): its words are taken too. A country's own
 * name that holds another's ("American Samoa") is left whole to the names' search, and a
 * word of a longer other name ("US Virgin Islands") names nothing by itself ("US").
 */
export function otherNameMatches(q: string): { suggestions: Suggestion[]; rest: string } {
  const found = new Map<string, Suggestion>();
  const taken = new Set<number>();
  const phrases = typedPhrases(q, Math.max(LONGEST_OTHER_NAME, 2)).map((phrase) => ({
    ...phrase,
    words: Array.from({ length: phrase.end - phrase.start }, (_, i) => phrase.start + i),
  }));
  const wordsOf = (keys: Set<string>) => new Set(phrases.filter(({ key }) => keys.has(key)).flatMap(({ words }) => words));
  const inOwnName = wordsOf(NAMES_HOLDING_OTHERS);
  for (const i of wordsOf(REGIONS)) taken.add(i);
  // Longest first: a word of a longer name found ("US Virgin Islands") names nothing else ("US").
  for (const { key, capitals, words } of phrases.sort((a, b) => b.words.length - a.words.length)) {
    if (key.length <= 2 && !capitals) continue;
    if (words.some((i) => taken.has(i) || inOwnName.has(i))) continue;
    const countries = OTHER_NAMES.get(key) ?? [];
    for (const { iso2, name } of countries) found.set(iso2, { kind: "country", path: countryPath(iso2), name, score: 1, whole: true, terms: 1 });
    if (countries.length > 0) for (const i of words) taken.add(i);
  }
  const rest = taken.size === 0 ? q : splitWords(q).filter((_, i) => !taken.has(i)).join(" ");
  return { suggestions: [...found.values()], rest };
}

/** The most words an acronym is matched with ("State Department" is two). */
const LONGEST_ACRONYM = 3;
/** Keys of up to this many characters count only typed in capitals: "who", "now" and "un" are words, "WHO" and "UN" acronyms. */
const ACRONYM_IN_CAPITALS = 3;
const MAX_ACRONYM_KEYS = 36;

/**
 * What the query may name an organization by, as the database compares its acronym (words
 * folded, one space between: "EU", "State Department", "C5+1" as "c5 1"): its phrases of one
 * to three words, a phrase of up to three characters only typed in capitals.
 */
export function acronymKeys(q: string): string[] {
  const keys = new Set<string>();
  for (const { key, capitals } of typedPhrases(q, LONGEST_ACRONYM)) if (key.length > ACRONYM_IN_CAPITALS || capitals) keys.add(key);
  return [...keys].slice(0, MAX_ACRONYM_KEYS);
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

/**
 * The best first: by score; then a page the query names whole ("Bahrain Israel": Bahrain and
 * Israel before the Bahrain–Israel declaration); then the one more of the query names; the
 * shorter name (the country before its ministry); then by name.
 */
const bestFirst = (a: Suggestion, b: Suggestion) =>
  b.score - a.score || Number(b.whole) - Number(a.whole) || b.terms - a.terms || a.name.length - b.name.length || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * Words that say what kind of thing a name is, not which one: "agreement", "treaty",
 * "declaration", "ministry". A name the query shares no other word with is not named by it:
 * "Paris agreement" is not the "Abraham Accords Peace Agreement" by "agreement", nor
 * "Kazakhstan ministry" every ministry. A query that holds the whole name still names it.
 */
const KIND_WORDS = new Set([
  "accord", "accords", "agency", "agreement", "agreements", "arrangement", "charter", "commission", "committee", "communique",
  "convention", "council", "declaration", "declarations", "department", "framework", "joint", "memorandum", "ministry",
  "office", "pact", "protocol", "treaties", "treaty", "understanding",
]);

/** Whether a typed word is a word of a name as the suggestions take one: the same, or its beginning or its plural (the database's rule). */
const isWordOf = (typed: string, word: string) =>
  typed === word || (typed.length >= 5 && word.startsWith(typed)) || (word.length >= 4 && typed.startsWith(word) && typed.length - word.length <= 3);

/**
 * Whether the words the query shares with a name are all KIND_WORDS. A name it shares no
 * word with at all was found by a near spelling ("Tokaev") and is not judged here.
 */
export function sharesOnlyKindWords(q: string, name: string): boolean {
  const typed = nameWords(foldText(q)).filter((w) => !w.startsWith("-"));
  const shared = nameWords(foldText(name)).filter((word) => typed.some((t) => isWordOf(t, word)));
  return shared.length > 0 && shared.every((word) => KIND_WORDS.has(word));
}

/**
 * A name inside a longer name of the same kind that the query holds whole is not a page the
 * reader asked for: "American Samoa" is not also Samoa, nor "South Sudan" Sudan, nor "Papua
 * New Guinea" Guinea. A query that names it apart from the longer name too still gets it
 * ("Sudan and South Sudan").
 */
export function withoutNamesInsideOthers<S extends Pick<Suggestion, "kind" | "name">>(q: string, suggestions: S[]): S[] {
  const typed = ` ${nameKey(q)} `;
  const keys = suggestions.map((s) => ` ${nameKey(s.name)} `);
  return suggestions.filter((s, i) => {
    const key = keys[i]!;
    return !suggestions.some((other, j) => {
      const longer = keys[j]!;
      if (other.kind !== s.kind || longer === key || !longer.includes(key) || !typed.includes(longer)) return false;
      // The longer name's words taken out, the shorter one is not typed anywhere else.
      return !typed.replaceAll(longer, "  ").includes(key);
    });
  });
}

export async function suggestPages(q: string, limit = MAX_SUGGESTIONS): Promise<Suggestion[]> {
  const { suggestions: byOtherName, rest } = otherNameMatches(q);
  // Twice as many as shown, so that names left out by their kind's words leave room for the next.
  const byName = (await suggestByName(rest, limit * 2)).filter((s) => s.whole || !sharesOnlyKindWords(rest, s.name));
  const offered = new Map<string, Suggestion>();
  for (const suggestion of [...byOtherName, ...byName]) {
    const key = `${suggestion.kind}:${suggestion.path}`;
    if ((offered.get(key)?.score ?? -1) < suggestion.score) offered.set(key, suggestion);
  }
  return withoutNamesInsideOthers(q, [...offered.values()]).sort(bestFirst).slice(0, limit);
}

async function suggestByName(q: string, limit: number): Promise<Suggestion[]> {
  const terms = suggestionTerms(q);
  const acronyms = acronymKeys(q);
  if (terms.length === 0 && acronyms.length === 0) return [];
  // Each term against each kind's folded names: the trigram indexes find the candidates, word
  // similarity ranks them (migration 20261205120000_name_suggestions_by_index, whose function's
  // own setting keeps the planner on those indexes), and a near spelling stands only when it is
  // like a word of the name and no word of the published record (20261206130000_name_suggestions_folded).
  const sql = Prisma.sql`
    SELECT kind, key, name, score::float8 AS score, terms, whole
      FROM name_suggestion_candidates(${terms}::text[], ${acronyms}::text[], ${LONG_TERM}::int, ${WORD_SIMILARITY_THRESHOLD}::real, ${SHORT_TERM_THRESHOLD}::real, ${CORRECTION_SIMILARITY}::real)
    ORDER BY score DESC, whole DESC, terms DESC, length(name) ASC, name ASC
    LIMIT ${limit}`;
  // Under search's connections' own time limit (SEARCH_STATEMENT_MS, pool.ts).
  const rows = await withSearchConnection(async (client) => (await client.query<{ kind: SuggestionKind; key: string; name: string; score: number; terms: number; whole: boolean }>(sql.text, sql.values)).rows);
  return rows.map((r) => ({ kind: r.kind, path: PATHS[r.kind](r.key.trim()), name: r.name, score: Number(r.score), whole: r.whole, terms: r.terms }));
}

/**
 * How like a word of a name a typed word must be to be taken for a misspelling of it: to name
 * its page (suggestPages) and to be put right (correctedQuery). pg_trgm's similarity of the
 * two words: "Tokaev" is 0.5 of "Tokayev", "Kazakstan" 0.62 of "Kazakhstan", "Irak" 0.43 of
 * "Iraq", against "Turkiye" 0.24 of "Turkmenistan" and "nato" 0.3 of "Nations".
 */
export const CORRECTION_SIMILARITY = 0.4;
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
  // The names' words and the typed ones compared folded, as the names were ("turkiye" is a word of "Türkiye").
  const nameWords = new Map<string, string>();
  for (const { name } of suggestions) for (const word of name.match(WORD) ?? []) if (word.length >= MIN_TERM) nameWords.set(foldText(word), word);
  const typed = new Set<string>();
  for (const match of q.matchAll(WORD)) {
    const word = foldText(match[0]);
    if (named(word) && !nameWords.has(word) && !isExcluded(q, match.index)) typed.add(word);
  }
  if (typed.size === 0 || nameWords.size === 0) return null;
  const rows = await withSearchConnection(async (client) => {
    const { rows } = await client.query<{ word: string; replacement: string }>(
      `SELECT t.word, best.word AS replacement
         FROM unnest($1::text[]) AS t(word)
         CROSS JOIN LATERAL (SELECT n.word, similarity(t.word, n.folded) AS score FROM unnest($2::text[], $3::text[]) AS n(folded, word) ORDER BY 2 DESC, 1 LIMIT 1) best
        WHERE best.score >= $4::real`,
      [[...typed], [...nameWords.keys()], [...nameWords.values()], CORRECTION_SIMILARITY],
    );
    return rows;
  });
  const replacements = new Map(rows.map((r) => [r.word, r.replacement]));
  if (replacements.size === 0) return null;
  return q.replace(WORD, (word: string, offset: number) => {
    const replacement = isExcluded(q, offset) ? undefined : replacements.get(foldText(word));
    if (replacement === undefined) return word;
    return word === word.toLowerCase() ? replacement.toLowerCase() : replacement;
  });
}

/**
 * For the desk, where the offer is an extra beside a list or search that found nothing: the
 * query put right (correctedQuery over the pages it names), or null, also when either step
 * ran out of search's time limit.
 */
export async function correctionOf(q: string): Promise<string | null> {
  try {
    return await correctedQuery(q, await suggestPages(q));
  } catch (error) {
    if (isStatementTimeout(error)) return null;
    throw error;
  }
}
