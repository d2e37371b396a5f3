import { cachedRead } from "@/lib/api/cached";
import { parseSearchQuery } from "@/lib/api/list-query";
import { publicOrigin } from "@/lib/api/origin";
import { handleApi, jsonResponse, optionsResponse } from "@/lib/api/respond";
import { apiDate } from "@/lib/api/serializers";
import { tags } from "@/lib/cache/tags";
import { searchPublishedRecord } from "@/lib/search/search-record";
import { snippetText, snippetToHtml } from "@/lib/search/snippet";

export async function GET(request: Request) {
  return handleApi(async () => {
    const url = new URL(request.url);
    const origin = publicOrigin(request);
    const query = parseSearchQuery(url.searchParams, { strict: true });
    const key = [...url.searchParams.entries()].sort().map(([k, v]) => `${k}=${v}`).join("&");
    const outcome = await cachedRead(["api:search", key], [tags.search, tags.eventLists, tags.statementLists], () => searchPublishedRecord(query));
    if (outcome.kind !== "results") {
      const message = outcome.kind === "empty" ? "Give search words in q." : "The query has only common words or punctuation; nothing to search for.";
      return jsonResponse(request, { data: [], total: 0, next: null, message });
    }
    let next: string | null = null;
    if (outcome.hasNext) {
      const n = new URL(`${origin}${url.pathname}`);
      url.searchParams.forEach((v, k) => n.searchParams.set(k, v));
      n.searchParams.set("page", String(outcome.page + 1));
      next = n.toString();
    }
    return jsonResponse(request, {
      data: outcome.hits.map((h) => ({
        kind: h.kind,
        id: h.id,
        slug: h.slug,
        url: `${origin}/${h.kind === "event" ? "events" : "statements"}/${h.slug}`,
        title: snippetText(h.title),
        snippet: snippetText(h.snippet),
        snippetHtml: snippetToHtml(h.snippet),
        date: apiDate(h.date, h.precision),
        rank: h.rank,
      })),
      total: outcome.total,
      next,
    });
  });
}
export const OPTIONS = optionsResponse;
