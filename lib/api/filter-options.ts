import "server-only";
import { db } from "@/lib/db/client";

/**
 * Choices for the public filter forms: only countries that appear in the published
 * record (249 options would bury the useful ones), and every topic, agreement and
 * speaker with at least one published item.
 */
export async function listPublicFilterOptions() {
  const [countries, topics, agreements, speakers] = await Promise.all([
    db.$queryRaw<Array<{ iso2: string; name: string }>>`
      SELECT c.iso2, c.name FROM "Country" c
      WHERE EXISTS (SELECT 1 FROM "Event" e WHERE e."countryId" = c.iso2 AND e.status = 'PUBLISHED')
         OR EXISTS (SELECT 1 FROM "EventParticipant" p JOIN "Event" e ON e.id = p."eventId" WHERE p."countryId" = c.iso2 AND e.status = 'PUBLISHED')
         OR EXISTS (SELECT 1 FROM "StatementCountry" sc JOIN "Statement" s ON s.id = sc."statementId" WHERE sc."countryId" = c.iso2 AND s.status = 'PUBLISHED')
      ORDER BY c.name`,
    db.topic.findMany({ orderBy: { name: "asc" }, select: { slug: true, name: true } }),
    db.agreement.findMany({ orderBy: { name: "asc" }, select: { slug: true, name: true } }),
    db.person.findMany({
      where: { statements: { some: { status: "PUBLISHED" } } },
      orderBy: { name: "asc" },
      select: { slug: true, name: true },
    }),
  ]);
  return { countries, topics, agreements, speakers };
}

export type PublicFilterOptions = Awaited<ReturnType<typeof listPublicFilterOptions>>;
