import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RecordForm } from "@/components/desk/record-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageRole } from "@/lib/auth/require-role";
import { BLANK_VALUES, newRecordRole, transitionsFor } from "@/lib/desk/record-pages";
import { DESK_KINDS } from "@/lib/desk/record-kinds";
import { availableTransitions } from "@/lib/publication/transitions";
import { loadDeskOptions } from "@/lib/desk/options";
import { hasRole } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "New" };

/** The one "new record" page of every kind. */
export default async function NewRecordPage({ params }: { params: Promise<{ kind: string }> }) {
  const { kind } = await params;
  const desk = Object.hasOwn(DESK_KINDS, kind) ? DESK_KINDS[kind] : undefined;
  if (!desk) notFound();
  const user = await requirePageRole(newRecordRole(kind), `/dashboard/${kind}/new`);
  const options = await loadDeskOptions();
  // A new draft offers what its author may do with it right after the first save.
  const transitions = desk.workflow
    ? availableTransitions(user, { status: "DRAFT", createdById: user.id, firstPublishedAt: null, stagedData: null }).filter((t) => t === "submit" || t === "publish")
    : transitionsFor(user, null);
  return (
    <>
      <PageHeader title={`New ${desk.noun}`} />
      <RecordForm kind={kind} id={null} version={0} status={desk.workflow ? "DRAFT" : null} transitions={transitions} canSave values={BLANK_VALUES[kind]!} options={options} abilities={{ canCreateReferences: hasRole(user.role, "EDITOR") }} />
    </>
  );
}
