import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RevisionHistory } from "@/components/desk/revision-history";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageRole } from "@/lib/auth/require-role";
import { getStatementForEdit } from "@/lib/statements/desk-queries";
import { availableTransitions } from "@/lib/publication/transitions";
import { compareRevisions, listRevisions } from "@/lib/workflow/revision-queries";

export const metadata: Metadata = { title: "Statement history" };

const version = (v: string | string[] | undefined) => {
  const n = Number(Array.isArray(v) ? v[0] : v);
  return Number.isInteger(n) && n > 0 ? n : null;
};

export default async function StatementHistoryPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  const user = await requirePageRole("CONTRIBUTOR", `/dashboard/statements/${id}/history`);
  const [found, query] = await Promise.all([getStatementForEdit(id), searchParams]);
  if (!found) notFound();
  const revisions = await listRevisions("STATEMENT", id);
  const from = version(query.from);
  const to = version(query.to);
  const changes = from !== null && to !== null ? await compareRevisions("STATEMENT", id, from, to) : null;
  return (
    <>
      <PageHeader title={`History: ${found.row.title}`} actions={<Link href={`/dashboard/statements/${id}`}>Back to the statement</Link>} />
      <RevisionHistory
        kind="statements"
        id={id}
        currentVersion={found.row.version}
        revisions={revisions}
        from={from}
        to={to}
        changes={changes}
        canRestore={availableTransitions(user, found.row).includes("restore")}
      />
    </>
  );
}
