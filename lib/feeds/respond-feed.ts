import "server-only";
import { cachedRead } from "@/lib/api/cached";
import { parseCalendarQuery, parseEventListQuery, SLUG, parseStatementListQuery, queryToParams, type EventListQuery, type StatementListQuery } from "@/lib/api/list-query";
import { publicOrigin } from "@/lib/api/origin";
import { cacheableResponse, handleApi } from "@/lib/api/respond";
import { tags } from "@/lib/cache/tags";
import { readPublicFilterOptions } from "@/lib/api/filter-options";
import { listPublishedEvents, listUpcomingPublishedEvents, type PublicEventListItem } from "@/lib/events/public-list";
import { getPublicEventPage } from "@/lib/events/public-queries";
import { AppError } from "@/lib/errors/app-error";
import { listPublishedStatements } from "@/lib/statements/public-list";
import { describeListFilters, lowerFirst } from "@/lib/format/list-description";
import { renderAtom } from "./atom";
import { calendarPath, eventCalendarPath, feedPath, type FeedFormat, type FeedList } from "./follow";
import { feedUpdated, statementFeedItem, toFeedItem, type FeedItem, type FeedMeta } from "./feed-items";
import { renderCalendar, type CalendarEvent } from "./ical";
import { renderJsonFeed } from "./json-feed";
import { renderRss } from "./rss";
import { eventPath } from "@/lib/site/paths";

const FORMATS = {
  rss: { contentType: "application/rss+xml; charset=utf-8", render: renderRss },
  atom: { contentType: "application/atom+xml; charset=utf-8", render: renderAtom },
  json: { contentType: "application/feed+json; charset=utf-8", render: renderJsonFeed },
} as const;

/** What a list's feeds read: its filters parsed as the list parses them, its newest page, each item as a feed item. */
function feedList<Q extends Partial<EventListQuery & StatementListQuery>, R>(options: {
  list: string;
  tag: string;
  whole: { title: string; description: string };
  parse: (params: URLSearchParams) => Q;
  read: (query: Q) => Promise<{ items: R[] }>;
  toItem: (row: R, origin: string) => FeedItem;
}) {
  const { parse, read, toItem, ...rest } = options;
  return {
    ...rest,
    read: (params: URLSearchParams, origin: string) => {
      const query = parse(params);
      return { query, items: async () => (await read(query)).items.map((row) => toItem(row, origin)) };
    },
  };
}

/** What each list's feeds read (their addresses: feedPath); each takes its list's filters. */
const LISTS = {
  events: feedList({
    list: "/events",
    tag: tags.eventLists,
    whole: { title: "Chancery: the diplomatic record", description: "Newly published events in the diplomatic record." },
    parse: parseEventListQuery,
    read: listPublishedEvents,
    toItem: toFeedItem,
  }),
  statements: feedList({
    list: "/statements",
    tag: tags.statementLists,
    whole: { title: "Chancery: statements", description: "Newly published statements in the diplomatic record: who said what, verbatim, with sources." },
    parse: parseStatementListQuery,
    read: listPublishedStatements,
    toItem: statementFeedItem,
  }),
};

/** A feed of a list's newest published items, taking the same filters as the list. */
export function feedRoute(format: FeedFormat, list: FeedList = "events") {
  const spec = FORMATS[format];
  const of = LISTS[list];
  return async function GET(request: Request): Promise<Response> {
    return handleApi(request, async () => {
      const url = new URL(request.url);
      const origin = publicOrigin(request);
      const { query, items: readItems } = of.read(url.searchParams, origin);
      const filters = queryToParams(query);
      // Under the agreements' tag too: the title names the agreement a feed follows.
      const body = await cachedRead([`feed:${list}:${format}`, origin, `${filters}|${query.cursor ?? ""}`], [of.tag, tags.agreementLists], async () => {
        const [items, options] = await Promise.all([readItems(), filters.size ? readPublicFilterOptions(query) : null]);
        const suffix = filters.size ? `?${filters}` : "";
        const described = options && describeListFilters(list, query, options);
        const meta: FeedMeta = {
          title: described ? `Chancery: ${lowerFirst(described)}` : of.whole.title,
          description: described ? `Newly published ${lowerFirst(described)}, in the diplomatic record.` : of.whole.description,
          homeUrl: `${origin}${of.list}${suffix}`,
          selfUrl: `${origin}${feedPath(list, format, filters)}`,
          updated: items.length ? feedUpdated(items) : new Date(0),
        };
        return spec.render(meta, items);
      });
      return cacheableResponse(request, body, { contentType: spec.contentType });
    });
  };
}

