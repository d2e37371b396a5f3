import { feedPaths, type FeedList } from "@/lib/feeds/follow";
import styles from "./record.module.css";

/**
 * "Follow these events: RSS · Atom · JSON Feed": the feeds of a list of events or statements
 * with its filters, under the list (/events, /statements) and under a record page's events
 * or statements (a country, a topic, an agreement, a person), with the list's CSV where
 * `csv` is set and the list has one.
 */
export function FollowFeeds({ list, filters, csv = false }: { list: FeedList; filters: URLSearchParams | string; csv?: boolean }) {
  const paths = feedPaths(list, filters);
  return (
    <p className={styles.follow} data-print="hide">
      Follow these {list}: <a href={paths.rss}>RSS</a> · <a href={paths.atom}>Atom</a> · <a href={paths.json}>JSON Feed</a>
      {csv && paths.csv && (
        <>
          {" "}
          · <a href={paths.csv}>CSV</a>
        </>
      )}
    </p>
  );
}
