import "server-only";
import { db, Prisma } from "@/lib/db/client";
import { agreementPath, countryPath, eventPath, organizationPath, personPath, statementPath, topicPath } from "@/lib/site/paths";

/**
 * The sitemap as the protocol wants it at any record size: /sitemap.xml is an index
 * of files of at most SITEMAP_FILE_URLS URLs each (the protocol allows 50,000; smaller
 * files render and download faster: a file's first request after a restart is mostly
 * reading its rows, 230-416 ms median for 10,000 URLs and 188-300 ms for 5,000 on the
 * scale record, docs/performance.md), one series of files per kind of page. A file
 * covers a range of ids, cut where the index was built, so each is read through the
 * primary key and never by OFFSET. Only published events and statements appear;
 * countries only when the record mentions them.
 */
export const SITEMAP_FILE_URLS = 5_000;

export type SitemapSection = "events" | "statements" | "people" | "organizations" | "agreements" | "topics";
export const SITEMAP_SECTIONS: SitemapSection[] = ["events", "statements", "people", "organizations", "agreements", "topics"];

interface SectionSource {
  /** Fixed identifiers, never user input. */
  table: string;
  path: (slug: string) => string;
  lastModified: string;
  published: boolean;
}
const SOURCES: Record<SitemapSection, SectionSource> = {
  events: { table: "Event", path: eventPath, lastModified: "publishedAt", published: true },
  statements: { table: "Statement", path: statementPath, lastModified: "publishedAt", published: true },
  people: { table: "Person", path: personPath, lastModified: "updatedAt", published: false },
  organizations: { table: "Organization", path: organizationPath, lastModified: "updatedAt", published: false },
  agreements: { table: "Agreement", path: agreementPath, lastModified: "updatedAt", published: false },
  topics: { table: "Topic", path: topicPath, lastModified: "updatedAt", published: false },
};

export interface SitemapFile {
  /** "pages", or a section and a part number from 1: "events-3". */
  name: string;
  /** ISO timestamp of the newest change in the file, when known. */
  lastModified: string | null;
  /** The id range the file covers (inclusive), for section files. */
  first?: string;
  last?: string;
}

export interface SitemapUrl {
  path: string;
  lastModified: string | null;
}

const STATIC_PAGES = ["/", "/events", "/statements", "/countries", "/agreements", "/corrections", "/data"];

/**
 * The files of the index, each section cut into runs of SITEMAP_FILE_URLS ids. Each
 * section's cut reads its whole id index once, a run at a time: each run is the next
 * SITEMAP_FILE_URLS ids after the last run's last (a recursive query, one statement),
 * read in id order through the (status, id, publishedAt) index and never numbered row
 * by row. Numbering every row (row_number() and a GROUP BY) cost twice as much: on the
 * scale record, in a fresh session, 182-245 against 114-128 ms for 200,000 statements
 * (docs/performance.md, "Sitemaps"). The sections are cut at once, each on its own
 * connection.
 */
export async function listSitemapFiles(perFile = SITEMAP_FILE_URLS): Promise<SitemapFile[]> {
  const sections = await Promise.all(
    SITEMAP_SECTIONS.map(async (section) => {
      const s = SOURCES[section];
      const published = s.published ? Prisma.sql`t.status = 'PUBLISHED'::"PublicationStatus" AND` : Prisma.empty;
      const run = (after: Prisma.Sql) => Prisma.sql`(SELECT min(r.id) AS first, max(r.id) AS last, max(r.m) AS modified
        FROM (SELECT t.id, t.${Prisma.raw(`"${s.lastModified}"`)} AS m FROM ${Prisma.raw(`"${s.table}"`)} t
               WHERE ${published} ${after} ORDER BY t.id LIMIT ${perFile}) r)`;
      const parts = await db.$queryRaw<Array<{ part: number; first: string; last: string; modified: Date | null }>>`
        WITH RECURSIVE parts(part, first, last, modified) AS (
          SELECT 0, p.first, p.last, p.modified FROM ${run(Prisma.sql`TRUE`)} p WHERE p.last IS NOT NULL
          UNION ALL
          SELECT parts.part + 1, p.first, p.last, p.modified FROM parts, LATERAL ${run(Prisma.sql`t.id > parts.last`)} p WHERE p.last IS NOT NULL
        )
        SELECT part, first, last, modified FROM parts ORDER BY part`;
      return parts.map(
        (p): SitemapFile => ({ name: `${section}-${Number(p.part) + 1}`, first: p.first, last: p.last, lastModified: p.modified?.toISOString() ?? null }),
      );
    }),
  );
  return [{ name: "pages", lastModified: null }, ...sections.flat()];
}

/** The URLs of one file of the index, or null when the index has no such file. */
export async function readSitemapFile(files: SitemapFile[], name: string, perFile = SITEMAP_FILE_URLS): Promise<SitemapUrl[] | null> {
  const file = files.find((f) => f.name === name);
  if (!file) return null;
  if (name === "pages") {
    // Countries the record mentions: published events and statements, or treaty actions.
    const countries = await db.$queryRaw<Array<{ iso2: string }>>`
      SELECT c.iso2 FROM "Country" c
      WHERE EXISTS (SELECT 1 FROM "EventCountry" ec WHERE ec."countryId" = c.iso2 AND ec.published)
         OR EXISTS (SELECT 1 FROM "StatementConcern" sc WHERE sc."countryId" = c.iso2 AND sc.published)
         OR EXISTS (SELECT 1 FROM "TreatyAction" t WHERE t."countryId" = c.iso2)
      ORDER BY c.iso2`;
    return [...STATIC_PAGES.map((path) => ({ path, lastModified: null })), ...countries.map((c) => ({ path: countryPath(c.iso2.trim()), lastModified: null }))];
  }
  const section = name.slice(0, name.lastIndexOf("-")) as SitemapSection;
  const s = SOURCES[section];
  const published = s.published ? Prisma.sql`AND t.status = 'PUBLISHED'::"PublicationStatus"` : Prisma.empty;
  const rows = await db.$queryRaw<Array<{ slug: string; modified: Date | null }>>`
    SELECT t.slug, t.${Prisma.raw(`"${s.lastModified}"`)} AS modified FROM ${Prisma.raw(`"${s.table}"`)} t
     WHERE t.id >= ${file.first} AND t.id <= ${file.last} ${published}
     ORDER BY t.id LIMIT ${perFile}`;
  return rows.map((r) => ({ path: s.path(r.slug), lastModified: r.modified?.toISOString() ?? null }));
}

const escapeXml = (value: string) => value.replace(/[<>&'"]/g, (c) => `&${{ "<": "lt", ">": "gt", "&": "amp", "'": "apos", '"': "quot" }[c]};`);

export function sitemapIndexXml(files: SitemapFile[], origin: string): string {
  const entries = files.map(
    (f) => `<sitemap><loc>${escapeXml(`${origin}/sitemaps/${f.name}.xml`)}</loc>${f.lastModified ? `<lastmod>${f.lastModified}</lastmod>` : ""}</sitemap>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join("\n")}\n</sitemapindex>\n`;
}

export function sitemapFileXml(urls: SitemapUrl[], origin: string): string {
  const entries = urls.map((u) => `<url><loc>${escapeXml(`${origin}${u.path}`)}</loc>${u.lastModified ? `<lastmod>${u.lastModified}</lastmod>` : ""}</url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join("\n")}\n</urlset>\n`;
}
