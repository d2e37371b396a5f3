import { itemRoute } from "@/lib/api/handlers";
import { getPublicPerson } from "@/lib/api/public-reads";
import { optionsResponse } from "@/lib/api/respond";
import { serializePerson } from "@/lib/api/serializers";
import { tags } from "@/lib/cache/tags";

export const GET = itemRoute({
  name: "people-item",
  what: "Person",
  tags: (key) => [tags.search, tags.person(key)],
  read: async (key, origin) => {
    const row = await getPublicPerson(key);
    return row ? { status: 200 as const, data: serializePerson(row, origin) } : null;
  },
});
export const OPTIONS = optionsResponse;
