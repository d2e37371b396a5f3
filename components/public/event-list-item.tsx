import { IntentLink } from "@/components/public/intent-link";
import { EVENT_TYPE_LABELS, OCCURRENCE_LABELS, label } from "@/lib/format/labels";
import type { LatestEvent } from "@/lib/events/public-queries";
import { RecordDate } from "./record-date";
import base from "./list-item.module.css";
import styles from "./event-list-item.module.css";
import { eventPath } from "@/lib/site/paths";

type EventListEntry = Omit<LatestEvent, "dateApproximate" | "dayOrder"> & { dateApproximate?: boolean };

export function EventListItem({ event }: { event: EventListEntry }) {
  return (
    <article className={base.item}>
      <p className={base.meta}>
        <span className={base.kind}>{label(EVENT_TYPE_LABELS, event.type)}</span>
        <RecordDate date={event.date} precision={event.datePrecision} approximate={event.dateApproximate} />
        {event.occurrence !== "OCCURRED" && (
          <span className={styles.occurrence}>{label(OCCURRENCE_LABELS, event.occurrence)}</span>
        )}
        {event.placeName && <span>{event.placeName}</span>}
      </p>
      <h3 className={`${base.title} ${styles.title}`}>
        <IntentLink href={eventPath(event.slug)}>{event.title}</IntentLink>
      </h3>
      <p className={styles.summary}>{event.summary}</p>
    </article>
  );
}
