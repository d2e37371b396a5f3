import { IntentLink } from "@/components/public/intent-link";
import type { StoryEvent } from "@/lib/events/public-queries";
import { EVENT_TYPE_LABELS, OCCURRENCE_LABELS, label } from "@/lib/format/labels";
import { RecordDate } from "./record-date";
import styles from "./event-story.module.css";
import record from "./record.module.css";

/**
 * The events of one story in their order (the linked events and the other events
 * of the day), with this event marked, so a reader can follow a day from any of
 * its events.
 */
export function EventStory({ story, currentSlug }: { story: StoryEvent[]; currentSlug: string }) {
  if (story.length < 2) return null;
  return (
    <section aria-labelledby="story" className={styles.story}>
      <h2 id="story" className={record.sectionTitle}>
        The story in order
      </h2>
      <ol className={styles.steps} aria-label="Events of this story, in the order they happened">
        {story.map((e) => {
          const current = e.slug === currentSlug;
          return (
            <li key={e.id} className={current ? `${styles.step} ${styles.current}` : styles.step}>
              <p className={styles.when}>
                <RecordDate date={e.date} precision={e.datePrecision} approximate={e.dateApproximate} />
                <span className={styles.kind}>{label(EVENT_TYPE_LABELS, e.type)}</span>
                {e.occurrence !== "OCCURRED" && <span className={styles.flag}>{label(OCCURRENCE_LABELS, e.occurrence)}</span>}
              </p>
              {current ? (
                <p className={styles.title} aria-current="page">
                  {e.title} <span className={styles.here}>(this event)</span>
                </p>
              ) : (
                <p className={styles.title}>
                  <IntentLink href={`/events/${e.slug}`}>{e.title}</IntentLink>
                </p>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
