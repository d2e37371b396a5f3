import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { PARTICIPANT_STATUS_LABELS } from "@/lib/agreements/participant-status";
import { PageHeader } from "@/components/ui/page-header";
import { DeleteRecordForm } from "@/components/desk/delete-record-form";
import { AgreementForm } from "@/components/desk/agreement-form";
import { ReferenceRevisionHistory } from "@/components/desk/reference-revision-history";
import { requirePageRole } from "@/lib/auth/require-role";
import { hasRole } from "@/lib/auth/roles";
import { getAgreementForDesk } from "@/lib/agreements/desk-agreements";
import { listRevisions, readComparison } from "@/lib/reference/history";
import { deleteAgreementAction, restoreAgreementAction, saveAgreementAction } from "../actions";

export const metadata: Metadata = { title: "Agreement" };

export default async function AgreementPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const { id } = await params;
  const user = await requirePageRole("CONTRIBUTOR", `/dashboard/agreements/${id}`);
  const query = await searchParams;
  const agreement = await getAgreementForDesk(id);
  if (!agreement) notFound();
  const canEdit = hasRole(user.role, "EDITOR");
  const [revisions, compare] = await Promise.all([listRevisions("AGREEMENT", id), readComparison("AGREEMENT", id, query)]);
  return (
    <>
      <PageHeader title={agreement.values.name}>
        <p className="small muted">Version {agreement.version} · public page /agreements/{agreement.slug}</p>
      </PageHeader>
      {query.created && <Alert tone="success">The agreement was created.</Alert>}
      {query.restored && <Alert tone="success">Restored: saved as version {query.restored}.</Alert>}
      {query.historyError && <Alert tone="danger" title="Not restored"><p>{query.historyError}</p></Alert>}
      {!canEdit && <Alert tone="info">Only editors can change agreements. You can read this record and use it in your drafts.</Alert>}
      {agreement.parties.length > 0 && (
        <section aria-labelledby="parties-heading">
          <h2 id="parties-heading">Parties and their status</h2>
          <p className="small muted">Derived from each party&apos;s treaty actions below.</p>
          <ul>
            {agreement.parties.map((p) => (
              <li key={p.countryId}>
                {p.name}: <Badge tone={p.status === "WITHDRAWN" ? "danger" : p.status === "IN_FORCE" ? "success" : "info"}>{PARTICIPANT_STATUS_LABELS[p.status]}</Badge>
              </li>
            ))}
          </ul>
        </section>
      )}
      <AgreementForm key={query.restored ?? "form"} action={saveAgreementAction} id={agreement.id} version={agreement.version} values={agreement.values} labels={agreement.labels} canEdit={canEdit} />
      <ReferenceRevisionHistory revisions={revisions} currentVersion={agreement.version} compare={compare} restoreAction={restoreAgreementAction} entityId={agreement.id} canEdit={canEdit} />
      {canEdit && (
        <section aria-labelledby="delete-heading">
          <h2 id="delete-heading">Delete</h2>
          <p className="small muted">Only possible while no event and no other agreement refers to this agreement.</p>
          <DeleteRecordForm action={deleteAgreementAction} id={agreement.id} what="agreement" />
        </section>
      )}
    </>
  );
}
