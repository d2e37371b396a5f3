import type { Metadata } from "next";
import { permanentRedirect } from "next/navigation";
import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { ListFilters, type FilterValues } from "@/components/public/list-filters";
import { Pagination } from "@/components/public/pagination";
import { cachedRead } from "@/lib/api/cached";
import { readPublicFilterOptions } from "@/lib/api/filter-options";
import { MovedFilterError, QueryParameterError, queryToParams, type EventListQuery, type StatementListQuery } from "@/lib/api/list-query";
import { feedAlternates } from "@/lib/feeds/follow";
import { describeListFilters, lowerFirst } from "@/lib/format/list-description";
import styles from "./lists.module.css";

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * What the filtered public lists (/events, /statements) share: the filters parsed
 * (or the error they gave), one page read through the cache, the filter options,
 * and the links to the pages before and after with the same filters.
 */
export async function readFilteredList<Q extends Partial<EventListQuery & StatementListQuery>, P extends { next: string | null; prev: string | null }>(options: {
  searchParams: SearchParams;
  kind: ListKind;
  path: string;
  tags: string[];
  parse: (params: Record<string, string | string[] | undefined>) => Q;
  list: (query: Q) => Promise<P>;
}) {
  const params = await options.searchParams;
  const raw = (key: string) => (typeof params[key] === "string" ? (params[key] as string) : undefined);
  let error: QueryParameterError | null = null;
  let page: P | null = null;
  let filterParams = new URLSearchParams();
  let query: Q | null = null;
  // Read beside the list, not after it (each is cached; a first render waits for both).
  const filterOptions = readPublicFilterOptions({ speaker: raw("speaker"), topic: raw("topic"), agreement: raw("agreement") });
  filterOptions.catch(() => {}); // awaited below; a list error thrown first must not leave it unhandled
  try {
    const parsed = options.parse(params);
    query = parsed;
    filterParams = queryToParams(parsed);
    const key = `${filterParams.toString()}|${parsed.cursor ?? ""}`;
    page = await cachedRead([`${options.path.slice(1)}-list`, key], options.tags, () => options.list(parsed));
  } catch (caught) {
    // A speaker or topic merged into another: the list is the kept one's.
    if (caught instanceof MovedFilterError) permanentRedirect(`${options.path}?${caught.moved(params)}`);
    if (!(caught instanceof QueryParameterError)) throw caught;
    error = caught;
  }
  const link = (cursor: string | null) => {
    if (!cursor) return null;
    const p = new URLSearchParams(filterParams);
    p.set("cursor", cursor);
    return `${options.path}?${p.toString()}`;
  };
  const resolvedOptions = await filterOptions;
  const described = query && describeListFilters(options.kind, query, resolvedOptions);
  return { path: options.path, raw, error, page, filterParams, filterOptions: resolvedOptions, described, prevHref: link(page?.prev ?? null), nextHref: link(page?.next ?? null) };
}

type ListKind = "events" | "statements";

/**
 * A filtered list's title in the browser and in link previews: what its filters hold
 * ("Events involving Kazakhstan"; describeListFilters), or the list's own title, and the
 * feeds of what it holds. The canonical address stays the list's.
 */
export function filteredListMetadata(kind: ListKind, base: Metadata & { title: string }, parse: (params: Record<string, string | string[] | undefined>) => Partial<EventListQuery & StatementListQuery>) {
  return async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
    const params = await searchParams;
    let query: Partial<EventListQuery & StatementListQuery>;
    try {
      query = parse(params);
    } catch (caught) {
      if (caught instanceof QueryParameterError) return base;
      throw caught;
    }
    const raw = (key: string) => (typeof params[key] === "string" ? (params[key] as string) : undefined);
    const described = describeListFilters(kind, query, await readPublicFilterOptions({ speaker: raw("speaker"), topic: raw("topic"), agreement: raw("agreement") }));
    if (!described) return base;
    // A filtered list offers its own feeds to feed readers, named as the feeds name themselves.
    const feeds = feedAlternates([{ list: kind, title: `Chancery: ${lowerFirst(described)}`, filters: queryToParams(query) }]);
    return { ...base, title: described, alternates: { ...base.alternates, types: feeds } };
  };
}

type FilteredListRead = Awaited<ReturnType<typeof readFilteredList<Partial<EventListQuery & StatementListQuery>, { items: unknown[]; next: string | null; prev: string | null }>>>;

/** A filtered list page: title, filters, results (the `children`), pagination, then `after` (feeds) when the filters could be used. */
export function FilteredList(props: {
  title: string;
  lede: string;
  list: FilteredListRead;
  values: FilterValues;
  show: { type?: boolean; speaker?: boolean };
  empty: string;
  pagesLabel: string;
  children: ReactNode;
  after?: ReactNode;
}) {
  const { list } = props;
  return (
    <div className={styles.page}>
      <PageHeader title={props.title}>
        <p className={styles.lede}>{props.lede}</p>
      </PageHeader>
      <ListFilters action={list.path} options={list.filterOptions} values={props.values} show={props.show} errors={list.error?.fieldErrors} />
      <ListResults error={list.error} isEmpty={list.page?.items.length === 0} empty={props.empty}>
        {props.children}
      </ListResults>
      {list.page && <Pagination prevHref={list.prevHref} nextHref={list.nextHref} label={props.pagesLabel} />}
      {/* Feeds of filters that could not be used would follow something else than what the page names. */}
      {!list.error && props.after}
    </div>
  );
}

/** The results of a filtered list: why the filters could not be used, that nothing matched, or the items. */
function ListResults({ error, isEmpty, empty, children }: { error: QueryParameterError | null; isEmpty: boolean; empty: string; children: ReactNode }) {
  if (error) {
    return (
      <Alert tone="danger" title="These filters could not be used">
        <p>{error.message}. Change the filter and try again.</p>
      </Alert>
    );
  }
  if (isEmpty) return <p className={styles.empty}>{empty}</p>;
  return (
    <section aria-labelledby="results-heading">
      <h2 id="results-heading" className="visually-hidden">
        Results
      </h2>
      {children}
    </section>
  );
}
