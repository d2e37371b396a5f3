import { formatDate } from "@/lib/format/date";
import { AccessedToday } from "./accessed-today";
import styles from "./record.module.css";

/** A plain-text citation a reader can select and copy. */
export function CiteThis({ title, date, url }: { title: string; date: Date | null; url: string }) {
  const published = date ? formatDate(date) : "n.d.";
  return (
    <section aria-labelledby="cite-this" className={styles.cite}>
      <h2 id="cite-this" className={styles.sectionTitle}>
        Cite this
      </h2>
      <p className={styles.citeText} id="citation-text">
        “{title}.” Chancery, {published}. {url}. Accessed <AccessedToday />.
      </p>
      <p className="muted">Select the text above to copy it.</p>
    </section>
  );
}
