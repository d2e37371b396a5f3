import type { Metadata } from "next";
import { StaffLink } from "@/components/ui/staff-link";
import { notFound } from "next/navigation";
import EventPage from "@/app/(public)/events/[slug]/page";
import StatementPage from "@/app/(public)/statements/[slug]/page";
import { PreviewActions } from "@/components/desk/preview-actions";
import { requirePageRole } from "@/lib/auth/require-role";
import { loadRecordForEdit, transitionsFor } from "@/lib/desk/record-pages";
import { previewContent, previewScope } from "@/lib/publication/preview";
import styles from "./preview.module.css";

export const metadata: Metadata = { title: "Preview", robots: { index: false, follow: false } };

/**
 * An unpublished item (or a published one's staged changes) as readers will see
 * it once published: the public page itself, rendered with the item's data, for
 * signed-in staff only. The desk is never cached publicly nor indexed.
 */
export default async function PreviewPage({ params }: { params: Promise<{ kind: string; id: string }> }) {
  const { kind, id } = await params;
  const user = await requirePageRole("CONTRIBUTOR", `/dashboard/${kind}/${id}/preview`);
  const preview = await previewContent(kind, id);
  if (!preview) notFound();
  const record = await loadRecordForEdit(kind, id);
  // An editor reviewing an unpublished item publishes it from the page they reviewed (staged changes need their correction note: edit page).
  const canPublish = record !== null && record.status !== "PUBLISHED" && transitionsFor(user, record).includes("publish");
  previewScope().current = preview;
  const slug = Promise.resolve({ slug: preview.slug });
  return (
    <>
      <div className={styles.banner} role="note" aria-label="Preview">
        <p>
          <strong>Preview — not public.</strong> This is how the page will look once published. Readers cannot see it.
        </p>
        <div className={styles.actions}>
          {canPublish && <PreviewActions kind={kind} id={id} version={record.version} />}
          <StaffLink href={`/dashboard/${kind}/${id}`}>Back to editing</StaffLink>
        </div>
      </div>
      <div className={styles.frame}>{preview.kind === "events" ? <EventPage params={slug} /> : <StatementPage params={slug} />}</div>
    </>
  );
}
