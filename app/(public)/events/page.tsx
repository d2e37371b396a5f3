import type { Metadata } from "next";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { EventListItem } from "@/components/public/event-list-item";
import { ListFilters } from "@/components/public/list-filters";
import { Pagination } from "@/components/public/pagination";
import { cachedRead } from "@/lib/api/cached";
import { listPublicFilterOptions } from "@/lib/api/filter-options";
import { parseEventListQuery, QueryParameterError, queryToParams } from "@/lib/api/list-query";
import { tags } from "@/lib/cache/tags";
import { listPublishedEvents, type PublicEventPage } from "@/lib/events/public-list";
import styles from "../lists.module.css";

export const metadata: Metadata = {
  title: "Events",
  description: "Calls, meetings, summits, signings and accessions in the diplomatic record, filterable by country, type, topic, agreement and date.",
  alternates: { canonical: "/events", types: { "application/rss+xml": "/feed.xml", "application/atom+xml": "/atom.xml", "application/feed+json": "/feed.json" } },
};

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function EventsPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const raw = (key: string) => (typeof params[key] === "string" ? (params[key] as string) : undefined);
  let error: QueryParameterError | null = null;
  let page: PublicEventPage | null = null;
  let filterParams = new URLSearchParams();
  try {
    const query = parseEventListQuery(params);
    filterParams = queryToParams(query);
    const key = `${filterParams.toString()}|${query.cursor ?? ""}`;
    page = await cachedRead(["events-list", key], [tags.eventLists], () => listPublishedEvents(query));
  } catch (caught) {
    if (!(caught instanceof QueryParameterError)) throw caught;
    error = caught;
  }
  const options = await cachedRead(["filter-options"], [tags.eventLists, tags.statementLists, tags.agreementLists, tags.search], () => listPublicFilterOptions());
  const link = (cursor: string | null) => {
    if (!cursor) return null;
    const p = new URLSearchParams(filterParams);
    p.set("cursor", cursor);
    return `/events?${p.toString()}`;
  };
  const values = { country: raw("country"), type: raw("type")?.toUpperCase(), topic: raw("topic"), agreement: raw("agreement"), from: raw("from"), to: raw("to") };

  return (
    <div className={styles.page}>
      <PageHeader title="Events">
        <p className={styles.lede}>Every published event in the record, newest first.</p>
      </PageHeader>
      <ListFilters action="/events" options={options} values={values} show={{ type: true }} errors={error?.fieldErrors} />
      {error ? (
        <Alert tone="danger" title="These filters could not be used">
          <p>{error.message}. Change the filter and try again.</p>
        </Alert>
      ) : page && page.items.length === 0 ? (
        <p className={styles.empty}>No published events match these filters.</p>
      ) : (
        <section aria-labelledby="results-heading">
          <h2 id="results-heading" className="visually-hidden">
            Results
          </h2>
          {page?.items.map((event) => <EventListItem key={event.id} event={event} />)}
        </section>
      )}
      {page && <Pagination prevHref={link(page.prev)} nextHref={link(page.next)} label="Event pages" />}
      <p className={styles.feeds}>
        Follow these events: <a href={`/feed.xml${filterParams.size ? `?${filterParams}` : ""}`}>RSS</a> ·{" "}
        <a href={`/atom.xml${filterParams.size ? `?${filterParams}` : ""}`}>Atom</a> ·{" "}
        <a href={`/feed.json${filterParams.size ? `?${filterParams}` : ""}`}>JSON Feed</a> ·{" "}
        <a href={`/api/v1/events.csv${filterParams.size ? `?${filterParams}` : ""}`}>CSV</a>
      </p>
    </div>
  );
}
