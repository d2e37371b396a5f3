import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { DeleteRecordForm } from "@/components/desk/delete-record-form";
import { TopicForm } from "@/components/desk/topic-form";
import { ReferenceRevisionHistory } from "@/components/desk/reference-revision-history";
import { requirePageRole } from "@/lib/auth/require-role";
import { hasRole } from "@/lib/auth/roles";
import { getTopicForDesk } from "@/lib/topics/desk-topics";
import { listRevisions, readComparison } from "@/lib/reference/history";
import { deleteTopicAction, restoreTopicAction, saveTopicAction } from "../actions";

export const metadata: Metadata = { title: "Topic" };

export default async function TopicPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const { id } = await params;
  const user = await requirePageRole("CONTRIBUTOR", `/dashboard/topics/${id}`);
  const query = await searchParams;
  const topic = await getTopicForDesk(id);
  if (!topic) notFound();
  const canEdit = hasRole(user.role, "EDITOR");
  const [revisions, compare] = await Promise.all([listRevisions("TOPIC", id), readComparison("TOPIC", id, query)]);
  return (
    <>
      <PageHeader title={topic.values.name}>
        <p className="small muted">Version {topic.version} · public page /topics/{topic.slug}</p>
      </PageHeader>
      {query.created && <Alert tone="success">The topic was created.</Alert>}
      {query.restored && <Alert tone="success">Restored: saved as version {query.restored}.</Alert>}
      {query.historyError && <Alert tone="danger" title="Not restored"><p>{query.historyError}</p></Alert>}
      {!canEdit && <Alert tone="info">Only editors can change topics. You can read this record and use it in your drafts.</Alert>}
      <TopicForm key={query.restored ?? "form"} action={saveTopicAction} id={topic.id} version={topic.version} values={topic.values} canEdit={canEdit} />
      <ReferenceRevisionHistory revisions={revisions} currentVersion={topic.version} compare={compare} restoreAction={restoreTopicAction} entityId={topic.id} canEdit={canEdit} />
      {canEdit && (
        <section aria-labelledby="delete-heading">
          <h2 id="delete-heading">Delete</h2>
          <p className="small muted">Only possible while no event or statement uses this topic.</p>
          <DeleteRecordForm action={deleteTopicAction} id={topic.id} what="topic" />
        </section>
      )}
    </>
  );
}
