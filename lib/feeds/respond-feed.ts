import "server-only";
import { cachedRead } from "@/lib/api/cached";
import { parseEventListQuery, queryToParams } from "@/lib/api/list-query";
import { publicOrigin } from "@/lib/api/origin";
import { cacheableResponse, handleApi } from "@/lib/api/respond";
import { tags } from "@/lib/cache/tags";
import { readPublicFilterOptions } from "@/lib/api/filter-options";
import { listPublishedEvents, listUpcomingPublishedEvents } from "@/lib/events/public-list";
import { describeListFilters, lowerFirst } from "@/lib/format/list-description";
import { renderAtom } from "./atom";
import { feedUpdated, toFeedItem, type FeedItem, type FeedMeta } from "./feed-items";
import { renderCalendar } from "./ical";
import { renderJsonFeed } from "./json-feed";
import { renderRss } from "./rss";
import { eventPath } from "@/lib/site/paths";

const FORMATS = {
  rss: { path: "/feed.xml", contentType: "application/rss+xml; charset=utf-8", render: renderRss },
  atom: { path: "/atom.xml", contentType: "application/atom+xml; charset=utf-8", render: renderAtom },
  json: { path: "/feed.json", contentType: "application/feed+json; charset=utf-8", render: renderJsonFeed },
} as const;

/** A feed of the newest published events, taking the same filters as /events. */
export function feedRoute(format: keyof typeof FORMATS) {
  const spec = FORMATS[format];
  return async function GET(request: Request): Promise<Response> {
    return handleApi(async () => {
      const url = new URL(request.url);
      const origin = publicOrigin(request);
      const query = parseEventListQuery(url.searchParams);
      const filters = queryToParams(query);
      // Under the agreements' tag too: the title names the agreement a feed follows.
      const body = await cachedRead([`feed:${format}`, origin, `${filters}|${query.cursor ?? ""}`], [tags.eventLists, tags.agreementLists], async () => {
        const [page, options] = await Promise.all([listPublishedEvents(query), filters.size ? readPublicFilterOptions(query) : null]);
        const items: FeedItem[] = page.items.map((e) => toFeedItem(e, origin));
        const suffix = filters.size ? `?${filters}` : "";
        const described = options && describeListFilters("events", query, options);
        const meta: FeedMeta = {
          title: described ? `Chancery: ${lowerFirst(described)}` : "Chancery: the diplomatic record",
          description: described ? `Newly published ${lowerFirst(described)}, in the diplomatic record.` : "Newly published events in the diplomatic record.",
          homeUrl: `${origin}/events${suffix}`,
          selfUrl: `${origin}${spec.path}${suffix}`,
          updated: items.length ? feedUpdated(items) : new Date(0),
        };
        return spec.render(meta, items);
      });
      return cacheableResponse(request, body, { contentType: spec.contentType });
    });
  };
}

export async function calendarResponse(request: Request): Promise<Response> {
  return handleApi(async () => {
    const origin = publicOrigin(request);
    const host = new URL(origin).host;
    // Keyed by day: "upcoming" changes at midnight even when nothing is published.
    const day = new Date().toISOString().slice(0, 10);
    const body = await cachedRead(["calendar", origin, day], [tags.eventLists], async () => {
      const events = await listUpcomingPublishedEvents();
      return renderCalendar({
        name: "Chancery: upcoming diplomatic events",
        url: `${origin}/calendar.ics`,
        events: events.map((e) => ({
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
        })),
      });
    });
    return cacheableResponse(request, body, { contentType: "text/calendar; charset=utf-8", headers: { "Content-Disposition": 'inline; filename="chancery.ics"' } });
  });
}
