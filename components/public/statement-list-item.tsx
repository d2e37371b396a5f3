import Link from "next/link";
import { formatDate, isoDate } from "@/lib/format/date";
import { MEDIUM_LABELS, label } from "@/lib/format/labels";
import type { PublicStatementListItem } from "@/lib/statements/public-list";
import styles from "./statement-list-item.module.css";

type Item = Pick<PublicStatementListItem, "slug" | "title" | "text" | "language" | "translation" | "speakerLabel" | "speakerTitle" | "medium" | "platform" | "saidOn" | "saidPrecision" | "speaker">;

/** One statement in a list: who said it, in what capacity, how and when, and the words. */
export function StatementListItem({ statement, headingLevel = 3 }: { statement: Item; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const speaker = statement.speaker?.name ?? statement.speakerLabel ?? "Unattributed";
  const words = statement.language !== "en" && statement.translation ? statement.translation : statement.text;
  return (
    <article className={styles.item}>
      <p className={styles.meta}>
        <span className={styles.medium}>{label(MEDIUM_LABELS, statement.medium)}</span>
        {statement.saidOn ? (
          <time dateTime={isoDate(statement.saidOn, statement.saidPrecision)}>{formatDate(statement.saidOn, statement.saidPrecision)}</time>
        ) : (
          <span>Date unknown</span>
        )}
        {statement.platform && <span>{statement.platform}</span>}
      </p>
      <Heading className={styles.title}>
        <Link href={`/statements/${statement.slug}`}>{statement.title}</Link>
      </Heading>
      <blockquote className={styles.quote} lang={statement.language !== "en" && statement.translation ? "en" : statement.language}>
        <p>{words}</p>
      </blockquote>
      <p className={styles.speaker}>
        — {statement.speaker ? <Link href={`/people/${statement.speaker.slug}`}>{speaker}</Link> : speaker}
        {statement.speakerTitle && <span>, {statement.speakerTitle}</span>}
      </p>
    </article>
  );
}
