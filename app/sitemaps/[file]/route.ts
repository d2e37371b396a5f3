import { cachedRead } from "@/lib/api/cached";
import { publicOrigin } from "@/lib/api/origin";
import { tags } from "@/lib/cache/tags";
import { listSitemapFiles, readSitemapFile, sitemapFileXml } from "@/lib/sitemap/sitemap";

export const dynamic = "force-dynamic";

const SITEMAP_TAGS = [tags.eventLists, tags.statementLists, tags.agreementLists, tags.search];
const NAME = /^(pages|[a-z]+-[1-9][0-9]{0,5})\.xml$/;

/** One file of the sitemap index (/sitemap.xml): at most SITEMAP_FILE_URLS URLs. */
export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }) {
  const match = NAME.exec((await params).file);
  const notFound = () => new Response("No such sitemap file.\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  if (!match) return notFound();
  const name = match[1]!;
  const urls = await cachedRead(["sitemap-file", name], SITEMAP_TAGS, async () => readSitemapFile(await listSitemapFilesCached(), name));
  if (!urls) return notFound();
  return new Response(sitemapFileXml(urls, publicOrigin(request)), {
    headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": "public, max-age=0, must-revalidate" },
  });
}

function listSitemapFilesCached() {
  return cachedRead(["sitemap-files"], SITEMAP_TAGS, () => listSitemapFiles());
}
