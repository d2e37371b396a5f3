import type { Metadata } from "next";
import { EventListItem } from "@/components/public/event-list-item";
import { parseEventListQuery } from "@/lib/api/list-query";
import { tags } from "@/lib/cache/tags";
import { listPublishedEvents } from "@/lib/events/public-list";
import { FilteredList, readFilteredList, type SearchParams } from "../filtered-list";
import styles from "../lists.module.css";

export const metadata: Metadata = {
  title: "Events",
  description: "Calls, meetings, summits, signings and accessions in the diplomatic record, filterable by country, type, topic, agreement and date.",
  alternates: { canonical: "/events", types: { "application/rss+xml": "/feed.xml", "application/atom+xml": "/atom.xml", "application/feed+json": "/feed.json" } },
};

export default async function EventsPage({ searchParams }: { searchParams: SearchParams }) {
  const list = await readFilteredList({ searchParams, path: "/events", tags: [tags.eventLists], parse: parseEventListQuery, list: listPublishedEvents });
  const { raw, filterParams } = list;
  const query = filterParams.size ? `?${filterParams}` : "";
  return (
    <FilteredList
      title="Events"
      lede="Every published event in the record, newest first."
      list={list}
      values={{ country: raw("country"), type: raw("type")?.toUpperCase(), topic: raw("topic"), agreement: raw("agreement"), from: raw("from"), to: raw("to") }}
      show={{ type: true }}
      empty="No published events match these filters."
      pagesLabel="Event pages"
      after={
        <p className={styles.feeds}>
          Follow these events: <a href={`/feed.xml${query}`}>RSS</a> · <a href={`/atom.xml${query}`}>Atom</a> · <a href={`/feed.json${query}`}>JSON Feed</a> ·{" "}
          <a href={`/api/v1/events.csv${query}`}>CSV</a>
        </p>
      }
    >
      {list.page?.items.map((event) => <EventListItem key={event.id} event={event} />)}
    </FilteredList>
  );
}
