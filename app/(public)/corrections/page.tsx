import type { Metadata } from "next";
import { IntentLink } from "@/components/public/intent-link";
import styles from "@/components/public/record.module.css";
import { buildPlaceholder } from "@/lib/cache/runtime-page";
import { getPublicCorrections } from "@/lib/corrections/public-queries";
import { isBuildPhase } from "@/lib/env/build-phase.mjs";
import { formatDate, isoDate } from "@/lib/format/date";
import { eventPath, pageTrail, statementPath } from "@/lib/site/paths";
import { RecordTrail } from "@/components/public/record-trail";

export const metadata: Metadata = {
  title: "Corrections",
  description: "Every correction made to a published event or statement, newest first.",
  alternates: { canonical: "/corrections" },
};

export default async function CorrectionsPage() {
  if (isBuildPhase()) return buildPlaceholder();
  const corrections = await getPublicCorrections({ limit: 500 });
  return (
    <div className={styles.page}>
      <RecordTrail trail={pageTrail({ name: "Corrections", href: "/corrections" })} />
      <h1 className={styles.title}>Corrections</h1>
      <p className={styles.lede}>
        When we change a published item in a way that matters, we say so on the item and list it here, newest first.
      </p>
      {corrections.length === 0 ? (
        <p className="muted">No corrections have been published.</p>
      ) : (
        <ol className={styles.plain} aria-label="Corrections, newest first">
          {corrections.map((c) => {
            const item = c.event ? { href: eventPath(c.event.slug), title: c.event.title, kind: "Event" } : c.statement ? { href: statementPath(c.statement.slug), title: c.statement.title, kind: "Statement" } : null;
            return (
              <li key={c.id} className={styles.listItem}>
                <p className={styles.kicker}>
                  <span className={styles.type}>{item?.kind}</span>
                  <time dateTime={isoDate(c.createdAt)}>{formatDate(c.createdAt)}</time>
                </p>
                {item && (
                  <h2 className={styles.itemTitle}>
                    <IntentLink href={item.href}>{item.title}</IntentLink>
                  </h2>
                )}
                <p className={styles.body}>
                  Corrected on {formatDate(c.createdAt)}: {c.note}
                </p>
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
