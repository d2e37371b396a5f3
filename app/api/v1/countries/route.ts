import { listRoute } from "@/lib/api/handlers";
import { parseEntityListQuery } from "@/lib/api/list-query";
import { listPublicCountries } from "@/lib/api/public-reads";
import { optionsResponse } from "@/lib/api/respond";
import { serializeCountry } from "@/lib/api/serializers";
import { tags } from "@/lib/cache/tags";

export const GET = listRoute({
  name: "countries",
  tags: [tags.search],
  read: async (params, origin) => {
    const page = await listPublicCountries(parseEntityListQuery(params));
    return { data: page.items.map((row) => serializeCountry(row, origin)), nextCursor: page.next };
  },
});
export const OPTIONS = optionsResponse;
