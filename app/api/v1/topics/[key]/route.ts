import { itemRoute } from "@/lib/api/handlers";
import { getPublicTopic } from "@/lib/api/public-reads";
import { optionsResponse } from "@/lib/api/respond";
import { serializeTopic } from "@/lib/api/serializers";
import { tags } from "@/lib/cache/tags";

export const GET = itemRoute({
  name: "topics-item",
  what: "Topic",
  tags: (key) => [tags.search, tags.topic(key)],
  read: async (key, origin) => {
    const row = await getPublicTopic(key);
    return row ? { status: 200 as const, data: serializeTopic(row, origin) } : null;
  },
});
export const OPTIONS = optionsResponse;
