import { itemRoute } from "@/lib/api/handlers";
import { getPublicAgreement } from "@/lib/api/public-reads";
import { optionsResponse } from "@/lib/api/respond";
import { serializeAgreement } from "@/lib/api/serializers";
import { tags } from "@/lib/cache/tags";

export const GET = itemRoute({
  name: "agreements-item",
  what: "Agreement",
  tags: (key) => [tags.agreementLists, tags.eventLists, tags.agreement(key)],
  read: async (key, origin) => {
    const row = await getPublicAgreement(key);
    return row ? { status: 200 as const, data: serializeAgreement(row, origin) } : null;
  },
});
export const OPTIONS = optionsResponse;
