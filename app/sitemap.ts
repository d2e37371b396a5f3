import type { MetadataRoute } from "next";
import { cachedRead } from "@/lib/api/cached";
import { publicOrigin } from "@/lib/api/origin";
import { listSitemapRecords } from "@/lib/api/public-reads";
import { tags } from "@/lib/cache/tags";

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
    ...r.events.map((e) => at(`/events/${e.slug}`, e.publishedAt)),
    ...r.statements.map((s) => at(`/statements/${s.slug}`, s.publishedAt)),
    ...r.countries.map((c) => at(`/countries/${c.iso2.toLowerCase()}`)),
    ...r.people.map((p) => at(`/people/${p.slug}`, p.updatedAt)),
    ...r.organizations.map((o) => at(`/organizations/${o.slug}`, o.updatedAt)),
    ...r.agreements.map((a) => at(`/agreements/${a.slug}`, a.updatedAt)),
    ...r.topics.map((t) => at(`/topics/${t.slug}`, t.updatedAt)),
  ];
}
