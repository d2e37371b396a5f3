import "server-only";
import { cachedRecordRead } from "@/lib/cache/cached-read";
import { tags } from "@/lib/cache/tags";
import { db } from "@/lib/db/client";
import { NEWEST_SHOWN, PARTICIPATION_SELECT } from "@/lib/site/public-selects";
import { EVENTS_NEWEST_FIRST_VIA } from "@/lib/events/event-order";

/** Public reads of organizations: members, office holders, and published events they took part in. */
const PUBLISHED = { status: "PUBLISHED" } as const;

export async function findPublicOrganization(slug: string) {
  const [organization, eventCount] = await Promise.all([
    db.organization.findUnique({
      where: { slug },
      select: {
        slug: true,
        name: true,
        acronym: true,
        kind: true,
        description: true,
        wikidataId: true,
        country: { select: { iso2: true, name: true } },
        members: {
          orderBy: { country: { name: "asc" } },
          select: { id: true, joinedOn: true, leftOn: true, country: { select: { iso2: true, name: true, numeric: true } } },
        },
        offices: {
          orderBy: [{ position: "asc" }, { startDate: "desc" }],
          select: { id: true, title: true, person: { select: { slug: true, name: true } } },
        },
        participations: {
          where: { event: PUBLISHED },
          orderBy: EVENTS_NEWEST_FIRST_VIA("event"),
          take: NEWEST_SHOWN.events,
          select: PARTICIPATION_SELECT,
        },
      },
    }),
    // All its published participations, of which the page shows the newest.
    db.eventParticipant.count({ where: { organization: { slug }, event: PUBLISHED } }),
  ]);
  return organization && { ...organization, eventCount };
}

export type PublicOrganization = NonNullable<Awaited<ReturnType<typeof findPublicOrganization>>>;

export const getPublicOrganization = cachedRecordRead("organization", findPublicOrganization, (slug: string) => [
  tags.organization(slug),
  tags.eventLists,
]);
