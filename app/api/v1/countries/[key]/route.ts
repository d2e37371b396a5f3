import { itemRoute } from "@/lib/api/handlers";
import { getPublicCountry } from "@/lib/api/public-reads";
import { optionsResponse } from "@/lib/api/respond";
import { serializeCountry } from "@/lib/api/serializers";
import { tags } from "@/lib/cache/tags";

export const GET = itemRoute({
  name: "countries-item",
  what: "Country",
  tags: (key) => [tags.search, tags.country(key)],
  read: async (key, origin) => {
    const row = await getPublicCountry(key);
    return row ? { status: 200 as const, data: serializeCountry(row, origin) } : null;
  },
});
export const OPTIONS = optionsResponse;
