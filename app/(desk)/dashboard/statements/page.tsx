import type { Metadata } from "next";
import { ContentList } from "@/components/desk/content-list";
import { DoneNotice } from "@/components/desk/done-notice";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageRole } from "@/lib/auth/require-role";
import { formatDate } from "@/lib/format/date";
import { listDeskStatements } from "@/lib/statements/desk-queries";
import { parseDeskListQuery } from "@/lib/desk/list-query";

export const metadata: Metadata = { title: "Statements" };

export default async function DeskStatementsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageRole("CONTRIBUTOR", "/dashboard/statements");
  const params = await searchParams;
  const query = parseDeskListQuery(params);
  const { total, rows } = await listDeskStatements(query);
  return (
    <>
      <PageHeader title="Statements" actions={<ButtonLink href="/dashboard/statements/new" variant="primary">New statement</ButtonLink>} />
      <DoneNotice done={params.done} noun="statement" />
      <ContentList
        kind="statements"
        noun="statement"
        query={query}
        total={total}
        rows={rows.map((r) => ({
          id: r.id,
          title: r.title,
          status: r.status,
          isStaged: r.stagedAt !== null,
          detail: r.speaker?.name ?? r.speakerLabel ?? "—",
          date: r.saidOn ? formatDate(r.saidOn, r.saidPrecision) : "—",
          updatedAt: r.updatedAt,
        }))}
      />
    </>
  );
}
