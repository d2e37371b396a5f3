import { formatDate, isoDate } from "@/lib/format/date";
import styles from "./record.module.css";

/** The public correction notes on an item: "Corrected on …: …". */
export function CorrectionsNotice({ corrections }: { corrections: Array<{ id: string; note: string; createdAt: Date }> }) {
  if (corrections.length === 0) return null;
  return (
    <section aria-labelledby="corrections" className={styles.corrections}>
      <h2 id="corrections" className={styles.sectionTitle}>
        Corrections
      </h2>
      <ul>
        {corrections.map((c) => (
          <li key={c.id}>
            Corrected on <time dateTime={isoDate(c.createdAt)}>{formatDate(c.createdAt)}</time>: {c.note}
          </li>
        ))}
      </ul>
    </section>
  );
}
