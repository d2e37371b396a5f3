import Link from "next/link";
import type { Crumb } from "@/lib/site/paths";
import styles from "./record.module.css";


/** The trail above a page title; the last crumb is the page itself. */
export function Breadcrumbs({ items }: { items: Crumb[] }) {
  return (
    <nav aria-label="Breadcrumb" className={styles.breadcrumbs}>
      <ol>
        {items.map((item, index) => (
          <li key={item.href}>
            {index === items.length - 1 ? <span aria-current="page">{item.name}</span> : <Link href={item.href}>{item.name}</Link>}
          </li>
        ))}
      </ol>
    </nav>
  );
}
