import type { ReactNode } from "react";
import styles from "./ui.module.css";

export function PageHeader({ title, lede, actions, children }: { title: string; lede?: ReactNode; actions?: ReactNode; children?: ReactNode }) {
  return (
    <div className={styles.pageHeader}>
      <div>
        <h1>{title}</h1>
        {/* What the page is for, in a sentence or two: one size and colour on every staff page. */}
        {lede && <p className={styles.pageLede}>{lede}</p>}
        {children}
      </div>
      {actions && <div className={styles.pageHeaderActions}>{actions}</div>}
    </div>
  );
}

export const tableClass = `${styles.table} ${styles.stacks}`;
/** Stacks a table of another look (a public page's) into rows on a phone, as the desk's do. */
export const stackingTableClass = styles.stacks;
export const cardClass = styles.card;
