import Link from "next/link";
import { EventListItem } from "@/components/public/event-list-item";
import { FollowFeeds } from "@/components/public/follow-feeds";
import { feedAlternates, recordFeed } from "@/lib/feeds/follow";
import styles from "@/components/public/record.module.css";
import { StatementSection } from "@/components/public/statement-list-item";
import { getPublicTopic } from "@/lib/topics/public-queries";
import { filteredListPath, pageTrail, topicPath } from "@/lib/site/paths";
import { NewestOf, RecordSection } from "@/components/public/record-section";
import { RecordHeading, RecordTrail } from "@/components/public/record-trail";
import { readOrMerged, recordMetadata, slugPageMetadata, type SlugProps } from "@/lib/site/record-page";

export const dynamicParams = true;
export async function generateStaticParams() {
  return [];
}

export const generateMetadata = slugPageMetadata(getPublicTopic, "Topic", ({ topic }) =>
  recordMetadata({
    title: topic.name,
    description: topic.description ?? `Events and statements about ${topic.name.toLowerCase()} in the diplomatic record.`,
    path: topicPath(topic.slug),
    feeds: feedAlternates([recordFeed("events", { topic }), recordFeed("statements", { topic })]),
  }),
);

export default async function TopicPage({ params }: SlugProps) {
  const { topic, events, eventCount, statements, statementCount } = await readOrMerged(params, getPublicTopic, { kind: "TOPIC", path: topicPath });
  const path = topicPath(topic.slug);
  return (
    <article className={styles.page}>
      <RecordTrail
        trail={pageTrail({ name: topic.name, href: path })}
        node={{ "@type": "CollectionPage", about: { "@type": "Thing", name: topic.name } }}
      />
      <RecordHeading
        type="Topic"
        title={topic.name}
        lede={
          topic.description ??
          `${eventCount.toLocaleString("en")} ${eventCount === 1 ? "event" : "events"} and ${statementCount.toLocaleString("en")} ${statementCount === 1 ? "statement" : "statements"} on the record.`
        }
      />
      <div className={styles.layout}>
        <RecordSection id="events" className={styles.main} title="Events">
          {events.length === 0 ? <p className="muted">No published events.</p> : events.map((e) => <EventListItem key={e.id} event={e} />)}
          <NewestOf shown={events.length} total={eventCount}>
            <Link href={filteredListPath("events", "topic", topic.slug)}>All events on {topic.name}</Link>
          </NewestOf>
          <FollowFeeds list="events" filters={recordFeed("events", { topic }).filters} />
        </RecordSection>
        <StatementSection
          className={styles.aside}
          statements={statements}
          total={statementCount}
          more={<Link href={filteredListPath("statements", "topic", topic.slug)}>All statements on {topic.name}</Link>}
          follow={<FollowFeeds list="statements" filters={recordFeed("statements", { topic }).filters} />}
        />
      </div>
    </article>
  );
}
