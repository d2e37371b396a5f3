import { itemRoute } from "@/lib/api/handlers";
import { getPublicEvent } from "@/lib/api/public-reads";
import { optionsResponse } from "@/lib/api/respond";
import { serializeEventDetail, serializeTombstone } from "@/lib/api/serializers";
import { tags } from "@/lib/cache/tags";

export const GET = itemRoute({
  name: "event",
  what: "Event",
  tags: (key) => [tags.eventLists, tags.event(key)],
  read: async (key, origin) => {
    const found = await getPublicEvent(key);
    if (!found) return null;
    return found.kind === "retracted"
      ? { status: 410 as const, data: serializeTombstone("event", found.tombstone) }
      : { status: 200 as const, data: serializeEventDetail(found.item, origin) };
  },
});
export const OPTIONS = optionsResponse;
