import { cachedRead } from "@/lib/api/cached";
import { publicOrigin } from "@/lib/api/origin";
import { tags } from "@/lib/cache/tags";
import { listSitemapFiles, sitemapIndexXml } from "@/lib/sitemap/sitemap";

// Read at request time (through the tagged cache), never frozen at build.
export const dynamic = "force-dynamic";

/** The sitemap index: one entry per file of at most SITEMAP_FILE_URLS URLs (lib/sitemap). */
export async function GET(request: Request) {
  const files = await cachedRead(["sitemap-files"], [tags.eventLists, tags.statementLists, tags.agreementLists, tags.search], () => listSitemapFiles());
  return new Response(sitemapIndexXml(files, publicOrigin(request)), {
    headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": "public, max-age=0, must-revalidate" },
  });
}
