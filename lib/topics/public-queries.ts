import "server-only";
import { cachedPublicRead } from "@/lib/cache/cached-read";
import { tags } from "@/lib/cache/tags";
import { db } from "@/lib/db/client";
import { EVENTS_NEWEST_FIRST } from "@/lib/events/event-order";
import { EVENT_SUMMARY_FIELDS, NEWEST_SHOWN } from "@/lib/site/public-selects";
import { STATEMENT_LIST_SELECT } from "@/lib/statements/public-queries";
import { withSpeakerTitleThen } from "@/lib/statements/speaker-title";
import { STATEMENTS_NEWEST_FIRST } from "@/lib/statements/statement-order";

/** Public reads of topics: the topic with its published events and statements. */
const PUBLISHED = { status: "PUBLISHED" } as const;

export async function findPublicTopic(slug: string) {
  const topic = await db.topic.findUnique({ where: { slug }, select: { id: true, slug: true, name: true, description: true } });
  if (!topic) return null;
  const [events, statements, eventCount, statementCount] = await Promise.all([
    db.event.findMany({
      where: { ...PUBLISHED, topics: { some: { topicId: topic.id } } },
      orderBy: EVENTS_NEWEST_FIRST,
      take: NEWEST_SHOWN.events,
      select: { ...EVENT_SUMMARY_FIELDS, country: { select: { iso2: true, name: true } } },
    }),
    db.statement.findMany({
      where: { ...PUBLISHED, topics: { some: { topicId: topic.id } } },
      orderBy: STATEMENTS_NEWEST_FIRST,
      take: NEWEST_SHOWN.statements,
      select: STATEMENT_LIST_SELECT,
    }),
    // Counted through the topic's own links (their (topicId, …) indexes), not by a walk of every event.
    db.eventTopic.count({ where: { topicId: topic.id, event: PUBLISHED } }),
    db.statementTopic.count({ where: { topicId: topic.id, statement: PUBLISHED } }),
  ]);
  return { topic, events, eventCount, statements: statements.map(withSpeakerTitleThen), statementCount };
}

export const getPublicTopic = cachedPublicRead("topic", findPublicTopic, (slug: string) => [
  tags.topic(slug),
  tags.eventLists,
  tags.statementLists,
]);
