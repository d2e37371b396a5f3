import type { ReactElement } from "react";
import { notFound } from "next/navigation";
import { formatDate, isoDate } from "@/lib/format/date";
import type { SlugProps } from "@/lib/site/record-page";
import styles from "./record.module.css";

/** What readers see of a retracted item: that it was retracted, when and why. Never its text. */
export function Tombstone({ kind, title, retractedAt, reason }: { kind: "event" | "statement"; title: string; retractedAt: Date | null; reason: string | null }) {
  return (
    <div className={styles.page}>
      <p className={styles.kicker}>
        <span className={`${styles.flag} ${styles.flagDanger}`}>Retracted</span>
      </p>
      <h1 className={styles.title}>{title}</h1>
      <div className={styles.tombstone}>
        <p>
          <strong>This {kind} has been retracted</strong>
          {retractedAt && (
            <>
              {" "}
              on <time dateTime={isoDate(retractedAt)}>{formatDate(retractedAt)}</time>
            </>
          )}
          . Its text is no longer published.
        </p>
        <p>
          <strong>Reason:</strong> {reason?.trim() || "No reason was given."}
        </p>
      </div>
    </div>
  );
}

type TombstoneFields = { title: string; retractedAt: Date | null; retractionReason: string | null };

/**
 * What an event or statement page shows for the slug in its address: the desk's
 * preview of it (signed-in staff only), else the published item, else the tombstone
 * of a retracted one; Next's 404 when there is none.
 */
export async function readPublication<P extends { kind: "published" } | { kind: "retracted"; tombstone: TombstoneFields }, T>(options: {
  kind: "event" | "statement";
  params: SlugProps["params"];
  preview: (slug: string) => T | null;
  read: (slug: string) => Promise<P | null>;
  published: (page: Extract<P, { kind: "published" }>) => T;
}): Promise<{ item: T } | { tombstone: ReactElement }> {
  const { slug } = await options.params;
  const preview = options.preview(slug);
  if (preview) return { item: preview };
  const page = await options.read(slug);
  if (!page) notFound();
  if (page.kind === "published") return { item: options.published(page as Extract<P, { kind: "published" }>) };
  const t = (page as Extract<P, { kind: "retracted" }>).tombstone;
  return { tombstone: <Tombstone kind={options.kind} title={t.title} retractedAt={t.retractedAt} reason={t.retractionReason} /> };
}
