import type { ReactNode } from "react";
import { IntentLink } from "@/components/public/intent-link";
import { agreementPath, eventPath, statementPath } from "@/lib/site/paths";
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

/**
 * Under a section that shows only the newest of its rows (pages stay bounded at any
 * record size): how many there are in all, and where the rest are. Nothing when the
 * section shows them all.
 */
export function NewestOf({ shown, total, children }: { shown: number; total: number; children?: ReactNode }) {
  if (total <= shown) return null;
  return (
    <p>
      The newest {shown} of {total.toLocaleString("en")}.{children ? <> {children}</> : null}
    </p>
  );
}

export interface RecordLink {
  key: string;
  href: string;
  name: ReactNode;
  /** A short note beside the link: a date, a role, a status. */
  meta?: ReactNode;
}

/** Links to a record's public page, named as the record is, with an optional note. */
export const eventLink = (event: { slug: string; title: string }, meta?: ReactNode): RecordLink => ({ key: event.slug, href: eventPath(event.slug), name: event.title, meta });
export const statementLink = (statement: { slug: string; title: string }, meta?: ReactNode): RecordLink => ({ key: statement.slug, href: statementPath(statement.slug), name: statement.title, meta });
export const agreementLink = (agreement: { slug: string; name: string }, meta?: ReactNode): RecordLink => ({ key: agreement.slug, href: agreementPath(agreement.slug), name: agreement.name, meta });

/** Links to other records, one a line; `empty` says so when there are none. */
export function LinkList({ items, empty }: { items: RecordLink[]; empty?: string }) {
  if (items.length === 0 && empty !== undefined) return <p className="muted">{empty}</p>;
  return (
    <ul className={styles.plain}>
      {items.map((item) => (
        <li key={item.key}>
          <IntentLink href={item.href}>{item.name}</IntentLink>
          {item.meta !== undefined && item.meta !== null && <span className={styles.sourceMeta}>{item.meta}</span>}
        </li>
      ))}
    </ul>
  );
}

/** Links to other records as chips in a row (topics, member countries). */
export function ChipList({ items }: { items: RecordLink[] }) {
  return (
    <ul className={styles.inline}>
      {items.map((item) => (
        <li key={item.key}>
          <IntentLink className={styles.chip} href={item.href}>
            {item.name}
          </IntentLink>
        </li>
      ))}
    </ul>
  );
}

/** One fact in a record's "Details" list: the term, then what the record says. */
export function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </>
  );
}

/** A record's facts at a glance, as a definition list of `Fact`s. */
export function FactsSection({ title = "Details", children }: { title?: string; children: ReactNode }) {
  return (
    <RecordSection id="facts" title={title}>
      <dl className={styles.facts}>{children}</dl>
    </RecordSection>
  );
}

/** A titled list of links to other records, then `children`; left out when there are none, unless `empty` says what to show then. */
export function LinkSection({ id, title, items, empty, children }: { id: string; title: ReactNode; items: RecordLink[]; empty?: string; children?: ReactNode }) {
  if (items.length === 0 && empty === undefined) return null;
  return (
    <RecordSection id={id} title={title}>
      <LinkList items={items} empty={empty} />
      {children}
    </RecordSection>
  );
}

/** A titled row of chips (topics, countries, members); left out when there are none. */
export function ChipSection({ id, title, items }: { id: string; title: ReactNode; items: RecordLink[] }) {
  if (items.length === 0) return null;
  return (
    <RecordSection id={id} title={title}>
      <ChipList items={items} />
    </RecordSection>
  );
}
