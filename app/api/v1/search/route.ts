import { cachedRead } from "@/lib/api/cached";
import { pageLink, queryCacheKey } from "@/lib/api/handlers";
import { parseSearchQuery } from "@/lib/api/list-query";
import { publicOrigin } from "@/lib/api/origin";
import { dataEnvelope, handleApi, jsonResponse, jsonTextResponse, optionsResponse } from "@/lib/api/respond";
import { serializeSearchHit } from "@/lib/api/serializers";
import type { ApiSearchResultList } from "@/lib/api/response-schemas";
import { tags } from "@/lib/cache/tags";
import { searchPublishedRecord } from "@/lib/search/search-record";

export async function GET(request: Request) {
  return handleApi(request, async () => {
    const url = new URL(request.url);
    const origin = publicOrigin(request);
    const query = parseSearchQuery(url.searchParams, { strict: true });
    // The hits kept as the JSON text they are sent as (lib/api/handlers.ts).
    const found = await cachedRead(["api:search", origin, queryCacheKey(url)], [tags.search, tags.eventLists, tags.statementLists], async () => {
      const outcome = await searchPublishedRecord(query);
      if (outcome.kind !== "results") return { kind: outcome.kind };
      const { total, totalIsAtLeast, hasNext, page } = outcome;
      return { kind: outcome.kind, data: JSON.stringify(outcome.hits.map((hit) => serializeSearchHit(hit, origin))), total, totalIsAtLeast, hasNext, page };
    });
    if (found.kind !== "results") {
      const message = found.kind === "empty" ? "Give search words in q." : "The query has only common words or punctuation; nothing to search for.";
      return jsonResponse(request, { data: [], total: 0, next: null, message } satisfies ApiSearchResultList);
    }
    const next = found.hasNext ? pageLink(origin, url, "page", String(found.page + 1)) : null;
    const rest = { total: found.total, totalIsAtLeast: found.totalIsAtLeast, next } satisfies Omit<ApiSearchResultList, "data">;
    return jsonTextResponse(request, dataEnvelope(found.data, rest));
  });
}
export const OPTIONS = optionsResponse;
