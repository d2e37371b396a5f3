import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DoneNotice } from "@/components/desk/done-notice";
import { EventEditor } from "@/components/desk/event-editor";
import { RecordStatus } from "@/components/desk/record-status";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageRole } from "@/lib/auth/require-role";
import { getEventForEdit } from "@/lib/events/desk-queries";
import { availableTransitions } from "@/lib/publication/transitions";
import { loadDeskOptions, referencedIds } from "@/lib/workflow/desk-options";
import { formatTimestamp } from "@/lib/format/date";

export const metadata: Metadata = { title: "Edit event" };

export default async function EditEventPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  const user = await requirePageRole("CONTRIBUTOR", `/dashboard/events/${id}`);
  const [found, query] = await Promise.all([getEventForEdit(id), searchParams]);
  if (!found) notFound();
  const { row, values } = found;
  const options = await loadDeskOptions(referencedIds(values));
  const transitions = availableTransitions(user, row);
  const isPublic = row.status === "PUBLISHED" || row.status === "RETRACTED";
  return (
    <>
      <PageHeader
        title={row.title}
        actions={
          <>
            <Link href={`/dashboard/events/${row.id}/history`}>History</Link>
            {isPublic && <Link href={`/events/${row.slug}`}>Public page</Link>}
          </>
        }
      >
        <p className="small muted">
          <RecordStatus status={row.status} isStaged={row.stagedData !== null} /> · version {row.version} · /events/{row.slug}
          {row.createdBy && <> · created by {row.createdBy.name}</>}
          {row.scheduledAt && <> · publishes at {formatTimestamp(row.scheduledAt)}</>}
        </p>
      </PageHeader>
      <DoneNotice done={query.done} />
      {row.status === "RETRACTED" && (
        <Alert tone="danger" title="Retracted">
          <p>{row.retractionReason}</p>
        </Alert>
      )}
      {row.stagedData !== null && (
        <Alert tone="warning" title="Staged changes">
          <p>The form shows changes saved by {row.stagedBy?.name ?? "an editor"} that readers do not see yet. They go live with “Publish changes”.</p>
        </Alert>
      )}
      {!transitions.includes("edit") && row.status !== "RETRACTED" && (
        <Alert tone="info">You can read this event but not change it in its current state.</Alert>
      )}
      <EventEditor
        key={row.version}
        id={row.id}
        version={row.version}
        status={row.status}
        transitions={transitions}
        canSave={transitions.includes("edit")}
        initial={values}
        options={options}
      />
    </>
  );
}
