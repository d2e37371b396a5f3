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

/** How many of a topic's newest events and statements its page shows; the counts are the whole record's. */
export const TOPIC_EVENTS_SHOWN = 100;
export const TOPIC_STATEMENTS_SHOWN = 50;

export async function findPublicTopic(slug: string) {
  const topic = await db.topic.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      name: true,
      description: true,
      // Counted through the topic's own links (the (topicId, …) indexes), not by a walk of every event.
      _count: { select: { events: { where: { event: PUBLISHED } }, statements: { where: { statement: PUBLISHED } } } },
    },
  });
  if (!topic) return null;
  const { _count: counts, ...rest } = topic;
  const [events, statements] = await Promise.all([
    db.event.findMany({
      where: { ...PUBLISHED, topics: { some: { topicId: topic.id } } },
      orderBy: EVENTS_NEWEST_FIRST,
      take: TOPIC_EVENTS_SHOWN,
      select: { ...EVENT_SUMMARY_FIELDS, country: { select: { iso2: true, name: true } } },
    }),
    db.statement.findMany({
      where: { ...PUBLISHED, topics: { some: { topicId: topic.id } } },
      orderBy: STATEMENTS_NEWEST_FIRST,
      take: TOPIC_STATEMENTS_SHOWN,
      select: STATEMENT_LIST_SELECT,
    }),
  ]);
  return { topic: rest, events, eventCount: counts.events, statements: statements.map(withSpeakerTitleThen), statementCount: counts.statements };
}

export const getPublicTopic = cachedPublicRead("topic", findPublicTopic, (slug: string) => [
  tags.topic(slug),
  tags.eventLists,
  tags.statementLists,
]);
