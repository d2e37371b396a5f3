import type { Metadata } from "next";
import { StaffLink } from "@/components/ui/staff-link";
import { notFound, redirect } from "next/navigation";
import { CopyRecordButton } from "@/components/desk/copy-record-button";
import { DoneNotice } from "@/components/desk/done-notice";
import { MergeRecord } from "@/components/desk/merge-record";
import { mergeSummary, treatyActionsSummary } from "@/lib/desk/merge-summary";
import { PresenceNotice } from "@/components/desk/presence-notice";
import { RecordForm } from "@/components/desk/record-form";
import { RecordStatus } from "@/components/desk/record-status";
import { ReviewConversation } from "@/components/desk/review-conversation";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageRole } from "@/lib/auth/require-role";
import { PRESENCE_HEARTBEAT_SECONDS } from "@/lib/desk/presence";
import { loadRecordForEdit, transitionsFor } from "@/lib/desk/record-pages";
import { formatTimestamp } from "@/lib/format/date";
import { hasRole } from "@/lib/auth/roles";
import { PARTICIPANT_STATUS_LABELS } from "@/lib/agreements/participant-status";

export const metadata: Metadata = { title: "Edit" };

type Query = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** The one edit page of every kind of desk record. */
export default async function EditRecordPage({ params, searchParams }: { params: Promise<{ kind: string; id: string }>; searchParams: Promise<Query> }) {
  const { kind, id } = await params;
  const user = await requirePageRole("CONTRIBUTOR", `/dashboard/${kind}/${id}`);
  const query = await searchParams;
  // Comparisons live on the history page; older links to the edit page still work.
  if (first(query.from) && first(query.to)) redirect(`/dashboard/${kind}/${id}/history?from=${encodeURIComponent(first(query.from)!)}&to=${encodeURIComponent(first(query.to)!)}`);
  const record = await loadRecordForEdit(kind, id);
  if (!record) notFound();
  const transitions = transitionsFor(user, record);
  const canSave = transitions.includes("edit");
  const flow = record.workflow;
  // Anything readers do not see yet can be previewed: an unpublished item, or a published one's staged changes.
  const canPreview = flow !== null && record.status !== "RETRACTED" && (record.status !== "PUBLISHED" || flow.stagedData !== null);
  const isPublic = flow === null || record.status === "PUBLISHED" || record.status === "RETRACTED";
  return (
    <>
      <PageHeader
        title={record.title}
        actions={
          <>
            {canPreview && <ButtonLink href={`/dashboard/${kind}/${record.id}/preview`} size="sm">Preview</ButtonLink>}
            <StaffLink href={`/dashboard/${kind}/${record.id}/history`}>History</StaffLink>
            {isPublic && <StaffLink href={`/${kind}/${record.slug}`}>Public page</StaffLink>}
            {flow && <CopyRecordButton kind={kind} id={record.id} noun={record.noun} />}
          </>
        }
      >
        <p className="small muted">
          {record.status && (
            <>
              <RecordStatus status={record.status} isStaged={flow?.stagedData !== null} /> ·{" "}
            </>
          )}
          version {record.version} · /{kind}/{record.slug}
          {flow?.createdBy && <> · created by {flow.createdBy}</>}
          {flow?.scheduledAt && <> · publishes at {formatTimestamp(flow.scheduledAt)}</>}
        </p>
      </PageHeader>
      <DoneNotice done={query.done} version={first(query.version)} noun={record.noun} />
      <PresenceNotice kind={kind} id={record.id} noun={record.noun} canSave={canSave} heartbeatSeconds={PRESENCE_HEARTBEAT_SECONDS} />
      {record.reviewSteps && <ReviewConversation steps={record.reviewSteps} />}
      {record.status === "RETRACTED" && (
        <Alert tone="danger" title="Retracted">
          <p>{flow?.retractionReason}</p>
        </Alert>
      )}
      {flow && flow.stagedData !== null && (
        <Alert tone="warning" title="Staged changes">
          <p>The form shows changes saved by {flow.stagedBy ?? "an editor"} that readers do not see yet. They go live with “Publish changes”.</p>
        </Alert>
      )}
      {!canSave && record.status !== "RETRACTED" && (
        <Alert tone="info">
          {flow ? `You can read this ${record.noun} but not change it in its current state.` : `Only editors can change ${kind}. You can read this record and use it in your drafts.`}
        </Alert>
      )}
      {record.parties && record.parties.length > 0 && (
        <section aria-labelledby="parties-heading">
          <h2 id="parties-heading">Parties and their status</h2>
          <p className="small muted">Derived from each party&apos;s treaty actions below.</p>
          <ul>
            {record.parties.map((p) => (
              <li key={p.countryId}>
                {p.name}: <Badge tone={p.status === "WITHDRAWN" ? "danger" : p.status === "IN_FORCE" ? "success" : "info"}>{PARTICIPANT_STATUS_LABELS[p.status as keyof typeof PARTICIPANT_STATUS_LABELS]}</Badge>
              </li>
            ))}
          </ul>
        </section>
      )}
      <RecordForm key={record.version} kind={kind} id={record.id} version={record.version} status={record.status} transitions={transitions} canSave={canSave} values={record.values} options={record.options} abilities={{ canCreateReferences: hasRole(user.role, "EDITOR") }} />
      {canSave && (kind === "people" || kind === "organizations" || kind === "topics" || kind === "agreements") && hasRole(user.role, "EDITOR") && (
        <MergeRecord
          kind={kind}
          id={record.id}
          name={record.title}
          version={record.version}
          slug={record.slug}
          uses={await mergeSummary(kind, record.id)}
          treatyActions={kind === "agreements" ? await treatyActionsSummary(record.id) : undefined}
        />
      )}
    </>
  );
}
