import Link from "next/link";
import { MEDIUM_LABELS, label } from "@/lib/format/labels";
import type { StatementSummary } from "@/lib/statements/public-queries";
import { RecordDate } from "./record-date";
import styles from "./statement-list-item.module.css";
import { personPath, statementPath } from "@/lib/site/paths";

const EXCERPT = 220;

/** What a list needs of a statement; both the home page and the /statements list provide it. */
type StatementListEntry = Pick<
  StatementSummary,
  "slug" | "title" | "text" | "language" | "translation" | "speakerLabel" | "speakerTitle" | "medium" | "saidOn" | "saidPrecision" | "quoteType"
> & { speaker: { slug: string; name: string } | null };

/** A statement in a list: who said it, in what capacity, and the words (or their translation). */
export function StatementListItem({ statement: s, headingLevel = 3 }: { statement: StatementListEntry; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const words = s.translation ?? s.text;
  const excerpt = words.length > EXCERPT ? `${words.slice(0, EXCERPT - 1).trimEnd()}…` : words;
  return (
    <article className={styles.item}>
      <p className={styles.meta}>
        <span className={styles.type}>{label(MEDIUM_LABELS, s.medium)}</span>
        <RecordDate date={s.saidOn} precision={s.saidPrecision} />
      </p>
      <Heading className={styles.title}>
        <Link href={statementPath(s.slug)}>{s.title}</Link>
      </Heading>
      <blockquote className={styles.quote} lang={s.translation ? "en" : s.language}>
        {s.quoteType === "PARAPHRASE" ? excerpt : `“${excerpt}”`}
      </blockquote>
      <p className={styles.speaker}>
        {s.speaker ? <Link href={personPath(s.speaker.slug)}>{s.speaker.name}</Link> : (s.speakerLabel ?? "Unattributed")}
        {s.speakerTitle && <span>, {s.speakerTitle}</span>}
      </p>
    </article>
  );
}
