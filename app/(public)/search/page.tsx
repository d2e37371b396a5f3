import type { Metadata } from "next";
import Link from "next/link";
import { permanentRedirect } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { ListFilters } from "@/components/public/list-filters";
import { Pagination } from "@/components/public/pagination";
import { SearchResult } from "@/components/public/search-result";
import { SearchSuggestions } from "@/components/public/search-suggestions";
import { cachedRead } from "@/lib/api/cached";
import { readPublicFilterOptions } from "@/lib/api/filter-options";
import { MAX_QUERY_LENGTH, MAX_SEARCH_PAGE, MovedFilterError, parseSearchQuery, QueryParameterError, queryToParams, type SearchQuery } from "@/lib/api/list-query";
import { tags } from "@/lib/cache/tags";
import { searchPublishedRecord, type SearchOutcome } from "@/lib/search/search-record";
import { correctedQuery, suggestPages, type Suggestion } from "@/lib/search/suggest";
import styles from "../lists.module.css";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const q = (await searchParams).q;
  const words = typeof q === "string" ? q.trim().slice(0, 80) : "";
  // Result pages are endless permutations: keep them out of search engines.
  return { title: words ? `Search: ${words}` : "Search", robots: { index: false, follow: true } };
}

/** A search's address (its words and filters, without the page) and its outcome, cached under that address and page. */
function cachedSearch(query: SearchQuery): { params: URLSearchParams; outcome: Promise<SearchOutcome> } {
  const params = queryToParams(query, { q: query.q });
  return { params, outcome: cachedRead(["search", `${params}|${query.page}`], [tags.search, tags.eventLists, tags.statementLists], () => searchPublishedRecord(query)) };
}

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
/** "1 result", "12 results", "more than 200 results". */
const resultCount = (total: number, atLeast: boolean) => `${atLeast ? "more than " : ""}${total.toLocaleString("en")} ${total === 1 && !atLeast ? "result" : "results"}`;

export default async function SearchPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const raw = (key: string) => (typeof params[key] === "string" ? (params[key] as string) : undefined);
  const rawQ = raw("q") ?? "";
  let error: QueryParameterError | null = null;
  let outcome: SearchOutcome | null = null;
  let suggestions: Suggestion[] = [];
  let didYouMean: { q: string; href: string; count: string } | null = null;
  let linkBase = new URLSearchParams();
  try {
    const query = parseSearchQuery(params);
    const search = cachedSearch(query);
    linkBase = search.params;
    outcome = await search.outcome;
    // The pages the words name, on the first result page only.
    if (query.q && query.page === 1) suggestions = await cachedRead(["search-pages", query.q], [tags.search, tags.agreementLists], () => suggestPages(query.q!));
    // Nothing found, and the words named pages: the same search with the names put right, offered when it finds something.
    if (query.q && outcome.kind === "results" && outcome.total === 0 && suggestions.length > 0) {
      const q = query.q;
      const corrected = await cachedRead(["search-correction", q], [tags.search, tags.agreementLists], () => correctedQuery(q, suggestions));
      if (corrected) {
        const instead = cachedSearch({ ...query, q: corrected, page: 1 });
        const found = await instead.outcome;
        if (found.kind === "results" && found.total > 0) didYouMean = { q: corrected, href: `/search?${instead.params}`, count: resultCount(found.total, found.totalIsAtLeast) };
      }
    }
  } catch (caught) {
    // A speaker or topic merged into another: the search is the kept one's.
    if (caught instanceof MovedFilterError) permanentRedirect(`/search?${caught.moved(params)}`);
    if (!(caught instanceof QueryParameterError)) throw caught;
    error = caught;
  }
  const options = await readPublicFilterOptions({ speaker: raw("speaker"), topic: raw("topic"), agreement: raw("agreement") });
  const pageLink = (page: number) => {
    const p = new URLSearchParams(linkBase);
    if (page > 1) p.set("page", String(page));
    return `/search?${p.toString()}`;
  };
  const values = { q: rawQ.slice(0, MAX_QUERY_LENGTH), country: raw("country"), type: raw("type")?.toUpperCase(), speaker: raw("speaker"), topic: raw("topic"), agreement: raw("agreement"), from: raw("from"), to: raw("to") };

  return (
    <div className={styles.page}>
      <PageHeader title="Search the record" />
      <ListFilters action="/search" options={options} values={values} show={{ q: true, type: true, speaker: true }} errors={error?.fieldErrors} />
      {error ? (
        <Alert tone="danger" title="This search could not be run">
          <p>{error.message}. Change it and try again.</p>
        </Alert>
      ) : outcome?.kind === "empty" ? (
        <p className={styles.empty}>Type a word or a phrase to search published events and statements.</p>
      ) : outcome?.kind === "no-terms" ? (
        <Alert tone="info" title="Nothing to search for">
          <p>“{outcome.q}” has only very common words (such as “the” or “and”) or punctuation. Add a more specific word.</p>
        </Alert>
      ) : outcome?.kind === "results" ? (
        <section aria-labelledby="results-heading">
          <SearchSuggestions suggestions={suggestions} />
          <h2 id="results-heading" className={styles.summary}>
            {outcome.total === 0
              ? outcome.cutShort
                ? `No match for “${outcome.q}” among the newest items; the search stopped before looking further back.`
                : `No published events or statements match “${outcome.q}”.`
              : `${capitalized(resultCount(outcome.total, outcome.totalIsAtLeast))} for “${outcome.q}”${outcome.page > 1 ? `, page ${outcome.page}` : ""}`}
          </h2>
          {didYouMean && (
            <p className={styles.summary}>
              Did you mean “<Link href={didYouMean.href}>{didYouMean.q}</Link>”? It finds {didYouMean.count}.
            </p>
          )}
          {outcome.totalIsAtLeast && outcome.total > 0 && outcome.page === 1 && (
            <p className={styles.summary}>
              {outcome.cutShort ? "The search stopped looking further back in time; these are the newest matches it found." : "Showing the best matches among the newest ones."} Add
              words, a country or dates to narrow it.
            </p>
          )}
          {rawQ.trim().length > MAX_QUERY_LENGTH && <p className={styles.summary}>Your search was long, so only its first {MAX_QUERY_LENGTH} characters were used.</p>}
          {outcome.hits.map((hit) => (
            <SearchResult key={`${hit.kind}-${hit.id}`} hit={hit} />
          ))}
          <Pagination
            label="Result pages"
            prevHref={outcome.page > 1 ? pageLink(outcome.page - 1) : null}
            nextHref={outcome.hasNext && outcome.page < MAX_SEARCH_PAGE ? pageLink(outcome.page + 1) : null}
          />
        </section>
      ) : null}
    </div>
  );
}
