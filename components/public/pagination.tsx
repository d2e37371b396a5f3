import Link from "next/link";
import styles from "./pagination.module.css";

/** Newer/older links for keyset paging; each is a plain link carrying the filters. */
export function Pagination({ prevHref, nextHref, label = "Pages" }: { prevHref: string | null; nextHref: string | null; label?: string }) {
  if (!prevHref && !nextHref) return null;
  return (
    <nav aria-label={label} className={styles.nav}>
      {prevHref ? (
        <Link href={prevHref} rel="prev" className={styles.link}>
          ← Newer
        </Link>
      ) : (
        <span />
      )}
      {nextHref ? (
        <Link href={nextHref} rel="next" className={styles.link}>
          Older →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
