import type { Metadata } from "next";
import { StaffLink } from "@/components/ui/staff-link";
import { RecordStatus } from "@/components/desk/record-status";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader, tableClass } from "@/components/ui/page-header";
import { requirePageRole } from "@/lib/auth/require-role";
import { latestSubmissions } from "@/lib/publication/review-queries";
import { loadDashboard, type DashboardItem } from "@/lib/desk/dashboard";
import styles from "./dashboard.module.css";
import { formatTimestamp } from "@/lib/format/date";

export const metadata: Metadata = { title: "Dashboard" };


type Submission = { by: string | null; at: Date; note: string | null };

function Queue({ id, title, items, empty, time, submissions }: { id: string; title: string; items: DashboardItem[]; empty: string; time: (i: DashboardItem) => Date | null; submissions?: Map<string, Submission> }) {
  const submissionOf = (i: DashboardItem) => submissions?.get(`${i.kind.toUpperCase()}:${i.id}`);
  return (
    <section aria-labelledby={id} className={styles.queue}>
      <h2 id={id}>
        {title} <span className="muted small">({items.length})</span>
      </h2>
      {items.length === 0 ? (
        <p className="muted small">{empty}</p>
      ) : (
        <table className={tableClass}>
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Kind</th>
              <th scope="col">Status</th>
              {submissions && <th scope="col">Submitted by</th>}
              <th scope="col">When</th>
            </tr>
          </thead>
          <tbody>
            {items.map((i) => (
              <tr key={`${i.kind}-${i.id}`}>
                <td><StaffLink href={`/dashboard/${i.kind}s/${i.id}`}>{i.title}</StaffLink></td>
                <td data-label="Kind">{i.kind === "event" ? "Event" : "Statement"}</td>
                <td data-label="Status"><RecordStatus status={i.status} isStaged={i.stagedAt !== null} /></td>
                {submissions && (
                  <td data-label="Submitted by">
                    {submissionOf(i)?.by ?? "—"}
                    {submissionOf(i)?.note && <p className={`small muted ${styles.note}`}>“{submissionOf(i)!.note}”</p>}
                  </td>
                )}
                <td data-label="When">{formatTimestamp(submissionOf(i)?.at ?? time(i))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export default async function DashboardPage() {
  const user = await requirePageRole("CONTRIBUTOR", "/dashboard");
  const queues = await loadDashboard(user.id);
  const submissions = await latestSubmissions(queues.review.map((i) => ({ kind: i.kind === "event" ? "EVENT" : "STATEMENT", id: i.id })));
  return (
    <>
      <PageHeader
        title="Dashboard"
        actions={
          <>
            <ButtonLink href="/dashboard/events/new" variant="primary">New event</ButtonLink>
            <ButtonLink href="/dashboard/statements/new">New statement</ButtonLink>
          </>
        }
      >
        <p className={`muted small ${styles.who}`}>Signed in as {user.email}</p>
      </PageHeader>
      <div className={styles.grid}>
        <Queue id="my-drafts" title="My drafts" items={queues.myDrafts} empty="You have no drafts." time={(i) => i.updatedAt} />
        <Queue id="review-queue" title="Review queue" items={queues.review} empty="Nothing is waiting for review." time={(i) => i.updatedAt} submissions={submissions} />
        <Queue id="staged" title="Published, with changes staged" items={queues.staged} empty="No staged changes." time={(i) => i.stagedAt} />
        <Queue id="scheduled" title="Scheduled" items={queues.scheduled} empty="Nothing is scheduled." time={(i) => i.scheduledAt} />
        <Queue id="recently-published" title="Recently published" items={queues.published} empty="Nothing has been published yet." time={(i) => i.publishedAt} />
      </div>
      <p className="small">
        <StaffLink href="/dashboard/events">All events</StaffLink> · <StaffLink href="/dashboard/statements">All statements</StaffLink>
      </p>
    </>
  );
}
