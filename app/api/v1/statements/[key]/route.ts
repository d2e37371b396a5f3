import { itemRoute } from "@/lib/api/handlers";
import { getPublicStatement } from "@/lib/api/public-reads";
import { optionsResponse } from "@/lib/api/respond";
import { serializeStatementDetail, serializeTombstone } from "@/lib/api/serializers";
import { tags } from "@/lib/cache/tags";

export const GET = itemRoute({
  name: "statement",
  what: "Statement",
  tags: (key) => [tags.statementLists, tags.statement(key)],
  read: async (key, origin) => {
    const found = await getPublicStatement(key);
    if (!found) return null;
    return found.kind === "retracted"
      ? { status: 410 as const, data: serializeTombstone("statement", found.tombstone) }
      : { status: 200 as const, data: serializeStatementDetail(found.item, origin) };
  },
});
export const OPTIONS = optionsResponse;
