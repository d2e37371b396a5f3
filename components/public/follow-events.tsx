import { eventFeedPaths } from "@/lib/feeds/follow";
import styles from "./record.module.css";

/**
 * "Follow these events: RSS · Atom · JSON Feed": the feeds of a list of events with its
 * filters, under the list (/events) and under a record page's events (a country, a topic,
 * an agreement), with the list's CSV where `csv` is set.
 */
export function FollowEvents({ filters, csv = false }: { filters: URLSearchParams | string; csv?: boolean }) {
  const paths = eventFeedPaths(filters);
  return (
    <p className={styles.follow}>
      Follow these events: <a href={paths.rss}>RSS</a> · <a href={paths.atom}>Atom</a> · <a href={paths.json}>JSON Feed</a>
      {csv && (
        <>
          {" "}
          · <a href={paths.csv}>CSV</a>
        </>
      )}
    </p>
  );
}
