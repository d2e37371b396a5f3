import type { Metadata } from "next";
import { ContentList } from "@/components/desk/content-list";
import { DoneNotice } from "@/components/desk/done-notice";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageRole } from "@/lib/auth/require-role";
import { listDeskEvents } from "@/lib/events/desk-queries";
import { formatDate } from "@/lib/format/date";
import { EVENT_TYPE_LABELS } from "@/lib/format/labels";
import { parseDeskListQuery } from "@/lib/desk/list-query";

export const metadata: Metadata = { title: "Events" };

export default async function DeskEventsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageRole("CONTRIBUTOR", "/dashboard/events");
  const params = await searchParams;
  const query = parseDeskListQuery(params);
  const { total, rows } = await listDeskEvents(query);
  return (
    <>
      <PageHeader title="Events" actions={<ButtonLink href="/dashboard/events/new" variant="primary">New event</ButtonLink>} />
      <DoneNotice done={params.done} noun="event" />
      <ContentList
        kind="events"
        noun="event"
        query={query}
        total={total}
        types={EVENT_TYPE_LABELS}
        rows={rows.map((r) => ({
          id: r.id,
          title: r.title,
          status: r.status,
          isStaged: r.stagedAt !== null,
          detail: EVENT_TYPE_LABELS[r.type] ?? r.type,
          date: formatDate(r.date, r.datePrecision),
          updatedAt: r.updatedAt,
        }))}
      />
    </>
  );
}
