import type { Metadata } from "next";
import { StaffLink } from "@/components/ui/staff-link";
import { notFound } from "next/navigation";
import { RevisionHistory } from "@/components/desk/revision-history";
import { PageHeader } from "@/components/ui/page-header";
import { singleParams } from "@/lib/api/list-query";
import { requirePageRole } from "@/lib/auth/require-role";
import { DESK_KINDS } from "@/lib/desk/record-kinds";
import { loadRecordForEdit, transitionsFor } from "@/lib/desk/record-pages";
import { loadDeskOptions } from "@/lib/desk/options";
import { holdsIds } from "@/lib/records/field-labels";
import { readWholeNumber, versionNumber } from "@/lib/records/fields";
import { compareRevisions, listRevisions } from "@/lib/records/revisions";

export const metadata: Metadata = { title: "History" };

/**
 * A version asked for in the address, or null: a number no version can be (2^31 and above, PostgreSQL's integer)
 * compares nothing, as a 0 does, and so does one not written in plain digits ("0x10") or given twice.
 */
const version = (v: string | undefined) => {
  const parsed = versionNumber.safeParse(readWholeNumber(v));
  return parsed.success ? parsed.data : null;
};

/** The one history page of every kind of desk record: its revisions, a comparison of any two, restore. */
export default async function RecordHistoryPage({ params, searchParams }: { params: Promise<{ kind: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { kind, id } = await params;
  const user = await requirePageRole("CONTRIBUTOR", `/dashboard/${kind}/${id}/history`);
  const [record, query] = await Promise.all([loadRecordForEdit(kind, id), searchParams]);
  if (!record) notFound();
  const revisionKind = DESK_KINDS[kind]!.revisions;
  const revisions = await listRevisions(revisionKind, record.id);
  const { values } = singleParams(query, ["from", "to"]);
  const from = version(values.from);
  const to = version(values.to);
  const changes = from !== null && to !== null ? await compareRevisions(revisionKind, record.id, from, to) : null;
  // Comparisons name the records they mention (countries, people, topics, …), not their ids.
  const ids = (changes ?? []).filter((c) => holdsIds(c.path)).flatMap((c) => [c.before, c.after].flat()).filter((v): v is string => typeof v === "string" && v !== "");
  const options = ids.length ? await loadDeskOptions(ids) : null;
  const names: Record<string, string> = options ? { ...options.labels, ...Object.fromEntries([...options.topics, ...options.treatyActions].map((o) => [o.id, o.label])) } : {};
  return (
    <>
      <PageHeader title={`History: ${record.title}`} actions={<StaffLink href={`/dashboard/${kind}/${record.id}`}>Back to the {record.noun}</StaffLink>} />
      <RevisionHistory
        kind={kind}
        id={record.id}
        currentVersion={record.version}
        revisions={revisions}
        from={from}
        to={to}
        changes={changes}
        canRestore={transitionsFor(user, record).includes("restore")}
        names={names}
      />
    </>
  );
}