/**
 * The calendar of upcoming scheduled events, for a calendar app to subscribe to. It takes the
 * events list's filters (`/calendar.ics?country=kz`: the upcoming events involving
 * Kazakhstan) and names itself after them, as a feed does; a bad filter is a 400 naming it.
 */
export async function calendarResponse(request: Request): Promise<Response> {
  return handleApi(request, async () => {
    const origin = publicOrigin(request);
    const host = new URL(origin).host;
    const query = parseCalendarQuery(new URL(request.url).searchParams);
    const filters = queryToParams(query);
    // Keyed by day: "upcoming" changes at midnight even when nothing is published.
    const day = new Date().toISOString().slice(0, 10);
    const body = await cachedRead(["calendar", origin, day, filters.toString()], [tags.eventLists, tags.agreementLists], async () => {
      const [events, options] = await Promise.all([listUpcomingPublishedEvents(query), filters.size ? readPublicFilterOptions(query) : null]);
      const described = options && describeListFilters("events", query, options);
      return renderCalendar({
        name: described ? `Chancery: upcoming ${lowerFirst(described)}` : "Chancery: upcoming diplomatic events",
        url: `${origin}${calendarPath(filters)}`,
        events: events.map((e) => calendarEventOf(e, origin, host)),
      });
    });
    return cacheableResponse(request, body, calendarFile("chancery.ics"));
  });
}

/** A calendar file's type, and the name a browser saves it under. */
const calendarFile = (name: string) => ({ contentType: "text/calendar; charset=utf-8", headers: { "Content-Disposition": `inline; filename="${name}"` } });

/** What a calendar holds of a published event with a day: one VEVENT, the same in the calendar and in the event's own file. */
function calendarEventOf(
  e: Pick<PublicEventListItem, "id" | "slug" | "title" | "summary" | "placeName" | "endDate" | "localTime" | "timeZone" | "publishedAt" | "firstPublishedAt"> & { date: Date | null; country: { name: string } | null },
  origin: string,
  host = new URL(origin).host,
): CalendarEvent {
  return {
    uid: `event-${e.id}@${host}`,
    url: `${origin}${eventPath(e.slug)}`,
    title: e.title,
    description: `${e.summary}\n\n${origin}${eventPath(e.slug)}`,
    location: [e.placeName, e.country?.name].filter(Boolean).join(", ") || null,
    date: e.date!,
    endDate: e.endDate,
    localTime: e.localTime,
    timeZone: e.timeZone,
    stamp: e.publishedAt ?? e.firstPublishedAt ?? new Date(0),
  };
}

/**
 * One published event as a calendar file (`/events/[slug]/calendar.ics`), for "Add it to a
 * calendar" on a scheduled event's page: read through the page's own cached read, so it
 * changes when the page does. An event without a day has nothing to put in a calendar: 404.
 */
export async function eventCalendarResponse(request: Request, slug: string): Promise<Response> {
  return handleApi(request, async () => {
    const origin = publicOrigin(request);
    const page = SLUG.test(slug) ? await getPublicEventPage(slug) : null;
    if (!page || page.kind !== "published") throw new AppError("NOT_FOUND", "There is no published event at this address.");
    const { event } = page;
    if (!event.date || event.datePrecision !== "DAY") throw new AppError("NOT_FOUND", "This event has no day yet to put in a calendar.");
    const body = renderCalendar({ name: `Chancery: ${event.title}`, url: `${origin}${eventCalendarPath(slug)}`, events: [calendarEventOf(event, origin)] });
    return cacheableResponse(request, body, calendarFile(`${slug}.ics`));
  });
}
