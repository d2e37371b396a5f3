import { listRoute } from "@/lib/api/handlers";
import { parseEntityListQuery } from "@/lib/api/list-query";
import { listPublicPeople } from "@/lib/api/public-reads";
import { optionsResponse } from "@/lib/api/respond";
import { serializePerson } from "@/lib/api/serializers";
import { tags } from "@/lib/cache/tags";

export const GET = listRoute({
  name: "people",
  tags: [tags.search],
  read: async (params, origin) => {
    const page = await listPublicPeople(parseEntityListQuery(params));
    return { data: page.items.map((row) => serializePerson(row, origin)), nextCursor: page.next };
  },
});
export const OPTIONS = optionsResponse;
