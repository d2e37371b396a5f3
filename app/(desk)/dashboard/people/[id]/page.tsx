import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { DeleteRecordForm } from "@/components/desk/delete-record-form";
import { PersonForm } from "@/components/desk/person-form";
import { ReferenceRevisionHistory } from "@/components/desk/reference-revision-history";
import { requirePageRole } from "@/lib/auth/require-role";
import { hasRole } from "@/lib/auth/roles";
import { getPersonForDesk } from "@/lib/people/desk-people";
import { listRevisions, readComparison } from "@/lib/reference/history";
import { deletePersonAction, restorePersonAction, savePersonAction } from "../actions";

export const metadata: Metadata = { title: "Person" };

export default async function PersonPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const { id } = await params;
  const user = await requirePageRole("CONTRIBUTOR", `/dashboard/people/${id}`);
  const query = await searchParams;
  const person = await getPersonForDesk(id);
  if (!person) notFound();
  const canEdit = hasRole(user.role, "EDITOR");
  const [revisions, compare] = await Promise.all([listRevisions("PERSON", id), readComparison("PERSON", id, query)]);
  return (
    <>
      <PageHeader title={person.values.name}>
        <p className="small muted">Version {person.version} · public page /people/{person.slug}</p>
      </PageHeader>
      {query.created && <Alert tone="success">The person was created.</Alert>}
      {query.restored && <Alert tone="success">Restored: saved as version {query.restored}.</Alert>}
      {query.historyError && <Alert tone="danger" title="Not restored"><p>{query.historyError}</p></Alert>}
      {!canEdit && <Alert tone="info">Only editors can change people. You can read this record and use it in your drafts.</Alert>}
      <PersonForm key={query.restored ?? "form"} action={savePersonAction} id={person.id} version={person.version} values={person.values} labels={person.labels} canEdit={canEdit} />
      <ReferenceRevisionHistory revisions={revisions} currentVersion={person.version} compare={compare} restoreAction={restorePersonAction} entityId={person.id} canEdit={canEdit} />
      {canEdit && (
        <section aria-labelledby="delete-heading">
          <h2 id="delete-heading">Delete</h2>
          <p className="small muted">Only possible while no statement or event refers to this person.</p>
          <DeleteRecordForm action={deletePersonAction} id={person.id} what="person" />
        </section>
      )}
    </>
  );
}
