import "server-only";
import { cachedPublicRead } from "@/lib/cache/cached-read";
import { tags } from "@/lib/cache/tags";
import { db } from "@/lib/db/client";
import { EVENTS_NEWEST_FIRST } from "@/lib/events/event-order";
import { EVENT_SUMMARY_FIELDS } from "@/lib/site/public-selects";
import { STATEMENT_LIST_SELECT } from "@/lib/statements/public-queries";
import { withSpeakerTitleThen } from "@/lib/statements/speaker-title";
import { STATEMENTS_NEWEST_FIRST } from "@/lib/statements/statement-order";

/** Public reads of topics: the topic with its published events and statements. */
const PUBLISHED = { status: "PUBLISHED" } as const;

export async function findPublicTopic(slug: string) {
  const topic = await db.topic.findUnique({ where: { slug }, select: { id: true, slug: true, name: true, description: true } });
  if (!topic) return null;
  const [events, statements] = await Promise.all([
    db.event.findMany({
      where: { ...PUBLISHED, topics: { some: { topicId: topic.id } } },
      orderBy: EVENTS_NEWEST_FIRST,
      take: 100,
      select: { ...EVENT_SUMMARY_FIELDS, country: { select: { iso2: true, name: true } } },
    }),
    db.statement.findMany({
      where: { ...PUBLISHED, topics: { some: { topicId: topic.id } } },
      orderBy: STATEMENTS_NEWEST_FIRST,
      take: 50,
      select: STATEMENT_LIST_SELECT,
    }),
  ]);
  return { topic, events, statements: statements.map(withSpeakerTitleThen) };
}

export const getPublicTopic = cachedPublicRead("topic", findPublicTopic, (slug: string) => [
  tags.topic(slug),
  tags.eventLists,
  tags.statementLists,
]);
