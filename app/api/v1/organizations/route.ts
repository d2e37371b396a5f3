import { listRoute } from "@/lib/api/handlers";
import { parseEntityListQuery } from "@/lib/api/list-query";
import { listPublicOrganizations } from "@/lib/api/public-reads";
import { optionsResponse } from "@/lib/api/respond";
import { serializeOrganization } from "@/lib/api/serializers";
import { tags } from "@/lib/cache/tags";

export const GET = listRoute({
  name: "organizations",
  tags: [tags.search],
  read: async (params, origin) => {
    const page = await listPublicOrganizations(parseEntityListQuery(params));
    return { data: page.items.map((row) => serializeOrganization(row, origin)), nextCursor: page.next };
  },
});
export const OPTIONS = optionsResponse;
