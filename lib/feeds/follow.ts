import type { Metadata } from "next";
import { describeEventsOf, lowerFirst } from "@/lib/format/list-description";
import { listFilterQuery } from "@/lib/site/paths";

/**
 * The addresses of the feeds of a list of events (RSS, Atom, JSON Feed, and the CSV of
 * the API), with the list's filters ("country=kz"): the feeds take the filters /events
 * takes (lib/feeds/respond-feed.ts).
 */
export function eventFeedPaths(filters: URLSearchParams | string = "") {
  const query = filters.toString();
  const suffix = query ? `?${query}` : "";
  return { rss: `/feed.xml${suffix}`, atom: `/atom.xml${suffix}`, json: `/feed.json${suffix}`, csv: `/api/v1/events.csv${suffix}` };
}

/**
 * The same feeds as a page's alternate links, which feed readers and browsers find in its
 * head: a reader who adds Kazakhstan's page to a reader gets events involving Kazakhstan.
 */
export function eventFeedAlternates(title: string, filters: URLSearchParams | string = ""): NonNullable<NonNullable<Metadata["alternates"]>["types"]> {
  const paths = eventFeedPaths(filters);
  return {
    "application/rss+xml": [{ url: paths.rss, title }],
    "application/atom+xml": [{ url: paths.atom, title }],
    "application/feed+json": [{ url: paths.json, title }],
  };
}

/**
 * The feeds of a country's, a topic's or an agreement's events: the filter its page's
 * "Follow these events" links take, and its alternate links, titled as the feeds title
 * themselves ("Chancery: events involving Kazakhstan").
 */
export function recordEventFeeds(record: Parameters<typeof describeEventsOf>[0]) {
  const filters =
    "country" in record ? listFilterQuery("country", record.country.iso2) : "topic" in record ? listFilterQuery("topic", record.topic.slug) : listFilterQuery("agreement", record.agreement.slug);
  return { filters, alternates: eventFeedAlternates(`Chancery: ${lowerFirst(describeEventsOf(record))}`, filters) };
}
