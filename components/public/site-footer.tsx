import Link from "next/link";
import styles from "./site-footer.module.css";

export function SiteFooter() {
  return (
    <footer className={styles.footer}>
      <div className={`container ${styles.inner}`}>
        <p className={styles.about}>
          Chancery records diplomatic events and attributed statements, each backed by sources.
          Corrections are published on the <Link href="/corrections">corrections page</Link>.
        </p>
        <nav aria-label="Open data" className={styles.links}>
          <ul>
            <li><Link href="/feed.xml">RSS</Link></li>
            <li><Link href="/atom.xml">Atom</Link></li>
            <li><Link href="/feed.json">JSON Feed</Link></li>
            <li><Link href="/calendar.ics">Calendar</Link></li>
            <li><Link href="/data">Open data and API</Link></li>
            <li><Link href="/login">Staff sign-in</Link></li>
          </ul>
        </nav>
      </div>
    </footer>
  );
}
