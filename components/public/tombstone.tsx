import { formatDate, isoDate } from "@/lib/format/date";
import styles from "./record.module.css";

/** What readers see of a retracted item: that it was retracted, when and why. Never its text. */
export function Tombstone({ kind, title, retractedAt, reason }: { kind: "event" | "statement"; title: string; retractedAt: Date | null; reason: string | null }) {
  return (
    <div className={styles.page}>
      <p className={styles.kicker}>
        <span className={`${styles.flag} ${styles.flagDanger}`}>Retracted</span>
      </p>
      <h1 className={styles.title}>{title}</h1>
      <div className={styles.tombstone}>
        <p>
          <strong>This {kind} has been retracted</strong>
          {retractedAt && (
            <>
              {" "}
              on <time dateTime={isoDate(retractedAt)}>{formatDate(retractedAt)}</time>
            </>
          )}
          . Its text is no longer published.
        </p>
        <p>
          <strong>Reason:</strong> {reason?.trim() || "No reason was given."}
        </p>
      </div>
    </div>
  );
}
