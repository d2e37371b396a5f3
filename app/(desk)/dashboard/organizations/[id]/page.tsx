import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { DeleteRecordForm } from "@/components/desk/delete-record-form";
import { OrganizationForm } from "@/components/desk/organization-form";
import { ReferenceRevisionHistory } from "@/components/desk/reference-revision-history";
import { requirePageRole } from "@/lib/auth/require-role";
import { hasRole } from "@/lib/auth/roles";
import { getOrganizationForDesk } from "@/lib/organizations/desk-organizations";
import { listRevisions, readComparison } from "@/lib/reference/history";
import { deleteOrganizationAction, restoreOrganizationAction, saveOrganizationAction } from "../actions";

export const metadata: Metadata = { title: "Organization" };

export default async function OrganizationPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const { id } = await params;
  const user = await requirePageRole("CONTRIBUTOR", `/dashboard/organizations/${id}`);
  const query = await searchParams;
  const org = await getOrganizationForDesk(id);
  if (!org) notFound();
  const canEdit = hasRole(user.role, "EDITOR");
  const [revisions, compare] = await Promise.all([listRevisions("ORGANIZATION", id), readComparison("ORGANIZATION", id, query)]);
  return (
    <>
      <PageHeader title={org.values.name}>
        <p className="small muted">Version {org.version} · public page /organizations/{org.slug}</p>
      </PageHeader>
      {query.created && <Alert tone="success">The organization was created.</Alert>}
      {query.restored && <Alert tone="success">Restored: saved as version {query.restored}.</Alert>}
      {query.historyError && <Alert tone="danger" title="Not restored"><p>{query.historyError}</p></Alert>}
      {!canEdit && <Alert tone="info">Only editors can change organizations. You can read this record and use it in your drafts.</Alert>}
      <OrganizationForm key={query.restored ?? "form"} action={saveOrganizationAction} id={org.id} version={org.version} values={org.values} labels={org.labels} canEdit={canEdit} />
      <ReferenceRevisionHistory revisions={revisions} currentVersion={org.version} compare={compare} restoreAction={restoreOrganizationAction} entityId={org.id} canEdit={canEdit} />
      {canEdit && (
        <section aria-labelledby="delete-heading">
          <h2 id="delete-heading">Delete</h2>
          <p className="small muted">Only possible while no office or event refers to this organization.</p>
          <DeleteRecordForm action={deleteOrganizationAction} id={org.id} what="organization" />
        </section>
      )}
    </>
  );
}
