import { itemRoute } from "@/lib/api/handlers";
import { getPublicOrganization } from "@/lib/api/public-reads";
import { optionsResponse } from "@/lib/api/respond";
import { serializeOrganization } from "@/lib/api/serializers";
import { tags } from "@/lib/cache/tags";

export const GET = itemRoute({
  name: "organizations-item",
  what: "Organization",
  tags: (key) => [tags.search, tags.organization(key)],
  read: async (key, origin) => {
    const row = await getPublicOrganization(key);
    return row ? { status: 200 as const, data: serializeOrganization(row, origin) } : null;
  },
});
export const OPTIONS = optionsResponse;
