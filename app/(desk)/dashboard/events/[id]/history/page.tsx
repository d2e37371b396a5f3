import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RevisionHistory } from "@/components/desk/revision-history";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageRole } from "@/lib/auth/require-role";
import { getEventForEdit } from "@/lib/events/desk-queries";
import { availableTransitions } from "@/lib/publication/transitions";
import { compareRevisions, listRevisions } from "@/lib/workflow/revision-queries";

export const metadata: Metadata = { title: "Event history" };

const version = (v: string | string[] | undefined) => {
  const n = Number(Array.isArray(v) ? v[0] : v);
  return Number.isInteger(n) && n > 0 ? n : null;
};

export default async function EventHistoryPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  const user = await requirePageRole("CONTRIBUTOR", `/dashboard/events/${id}/history`);
  const [found, query] = await Promise.all([getEventForEdit(id), searchParams]);
  if (!found) notFound();
  const revisions = await listRevisions("EVENT", id);
  const from = version(query.from);
  const to = version(query.to);
  const changes = from !== null && to !== null ? await compareRevisions("EVENT", id, from, to) : null;
  return (
    <>
      <PageHeader title={`History: ${found.row.title}`} actions={<Link href={`/dashboard/events/${id}`}>Back to the event</Link>} />
      <RevisionHistory
        kind="events"
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
