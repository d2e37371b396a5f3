import type { Metadata } from "next";
import Link from "next/link";
import { UtcTime } from "@/components/admin/utc-time";
import styles from "@/components/admin/admin.module.css";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { PageHeader, tableClass } from "@/components/ui/page-header";
import { AuditFilterSchema, listAuditEntries, type AuditFilter } from "@/lib/audit/list-audit-entries";
import { requirePageRole } from "@/lib/auth/require-role";

export const metadata: Metadata = { title: "Audit log" };
export const dynamic = "force-dynamic";

type Search = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function queryOf(filter: AuditFilter, before?: string): string {
  const params = new URLSearchParams();
  for (const key of ["actor", "action", "target", "from", "to"] as const) {
    if (filter[key]) params.set(key, filter[key]!);
  }
  if (before) params.set("before", before);
  const text = params.toString();
  return text ? `?${text}` : "";
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requirePageRole("ADMIN", "/admin/audit");
  const search = await searchParams;
  const raw = {
    actor: first(search.actor),
    action: first(search.action),
    target: first(search.target),
    from: first(search.from),
    to: first(search.to),
    before: first(search.before),
  };
  const parsed = AuditFilterSchema.safeParse(raw);
  const filter: AuditFilter = parsed.success ? parsed.data : {};
  const fieldErrors: Record<string, string[]> = {};
  if (!parsed.success) for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0])] ??= []).push(issue.message);
  const { entries, nextBefore } = await listAuditEntries(filter);

  return (
    <>
      <PageHeader title="Audit log">
        <p className="muted small">Every sign-in, change and refused attempt, newest first. Times are UTC. The log cannot be edited.</p>
      </PageHeader>
      <form method="get" role="search" aria-label="Filter the audit log">
        <div className={styles.filters}>
          <Field id="audit-actor" label="Actor" hint="Email (part of it) or user id" errors={fieldErrors.actor}>
            {(props) => <input {...props} name="actor" defaultValue={raw.actor ?? ""} />}
          </Field>
          <Field id="audit-action" label="Action" hint="e.g. auth. or user.role_change" errors={fieldErrors.action}>
            {(props) => <input {...props} name="action" defaultValue={raw.action ?? ""} />}
          </Field>
          <Field id="audit-target" label="Target" hint="Id, or a type such as User" errors={fieldErrors.target}>
            {(props) => <input {...props} name="target" defaultValue={raw.target ?? ""} />}
          </Field>
          <Field id="audit-from" label="From" hint="UTC day" errors={fieldErrors.from}>
            {(props) => <input {...props} name="from" type="date" defaultValue={raw.from ?? ""} />}
          </Field>
          <Field id="audit-to" label="To" hint="UTC day, included" errors={fieldErrors.to}>
            {(props) => <input {...props} name="to" type="date" defaultValue={raw.to ?? ""} />}
          </Field>
        </div>
        <div className={styles.filterButtons}>
          <Button type="submit" variant="primary">Filter</Button>
          <ButtonLink href="/admin/audit" variant="ghost">Clear filters</ButtonLink>
        </div>
      </form>
      {!parsed.success && <Alert tone="danger">Some filters are not valid; showing everything instead.</Alert>}
      {entries.length === 0 ? (
        <p>No entries match.</p>
      ) : (
        // Focusable, so a keyboard can scroll the table when a long address or detail makes it wider than the screen.
        <div className={`${styles.tableWrap} ${styles.wideTable}`} tabIndex={0} role="region" aria-label="Audit entries">
          <table className={tableClass}>
            <caption className="visually-hidden">Audit entries</caption>
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Action</th>
                <th scope="col">Actor</th>
                <th scope="col">Target</th>
                <th scope="col">Details</th>
                <th scope="col">Address</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td className={styles.nowrap}><UtcTime value={entry.at} /></td>
                  <td className={styles.nowrap}><code>{entry.action}</code></td>
                  <td className={styles.wrap}>{entry.actorEmail ?? <span className="muted">—</span>}</td>
                  <td className={styles.wrap}>
                    {entry.targetType ? `${entry.targetType} ${entry.targetId ?? ""}` : <span className="muted">—</span>}
                  </td>
                  <td>
                    {/* Shown as JSON text: whatever a user typed stays data. */}
                    {entry.summary ? <pre className={styles.summary}>{JSON.stringify(entry.summary)}</pre> : <span className="muted">—</span>}
                  </td>
                  <td className={styles.nowrap}>{entry.ip ?? <span className="muted">—</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav aria-label="Audit pages" className={styles.pager}>
        {filter.before && <Link href={`/admin/audit${queryOf(filter)}`}>Newest</Link>}
        {nextBefore && <Link href={`/admin/audit${queryOf(filter, nextBefore)}`}>Older entries</Link>}
      </nav>
    </>
  );
}
