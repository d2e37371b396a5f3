import { listRoute } from "@/lib/api/handlers";
import { parseEntityListQuery } from "@/lib/api/list-query";
import { listPublicTopics } from "@/lib/api/public-reads";
import { optionsResponse } from "@/lib/api/respond";
import { serializeTopic } from "@/lib/api/serializers";
import { tags } from "@/lib/cache/tags";

export const GET = listRoute({
  name: "topics",
  tags: [tags.search],
  read: async (params, origin) => {
    const page = await listPublicTopics(parseEntityListQuery(params));
    return { data: page.items.map((row) => serializeTopic(row, origin)), nextCursor: page.next };
  },
});
export const OPTIONS = optionsResponse;
