import Link from "next/link";
import styles from "./site-header.module.css";

const NAV = [
  { href: "/events", label: "Events" },
  { href: "/statements", label: "Statements" },
  { href: "/countries", label: "Countries" },
  { href: "/agreements", label: "Agreements" },
  { href: "/corrections", label: "Corrections" },
];

export function SiteHeader() {
  return (
    <header className={styles.header}>
      <div className={`container ${styles.inner}`}>
        <Link href="/" className={styles.brand}>
          Chancery
          <span className={styles.tagline}>The diplomatic record</span>
        </Link>
        <nav aria-label="Main" className={styles.nav}>
          <ul>
            {NAV.map((item) => (
              <li key={item.href}>
                <Link href={item.href}>{item.label}</Link>
              </li>
            ))}
          </ul>
        </nav>
        <form action="/search" method="get" role="search" className={styles.search}>
          <label htmlFor="site-search" className="visually-hidden">
            Search
          </label>
          <input id="site-search" name="q" type="search" placeholder="Search the record" />
          <button type="submit">Search</button>
        </form>
      </div>
    </header>
  );
}
