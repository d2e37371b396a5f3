import type { ReactNode } from "react";
import styles from "./ui.module.css";

/**
 * Labelled facts, a term beside its value (an account's email and role, the two records of a
 * merge): one description list, the terms in a narrow column, a long value (an address)
 * broken anywhere rather than widening the page on a phone.
 */
export function Facts({ items }: { items: Array<[term: string, value: ReactNode]> }) {
  return (
    <dl className={styles.facts}>
      {items.map(([term, value]) => (
        <div key={term} className={styles.fact}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
