import type { Metadata } from "next";
import Link from "next/link";
import { EventListItem } from "@/components/public/event-list-item";
import { JsonLdScript } from "@/components/public/json-ld-script";
import { StatementListItem } from "@/components/public/statement-list-item";
import { buildPlaceholder } from "@/lib/cache/runtime-page";
import { isBuildPhase } from "@/lib/env/build-phase.mjs";
import { getLatestPublishedEvents, getScheduledPublishedEvents } from "@/lib/events/public-queries";
import { calendarPath, calendarSubscribeUrl } from "@/lib/feeds/follow";
import { jsonLdGraph } from "@/lib/site/json-ld";
import { absoluteUrl } from "@/lib/site/url";
import { getLatestPublishedStatements } from "@/lib/statements/public-queries";
import styles from "./home.module.css";

export const metadata: Metadata = { alternates: { canonical: "/" } };

export default async function HomePage() {
  if (isBuildPhase()) return buildPlaceholder();
  const [events, upcoming, statements] = await Promise.all([
    getLatestPublishedEvents({ limit: 12 }),
    getScheduledPublishedEvents({ limit: 4 }),
    getLatestPublishedStatements({ limit: 6 }),
  ]);
  return (
    <div className={styles.home}>
      <JsonLdScript
        data={jsonLdGraph([
          {
            "@type": "WebSite",
            name: "Chancery",
            url: absoluteUrl("/"),
            potentialAction: { "@type": "SearchAction", target: `${absoluteUrl("/search")}?q={query}`, "query-input": "required name=query" },
          },
        ])}
      />
      <h1 className={styles.heading}>The diplomatic record</h1>
      <p className={styles.lede}>
        Calls, meetings, summits, signings and accessions, and who said what — each backed by sources.
      </p>
      <div className={styles.columns}>
        <section aria-labelledby="latest-events" className={styles.events}>
          <h2 id="latest-events" className={styles.sectionTitle}>
            Latest events
          </h2>
          {events.length === 0 ? (
            <p className="muted">Nothing has been published yet.</p>
          ) : (
            events.map((event) => <EventListItem key={event.id} event={event} />)
          )}
          <p className={styles.more}>
            <Link href="/events">All events</Link>
          </p>
        </section>
        <div className={styles.statements}>
          {upcoming.length > 0 && (
            <section aria-labelledby="upcoming" className={styles.upcoming}>
              <h2 id="upcoming" className={styles.sectionTitle}>
                Upcoming
              </h2>
              {upcoming.map((event) => (
                <EventListItem key={event.id} event={event} />
              ))}
              <p className={styles.more}>
                <a href={calendarSubscribeUrl()}>Subscribe in a calendar app</a>{" "}
                <span className={`muted ${styles.note}`}>
                  (each joins it once it has a date; for an app that asks for the address: <a href={calendarPath()}>calendar.ics</a>)
                </span>
              </p>
            </section>
          )}
          <section aria-labelledby="latest-statements">
          <h2 id="latest-statements" className={styles.sectionTitle}>
            Latest statements
          </h2>
          {statements.length === 0 ? (
            <p className="muted">No statements have been published yet.</p>
          ) : (
            statements.map((statement) => <StatementListItem key={statement.id} statement={statement} />)
          )}
          <p className={styles.more}>
            <Link href="/statements">All statements</Link>
          </p>
          <nav aria-labelledby="explore" className={styles.explore}>
            <h2 id="explore" className={styles.sectionTitle}>
              Explore the record
            </h2>
            <ul>
              <li><Link href="/countries">Countries</Link></li>
              <li><Link href="/agreements">Agreements</Link></li>
              <li><Link href="/corrections">Corrections</Link></li>
              <li><Link href="/search">Search</Link></li>
            </ul>
          </nav>
          </section>
        </div>
      </div>
    </div>
  );
}
