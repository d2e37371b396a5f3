import { RecordDate } from "./record-date";
import styles from "./record.module.css";

export interface PublicSource {
  id: string;
  url: string;
  title: string;
  publisher: string | null;
  publishedOn: Date | null;
  accessedOn: Date | null;
  archiveUrl: string | null;
}

export function SourcesList({ sources, headingId = "sources" }: { sources: PublicSource[]; headingId?: string }) {
  if (sources.length === 0) return null;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.sectionTitle}>
        Sources
      </h2>
      <ol className={styles.plain}>
        {sources.map((source) => (
          <li key={source.id}>
            <a href={source.url} rel="nofollow noopener noreferrer" className={styles.sourceTitle} data-print="address">
              {source.title}
            </a>
            <span className={styles.sourceMeta}>
              {source.publisher && <>{source.publisher}</>}
              {source.publishedOn && (
                <>
                  {source.publisher ? " · " : ""}published <RecordDate date={source.publishedOn} precision="DAY" />
                </>
              )}
              {source.accessedOn && (
                <>
                  {" "}
                  · accessed <RecordDate date={source.accessedOn} precision="DAY" />
                </>
              )}
              {source.archiveUrl && (
                <>
                  {" "}
                  · <a href={source.archiveUrl} rel="nofollow noopener noreferrer">archived copy<span className="visually-hidden"> of {source.title}</span></a>
                </>
              )}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
