import Link from "next/link";
import { SectionLink } from "@/components/ui/section-link";
import styles from "./site-header.module.css";

const NAV: Array<{ href: string; label: string; also?: string[] }> = [
  { href: "/events", label: "Events" },
  { href: "/statements", label: "Statements" },
  // A relation between two countries is read from a country's page.
  { href: "/countries", label: "Countries", also: ["/relations"] },
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
                <SectionLink href={item.href} also={item.also}>
                  {item.label}
                </SectionLink>
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
