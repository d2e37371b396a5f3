import type { MetadataRoute } from "next";
import { cachedRead } from "@/lib/api/cached";
import { publicOrigin } from "@/lib/api/origin";
import { listSitemapRecords } from "@/lib/api/public-reads";
import { tags } from "@/lib/cache/tags";
import { agreementPath, countryPath, eventPath, organizationPath, personPath, statementPath, topicPath } from "@/lib/site/paths";

// Read at request time (through the tagged cache), never frozen at build.
export const dynamic = "force-dynamic";

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const origin = publicOrigin();
  const r = await cachedRead(["sitemap"], [tags.eventLists, tags.statementLists, tags.agreementLists, tags.search], () => listSitemapRecords());
  const at = (path: string, lastModified?: Date | null) => ({ url: `${origin}${path}`, ...(lastModified ? { lastModified } : {}) });
  return [
    at("/"),
    at("/events"),
    at("/statements"),
    at("/countries"),
    at("/agreements"),
    at("/corrections"),
    ...r.events.map((e) => at(eventPath(e.slug), e.publishedAt)),
    ...r.statements.map((s) => at(statementPath(s.slug), s.publishedAt)),
    ...r.countries.map((c) => at(countryPath(c.iso2))),
    ...r.people.map((p) => at(personPath(p.slug), p.updatedAt)),
    ...r.organizations.map((o) => at(organizationPath(o.slug), o.updatedAt)),
    ...r.agreements.map((a) => at(agreementPath(a.slug), a.updatedAt)),
    ...r.topics.map((t) => at(topicPath(t.slug), t.updatedAt)),
  ];
}
