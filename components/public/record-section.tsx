import type { ReactNode } from "react";
import styles from "./record.module.css";

/**
 * One section of a public record page: a heading that names it (for the outline
 * and for screen readers, through aria-labelledby), then its content.
 */
export function RecordSection({ id, title, className, children }: { id: string; title: ReactNode; className?: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className={className}>
      <h2 id={id} className={styles.sectionTitle}>
        {title}
      </h2>
      {children}
    </section>
  );
}
