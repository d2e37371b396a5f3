import { EventListItem } from "@/components/public/event-list-item";
import { FollowFeeds } from "@/components/public/follow-feeds";
import { parseEventListQuery } from "@/lib/api/list-query";
import { tags } from "@/lib/cache/tags";
import { listPublishedEvents } from "@/lib/events/public-list";
import { feedAlternates } from "@/lib/feeds/follow";
import { FilteredList, filteredListMetadata, readFilteredList, type SearchParams } from "../filtered-list";

export const generateMetadata = filteredListMetadata(
  "events",
  {
    title: "Events",
    description: "Calls, meetings, summits, signings and accessions in the diplomatic record, filterable by country, type, topic, agreement and date.",
    alternates: { canonical: "/events", types: feedAlternates([{ list: "events", title: "Chancery: the diplomatic record" }]) },
  },
  parseEventListQuery,
);

export default async function EventsPage({ searchParams }: { searchParams: SearchParams }) {
  const list = await readFilteredList({ searchParams, kind: "events", path: "/events", tags: [tags.eventLists], parse: parseEventListQuery, list: listPublishedEvents });
  const { raw, filterParams } = list;
  return (
    <FilteredList
      title={list.described ?? "Events"}
      lede={list.described ? "The published events these filters keep, newest first." : "Every published event in the record, newest first."}
      list={list}
      values={{ country: raw("country"), type: raw("type")?.toUpperCase(), topic: raw("topic"), agreement: raw("agreement"), from: raw("from"), to: raw("to") }}
      show={{ type: true }}
      empty="No published events match these filters."
      pagesLabel="Event pages"
      after={<FollowFeeds list="events" filters={filterParams} csv />}
    >
      {list.page?.items.map((event) => <EventListItem key={event.id} event={event} />)}
    </FilteredList>
  );
}
