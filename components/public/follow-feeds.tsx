import { feedPaths, type FeedList } from "@/lib/feeds/follow";
import styles from "./record.module.css";

/**
 * "Follow these events: RSS · Atom · JSON Feed · Calendar of upcoming ones": the feeds of a list
 * of events or statements with its filters, under the list (/events, /statements) and under a
 * record page's events or statements (a country, a topic, an agreement, a person); for events
 * the calendar of the upcoming ones with the same filters, and the list's CSV where `csv` is set.
 */
export function FollowFeeds({ list, filters, csv = false }: { list: FeedList; filters: URLSearchParams | string; csv?: boolean }) {
  const paths = feedPaths(list, filters);
  return (
    <p className={styles.follow} data-print="hide">
      Follow these {list}: <a href={paths.rss}>RSS</a> · <a href={paths.atom}>Atom</a> · <a href={paths.json}>JSON Feed</a>
      {paths.calendar && (
        <>
          {" "}
          · <a href={paths.calendar}>Calendar of upcoming ones</a>
        </>
      )}
      {csv && paths.csv && (
        <>
          {" "}
          · <a href={paths.csv}>CSV</a>
        </>
      )}
    </p>
  );
}
