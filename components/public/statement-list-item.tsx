import { IntentLink } from "@/components/public/intent-link";
import type { ReactNode } from "react";
import { excerpt as excerptOf } from "@/lib/format/excerpt";
import { MEDIUM_LABELS, label } from "@/lib/format/labels";
import type { StatementSummary } from "@/lib/statements/public-queries";
import { RecordDate } from "./record-date";
import { NewestOf, RecordSection } from "./record-section";
import base from "./list-item.module.css";
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
  const excerpt = excerptOf(words, EXCERPT);
  return (
    <article className={base.item}>
      <p className={base.meta}>
        <span className={base.kind}>{label(MEDIUM_LABELS, s.medium)}</span>
        <RecordDate date={s.saidOn} precision={s.saidPrecision} />
      </p>
      <Heading className={`${base.title} ${styles.title}`}>
        <IntentLink href={statementPath(s.slug)}>{s.title}</IntentLink>
      </Heading>
      {s.quoteType === "PARAPHRASE" ? (
        <p className={styles.paraphrase} lang={s.translation ? "en" : s.language}>
          <span className={styles.paraphraseLabel}>Paraphrase:</span> {excerpt}
        </p>
      ) : (
        <blockquote className={styles.quote} lang={s.translation ? "en" : s.language}>
          “{excerpt}”
        </blockquote>
      )}
      <p className={styles.speaker}>
        {s.speaker ? <IntentLink href={personPath(s.speaker.slug)}>{s.speaker.name}</IntentLink> : (s.speakerLabel ?? "Unattributed")}
        {s.speakerTitle && <span>, {s.speakerTitle}</span>}
      </p>
    </article>
  );
}

/**
 * A record page's statements section: the newest it shows (or a line saying there are
 * none), then how many there are in all and, in `more`, where the rest are.
 */
export function StatementSection(props: {
  title?: ReactNode;
  className?: string;
  statements: StatementListEntry[];
  total: number;
  empty?: string;
  more?: ReactNode;
  /** Under the rest: how to follow them (FollowFeeds). */
  follow?: ReactNode;
}) {
  const { title = "Statements", className, statements, total, empty = "No published statements.", more, follow } = props;
  return (
    <RecordSection id="statements" title={title} className={className}>
      {statements.length === 0 ? <p className="muted">{empty}</p> : statements.map((s) => <StatementListItem key={s.slug} statement={s} />)}
      <NewestOf shown={statements.length} total={total}>
        {more}
      </NewestOf>
      {follow}
    </RecordSection>
  );
}
