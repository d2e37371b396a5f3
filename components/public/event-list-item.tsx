import Link from "next/link";
import { formatDate, isoDate } from "@/lib/format/date";
import { EVENT_TYPE_LABELS, OCCURRENCE_LABELS, label } from "@/lib/format/labels";
import type { LatestEvent } from "@/lib/events/public-queries";
import styles from "./event-list-item.module.css";
import { eventPath } from "@/lib/site/paths";

export function EventListItem({ event }: { event: LatestEvent }) {
  return (
    <article className={styles.item}>
      <p className={styles.meta}>
        <span className={styles.type}>{label(EVENT_TYPE_LABELS, event.type)}</span>
        {event.date ? (
          <time dateTime={isoDate(event.date, event.datePrecision)}>{formatDate(event.date, event.datePrecision)}</time>
        ) : (
          <span>{formatDate(null)}</span>
        )}
        {event.occurrence !== "OCCURRED" && (
          <span className={styles.occurrence}>{label(OCCURRENCE_LABELS, event.occurrence)}</span>
        )}
        {event.placeName && <span>{event.placeName}</span>}
      </p>
      <h3 className={styles.title}>
        <Link href={eventPath(event.slug)}>{event.title}</Link>
      </h3>
      <p className={styles.summary}>{event.summary}</p>
    </article>
  );
}
