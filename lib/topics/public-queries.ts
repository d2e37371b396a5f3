import "server-only";
import { cachedRecordRead } from "@/lib/cache/cached-read";
import { tags } from "@/lib/cache/tags";
import { publishedListSource } from "@/lib/api/filters";
import { keysetPage } from "@/lib/api/keyset";
import { db } from "@/lib/db/client";
import { EVENTS_NEWEST_FIRST } from "@/lib/events/event-order";
import { EVENT_SUMMARY_FIELDS, NEWEST_SHOWN } from "@/lib/site/public-selects";
import { STATEMENT_LIST_SELECT } from "@/lib/statements/public-queries";
import { withSpeakerTitleThen } from "@/lib/statements/speaker-title";
import { STATEMENTS_NEWEST_FIRST } from "@/lib/statements/statement-order";

/**
 * Public reads of topics: the topic with its published events and statements. A topic's
 * newest rows and its counts come from its part of the topic index (EventTopic,
 * StatementTopic carry each row's published flag and date: migration
 * 20261205100000_topic_newest_indexes), the lists' own walk (`publishedListSource`):
 * the rows of a topic in one event of sixty were found by reading every one of them and
 * sorting (about 60 ms for the page on the scale record).
 */
const PUBLISHED = { status: "PUBLISHED" } as const;

/** The ids of a topic's newest published rows, newest first. */
async function newestIds(table: "Event" | "Statement", slug: string, limit: number): Promise<string[]> {
  return (await keysetPage(db, publishedListSource(table, { topic: slug }), { limit })).ids;
}

/**
 * A topic's record. The topic is read beside the rest, not before it (each other read
 * looks its id up by slug in the index): for a slug no topic has they find nothing.
 */
export async function findPublicTopic(slug: string) {
  const [topic, events, statements, eventCount, statementCount] = await Promise.all([
    db.topic.findUnique({ where: { slug }, select: { id: true, slug: true, name: true, description: true } }),
    newestIds("Event", slug, NEWEST_SHOWN.events).then((ids) =>
      db.event.findMany({
        where: { id: { in: ids }, ...PUBLISHED },
        orderBy: EVENTS_NEWEST_FIRST,
        select: { ...EVENT_SUMMARY_FIELDS, country: { select: { iso2: true, name: true } } },
      }),
    ),
    newestIds("Statement", slug, NEWEST_SHOWN.statements).then((ids) =>
      db.statement.findMany({ where: { id: { in: ids }, ...PUBLISHED }, orderBy: STATEMENTS_NEWEST_FIRST, select: STATEMENT_LIST_SELECT }),
    ),
    // Counted from the topic's index entries alone (each link carries its row's published flag).
    db.eventTopic.count({ where: { topic: { slug }, published: true } }),
    db.statementTopic.count({ where: { topic: { slug }, published: true } }),
  ]);
  if (!topic) return null;
  return { topic, events, eventCount, statements: statements.map(withSpeakerTitleThen), statementCount };
}

export const getPublicTopic = cachedRecordRead("topic", findPublicTopic, (slug: string) => [
  tags.topic(slug),
  tags.eventLists,
  tags.statementLists,
]);
