import { listRoute } from "@/lib/api/handlers";
import { parseStatementListQuery } from "@/lib/api/list-query";
import { optionsResponse } from "@/lib/api/respond";
import { serializeStatement } from "@/lib/api/serializers";
import { tags } from "@/lib/cache/tags";
import { listPublishedStatements } from "@/lib/statements/public-list";

export const GET = listRoute({
  name: "statements",
  tags: [tags.statementLists],
  read: async (params, origin) => {
    const page = await listPublishedStatements(parseStatementListQuery(params, { strict: true }));
    return { data: page.items.map((s) => serializeStatement(s, origin)), nextCursor: page.next, prevCursor: page.prev };
  },
});
export const OPTIONS = optionsResponse;
