import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/public/breadcrumbs";
import { EventListItem } from "@/components/public/event-list-item";
import { JsonLdScript } from "@/components/public/json-ld-script";
import styles from "@/components/public/record.module.css";
import { StatementListItem } from "@/components/public/statement-list-item";
import { breadcrumbList, jsonLdGraph } from "@/lib/site/json-ld";
import { absoluteUrl } from "@/lib/site/url";
import { getPublicTopic } from "@/lib/topics/public-queries";
import { topicPath } from "@/lib/site/paths";
import { RecordSection } from "@/components/public/record-section";

export const dynamicParams = true;
export async function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const data = await getPublicTopic(slug);
  if (!data) return { title: "Topic not found", robots: { index: false } };
  const description = data.topic.description ?? `Events and statements about ${data.topic.name.toLowerCase()} in the diplomatic record.`;
  const path = topicPath(data.topic.slug);
  return { title: data.topic.name, description, alternates: { canonical: path }, openGraph: { title: data.topic.name, description, url: path } };
}

export default async function TopicPage({ params }: Props) {
  const { slug } = await params;
  const data = await getPublicTopic(slug);
  if (!data) notFound();
  const { topic, events, statements } = data;
  const path = topicPath(topic.slug);
  const url = absoluteUrl(path);
  return (
    <article className={styles.page}>
      <JsonLdScript
        data={jsonLdGraph([
          { "@type": "CollectionPage", "@id": url, name: topic.name, url, about: { "@type": "Thing", name: topic.name } },
          breadcrumbList([
            { name: "Home", url: absoluteUrl("/") },
            { name: topic.name, url },
          ]),
        ])}
      />
      <Breadcrumbs items={[{ name: "Home", href: "/" }, { name: topic.name, href: path }]} />
      <p className={styles.kicker}>
        <span className={styles.type}>Topic</span>
      </p>
      <h1 className={styles.title}>{topic.name}</h1>
      <p className={styles.lede}>
        {topic.description ??
          `${events.length} ${events.length === 1 ? "event" : "events"} and ${statements.length} ${statements.length === 1 ? "statement" : "statements"} on the record.`}
      </p>
      <div className={styles.layout}>
        <RecordSection id="events" className={styles.main} title="Events">
          {events.length === 0 ? <p className="muted">No published events.</p> : events.map((e) => <EventListItem key={e.id} event={e} />)}
        </RecordSection>
        <RecordSection id="statements" className={styles.aside} title="Statements">
          {statements.length === 0 ? (
            <p className="muted">No published statements.</p>
          ) : (
            statements.map((s) => <StatementListItem key={s.id} statement={s} />)
          )}
        </RecordSection>
      </div>
    </article>
  );
}
