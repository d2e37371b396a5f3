import type { Metadata } from "next";
import { describeListOf, lowerFirst, recordFilter, type FollowedRecord } from "@/lib/format/list-description";
import { listFilterQuery } from "@/lib/site/paths";
import { absoluteUrl } from "@/lib/site/url";

/** The lists that have feeds: events (/feed.xml, the record's own since the start) and statements (/statements/feed.xml). */
export type FeedList = "events" | "statements";
export type FeedFormat = "rss" | "atom" | "json";

const FILES: Record<FeedFormat, string> = { rss: "feed.xml", atom: "atom.xml", json: "feed.json" };
const DIRS: Record<FeedList, string> = { events: "", statements: "/statements" };

/** The address of a list's feed in a format, with the list's filters ("country=kz"), which the feeds take as the list does. */
export function feedPath(list: FeedList, format: FeedFormat, filters: URLSearchParams | string = ""): string {
  const query = filters.toString();
  return `${DIRS[list]}/${FILES[format]}${query ? `?${query}` : ""}`;
}

/** The address of the calendar of upcoming events with the events list's filters, which it takes as the feeds do. */
export function calendarPath(filters: URLSearchParams | string = ""): string {
  const query = filters.toString();
  return `/calendar.ics${query ? `?${query}` : ""}`;
}

/**
 * The calendar of upcoming events as a calendar app subscribes to it (webcal:, which Apple's
 * Calendar and Outlook open as a subscription that keeps itself up to date). An https link to
 * the same file is a one-off import there, and on a phone a download: what was announced later
 * never reached it.
 */
export function calendarSubscribeUrl(filters: URLSearchParams | string = ""): string {
  return absoluteUrl(calendarPath(filters)).replace(/^https?:/, "webcal:");
}

/** The address of one event's own calendar file, for "Add it to a calendar" on its page. */
export function eventCalendarPath(slug: string): string {
  return `/events/${slug}/calendar.ics`;
}

/** A list's feeds (RSS, Atom, JSON Feed) and, for events, the calendar of upcoming ones and the API's CSV, with its filters. */
export function feedPaths(list: FeedList, filters: URLSearchParams | string = "") {
  const query = filters.toString();
  return {
    rss: feedPath(list, "rss", query),
    atom: feedPath(list, "atom", query),
    json: feedPath(list, "json", query),
    calendar: list === "events" ? calendarPath(query) : null,
    csv: list === "events" ? `/api/v1/events.csv${query ? `?${query}` : ""}` : null,
  };
}

type AlternateTypes = NonNullable<NonNullable<Metadata["alternates"]>["types"]>;

/**
 * The same feeds as a page's alternate links, which feed readers and browsers find in its
 * head: a reader who adds Kazakhstan's page to a reader gets events involving Kazakhstan.
 */
export function feedAlternates(feeds: Array<{ list: FeedList; title: string; filters?: URLSearchParams | string }>): AlternateTypes {
  const of = (format: FeedFormat) => feeds.map(({ list, title, filters }) => ({ url: feedPath(list, format, filters), title }));
  return { "application/rss+xml": of("rss"), "application/atom+xml": of("atom"), "application/feed+json": of("json") };
}

/**
 * A record page's feeds of a list: the filter its "Follow these …" links take, and its
 * feed's title as the feed gives it ("Chancery: events involving Kazakhstan").
 */
export function recordFeed(list: FeedList, record: FollowedRecord) {
  const { name, value } = recordFilter(record);
  return { list, filters: listFilterQuery(name, value), title: `Chancery: ${lowerFirst(describeListOf(list, record))}` };
}
