import { connection } from "next/server";
import { EventListItem } from "@/components/public/event-list-item";
import { listLatestPublishedEvents } from "@/lib/events/public-queries";
import styles from "./home.module.css";

export default async function HomePage() {
  await connection();
  const events = await listLatestPublishedEvents({ limit: 20 });
  return (
    <div className={styles.home}>
      <h1 className={styles.heading}>The diplomatic record</h1>
      <p className={styles.lede}>
        Calls, meetings, summits, signings and accessions, and who said what — each backed by sources.
      </p>
      <section aria-labelledby="latest-events">
        <h2 id="latest-events">Latest events</h2>
        {events.length === 0 ? (
          <p className="muted">Nothing has been published yet.</p>
        ) : (
          events.map((event) => <EventListItem key={event.id} event={event} />)
        )}
      </section>
    </div>
  );
}
