import { listRoute } from "@/lib/api/handlers";
import { parseEntityListQuery } from "@/lib/api/list-query";
import { listPublicAgreements } from "@/lib/api/public-reads";
import { optionsResponse } from "@/lib/api/respond";
import { serializeAgreement } from "@/lib/api/serializers";
import { tags } from "@/lib/cache/tags";

export const GET = listRoute({
  name: "agreements",
  tags: [tags.agreementLists, tags.eventLists],
  read: async (params, origin) => {
    const page = await listPublicAgreements(parseEntityListQuery(params));
    return { data: page.items.map((row) => serializeAgreement(row, origin)), nextCursor: page.next };
  },
});
export const OPTIONS = optionsResponse;
