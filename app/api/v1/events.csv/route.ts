import { cachedRead } from "@/lib/api/cached";
import { pageLink, queryCacheKey } from "@/lib/api/handlers";
import { EVENT_CSV_HEADER, eventCsvRow, toCsv } from "@/lib/api/csv";
import { parseEventListQuery } from "@/lib/api/list-query";
import { publicOrigin } from "@/lib/api/origin";
import { cacheableResponse, handleApi, optionsResponse } from "@/lib/api/respond";
import { serializeEvent } from "@/lib/api/serializers";
import { tags } from "@/lib/cache/tags";
import { listPublishedEvents } from "@/lib/events/public-list";

/** The same rows as /api/v1/events (same filters, cursor and limit), as CSV. */
export async function GET(request: Request) {
  return handleApi(request, async () => {
    const url = new URL(request.url);
    const origin = publicOrigin(request);
    const query = parseEventListQuery(url.searchParams, { strict: true });
    const { csv, next } = await cachedRead(["api:events.csv", origin, queryCacheKey(url)], [tags.eventLists], async () => {
      const page = await listPublishedEvents(query);
      return { csv: toCsv(EVENT_CSV_HEADER, page.items.map((e) => eventCsvRow(serializeEvent(e, origin)))), next: page.next };
    });
    const headers: Record<string, string> = { "Content-Disposition": 'attachment; filename="chancery-events.csv"' };
    if (next) headers.Link = `<${pageLink(origin, url, "cursor", next)}>; rel="next"`;
    return cacheableResponse(request, csv, { contentType: "text/csv; charset=utf-8; header=present", headers });
  });
}
export const OPTIONS = optionsResponse;
