import { listRoute } from "@/lib/api/handlers";
import { parseEventListQuery } from "@/lib/api/list-query";
import { optionsResponse } from "@/lib/api/respond";
import { serializeEvent } from "@/lib/api/serializers";
import { tags } from "@/lib/cache/tags";
import { listPublishedEvents } from "@/lib/events/public-list";

export const GET = listRoute({
  name: "events",
  tags: [tags.eventLists],
  read: async (params, origin) => {
    const page = await listPublishedEvents(parseEventListQuery(params, { strict: true }));
    return { data: page.items.map((e) => serializeEvent(e, origin)), nextCursor: page.next, prevCursor: page.prev };
  },
});
export const OPTIONS = optionsResponse;
