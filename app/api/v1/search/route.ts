import { cachedRead } from "@/lib/api/cached";
import { pageLink, queryCacheKey } from "@/lib/api/handlers";
import { parseSearchQuery } from "@/lib/api/list-query";
import { publicOrigin } from "@/lib/api/origin";
import { handleApi, jsonResponse, optionsResponse } from "@/lib/api/respond";
import { serializeSearchHit } from "@/lib/api/serializers";
import type { ApiSearchResultList } from "@/lib/api/response-schemas";
import { tags } from "@/lib/cache/tags";
import { searchPublishedRecord } from "@/lib/search/search-record";

export async function GET(request: Request) {
  return handleApi(async () => {
    const url = new URL(request.url);
    const origin = publicOrigin(request);
    const query = parseSearchQuery(url.searchParams, { strict: true });
    const outcome = await cachedRead(["api:search", queryCacheKey(url)], [tags.search, tags.eventLists, tags.statementLists], () => searchPublishedRecord(query));
    if (outcome.kind !== "results") {
      const message = outcome.kind === "empty" ? "Give search words in q." : "The query has only common words or punctuation; nothing to search for.";
      return jsonResponse(request, { data: [], total: 0, next: null, message } satisfies ApiSearchResultList);
    }
    const next = outcome.hasNext ? pageLink(origin, url, "page", String(outcome.page + 1)) : null;
    return jsonResponse(request, {
      data: outcome.hits.map((hit) => serializeSearchHit(hit, origin)),
      total: outcome.total,
      totalIsAtLeast: outcome.totalIsAtLeast,
      next,
    } satisfies ApiSearchResultList);
  });
}
export const OPTIONS = optionsResponse;
