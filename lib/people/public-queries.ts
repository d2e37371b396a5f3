import "server-only";
import { cachedRecordRead } from "@/lib/cache/cached-read";
import { tags } from "@/lib/cache/tags";
import { db } from "@/lib/db/client";
import { EVENTS_NEWEST_FIRST_VIA } from "@/lib/events/event-order";
import { STATEMENT_LIST_SELECT } from "@/lib/statements/public-queries";
import { NEWEST_SHOWN, OFFICE_SPAN_SELECT, PARTICIPATION_SELECT } from "@/lib/site/public-selects";
import { withSpeakerTitleThen } from "@/lib/statements/speaker-title";
import { STATEMENTS_NEWEST_FIRST } from "@/lib/statements/statement-order";

/** Public reads of people: the person, offices held, and their published events and statements. */
const PUBLISHED = { status: "PUBLISHED" } as const;

/**
 * A person's record. Their published statements and events are counted beside it, through
 * the person's own index entries (`speakerId`, `personId`): Prisma's `_count` with a
 * filter counted every published statement of the record grouped by speaker and then
 * kept this one's (95 ms on the scale record, for a person with 14).
 */
export async function findPublicPerson(slug: string) {
  const [person, statementCount, eventCount] = await Promise.all([
    findPersonRecord(slug),
    db.statement.count({ where: { speaker: { slug }, ...PUBLISHED } }),
    db.eventParticipant.count({ where: { person: { slug }, event: PUBLISHED } }),
  ]);
  if (!person) return null;
  return { ...person, statements: person.statements.map(withSpeakerTitleThen), statementCount, eventCount };
}

function findPersonRecord(slug: string) {
  return db.person.findUnique({
    where: { slug },
    select: {
      slug: true,
      name: true,
      description: true,
      wikidataId: true,
      country: { select: { iso2: true, name: true } },
      offices: {
        // Latest first, so a second term reads above the first.
        orderBy: [{ startDate: { sort: "desc", nulls: "last" } }, { position: "asc" }],
        select: {
          id: true,
          ...OFFICE_SPAN_SELECT,
          country: { select: { iso2: true, name: true } },
          organization: { select: { slug: true, name: true } },
        },
      },
      statements: {
        where: PUBLISHED,
        orderBy: STATEMENTS_NEWEST_FIRST,
        take: NEWEST_SHOWN.statements,
        select: STATEMENT_LIST_SELECT,
      },
      participations: {
        where: { event: PUBLISHED },
        orderBy: EVENTS_NEWEST_FIRST_VIA("event"),
        take: NEWEST_SHOWN.events,
        select: PARTICIPATION_SELECT,
      },
    },
  });
}

export type PublicPerson = NonNullable<Awaited<ReturnType<typeof findPublicPerson>>>;

export const getPublicPerson = cachedRecordRead("person", findPublicPerson, (slug: string) => [
  tags.person(slug),
  tags.eventLists,
  tags.statementLists,
]);
