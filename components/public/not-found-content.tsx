import Link from "next/link";
import styles from "./record.module.css";

/** What a reader sees at an address with nothing published behind it (both 404 pages use it). */
export function PublicNotFoundContent() {
  return (
    <div className={styles.page}>
      <h1 className={styles.title}>Page not found</h1>
      <p className={styles.lede}>There is nothing at this address. It may have been mistyped, or the item may not be published.</p>
      <ul className={styles.plain}>
        <li>
          <Link href="/">The latest events and statements</Link>
        </li>
        <li>
          <Link href="/search">Search the record</Link>
        </li>
        <li>
          <Link href="/countries">Browse by country</Link>
        </li>
      </ul>
    </div>
  );
}
