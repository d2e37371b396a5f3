import type { Metadata } from "next";
import { StaffLink } from "@/components/ui/staff-link";
import { RecordStatus } from "@/components/desk/record-status";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader, tableClass } from "@/components/ui/page-header";
import { requirePageRole } from "@/lib/auth/require-role";
import { latestReviewSteps, type LatestStep } from "@/lib/publication/review-queries";
import { loadDashboard, type DashboardItem } from "@/lib/desk/dashboard";
import styles from "./dashboard.module.css";
import { formatTimestamp } from "@/lib/format/date";

export const metadata: Metadata = { title: "Dashboard" };


/** A queue's column from the review conversation: its heading, and the step it shows for an item (none: "—"). */
interface StepColumn {
  header: string;
  stepOf: (i: DashboardItem) => LatestStep | undefined;
  /** Who did it, as the cell says it ("Eldar Reviewer", "Changes requested by Eldar Reviewer"). */
  says: (step: LatestStep) => string;
  /** Whether the step's time is the row's "When" (a submission is when it joined the queue). */
  isWhen?: boolean;
}

function Queue({ id, title, items, empty, time, column }: { id: string; title: string; items: DashboardItem[]; empty: string; time: (i: DashboardItem) => Date | null; column?: StepColumn }) {
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
              {column && <th scope="col">{column.header}</th>}
              <th scope="col">When</th>
            </tr>
          </thead>
          <tbody>
            {items.map((i) => {
              const step = column?.stepOf(i);
              return (
                <tr key={`${i.kind}-${i.id}`}>
                  <td><StaffLink href={`/dashboard/${i.kind}s/${i.id}`}>{i.title}</StaffLink></td>
                  <td data-label="Kind">{i.kind === "event" ? "Event" : "Statement"}</td>
                  <td data-label="Status"><RecordStatus status={i.status} isStaged={i.stagedAt !== null} /></td>
                  {column && (
                    <td data-label={column.header}>
                      {step ? column.says(step) : "—"}
                      {step?.note && <p className={`small muted ${styles.note}`}>“{step.note}”</p>}
                    </td>
                  )}
                  <td data-label="When">{formatTimestamp((column?.isWhen ? step?.at : null) ?? time(i))}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

export default async function DashboardPage() {
  const user = await requirePageRole("CONTRIBUTOR", "/dashboard");
  const queues = await loadDashboard(user.id);
  const steps = await latestReviewSteps([...queues.myDrafts, ...queues.review].map((i) => ({ kind: i.kind === "event" ? "EVENT" : "STATEMENT", id: i.id })));
  const stepOf = (i: DashboardItem) => steps.get(`${i.kind.toUpperCase()}:${i.id}`);
  // A draft sent back says so, with the reviewer's note: otherwise it looked like any other draft.
  const sentBack = (i: DashboardItem) => (stepOf(i)?.action === "request_changes" ? stepOf(i) : undefined);
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
        <Queue
          id="my-drafts"
          title="My drafts"
          items={queues.myDrafts}
          empty="You have no drafts."
          time={(i) => i.updatedAt}
          column={queues.myDrafts.some(sentBack) ? { header: "Sent back", stepOf: sentBack, says: (step) => `Changes requested by ${step.by ?? "a former editor"}` } : undefined}
        />
        <Queue
          id="review-queue"
          title="Review queue"
          items={queues.review}
          empty="Nothing is waiting for review."
          time={(i) => i.updatedAt}
          column={{ header: "Submitted by", stepOf, says: (step) => step.by ?? "—", isWhen: true }}
        />
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
