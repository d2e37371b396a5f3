import type { Metadata } from "next";
import { StaffLink } from "@/components/ui/staff-link";
import { UtcTime } from "@/components/admin/utc-time";
import styles from "@/components/admin/admin.module.css";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { filterParams, GIVEN_TWICE, singleParams } from "@/lib/api/list-query";
import { describeAuditEntry, loadAuditNames } from "@/lib/audit/describe-audit";
import { AuditFilterSchema, formatAuditLine, listAuditEntries, type AuditFilter } from "@/lib/audit/list-audit-entries";
import { requirePageRole } from "@/lib/auth/require-role";

export const metadata: Metadata = { title: "Audit log" };
export const dynamic = "force-dynamic";

type Search = Record<string, string | string[] | undefined>;
const FILTERS = ["actor", "action", "target", "from", "to", "before"] as const;

function queryOf(filter: AuditFilter, before?: string): string {
  const text = filterParams({ ...filter, before }, ["actor", "action", "target", "from", "to", "before"]).toString();
  return text ? `?${text}` : "";
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requirePageRole("ADMIN", "/admin/audit");
  const search = await searchParams;
  // A filter given twice is named beside its field, as a bad one is (the API refuses both).
  const { values: raw, repeated } = singleParams(search, FILTERS);
  const parsed = AuditFilterSchema.safeParse(raw);
  const isValid = parsed.success && repeated.length === 0;
  const filter: AuditFilter = isValid ? parsed.data : {};
  const fieldErrors: Record<string, string[]> = Object.fromEntries(repeated.map((key) => [key, [GIVEN_TWICE]]));
  if (!parsed.success) for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0])] ??= []).push(issue.message);
  const { entries, nextBefore } = await listAuditEntries(filter);
  const names = await loadAuditNames(entries);

  return (
    <>
      <PageHeader title="Audit log" lede="Every sign-in, change and refused attempt, newest first, in words; “Raw” shows the row as it is stored. Times are UTC. The log cannot be edited." />
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
      {!isValid && <Alert tone="danger">Some filters are not valid; showing everything instead.</Alert>}
      {entries.length === 0 ? (
        <p>No entries match.</p>
      ) : (
        <DataTable
          caption="Audit entries"
          rows={entries}
          rowKey={(entry) => entry.id}
          columns={[
            { header: "Time", cell: (entry) => <span className={styles.nowrap}><UtcTime value={entry.at} /></span> },
            {
              header: "What happened",
              cell: (entry) => (
                <div className={styles.auditEntry}>
                  {/* Sentences are built from the row as text: whatever a user typed stays data. */}
                  <p>
                    {describeAuditEntry(entry, names).map((part, i) =>
                      typeof part === "string" ? part : part.href ? <StaffLink key={i} href={part.href}>{part.text}</StaffLink> : part.text,
                    )}
                  </p>
                  <p className="muted small">
                    <code>{entry.action}</code>
                    {entry.actorEmail && <> · {entry.actorEmail}</>}
                  </p>
                  <details className={styles.raw}>
                    <summary>Raw</summary>
                    <pre className={styles.summary}>{JSON.stringify(JSON.parse(formatAuditLine(entry)), null, 2)}</pre>
                  </details>
                </div>
              ),
            },
            { header: "Address", cell: (entry) => entry.ip ?? <span className="muted">—</span> },
          ]}
        />
      )}
      <nav aria-label="Audit pages" className={styles.pager}>
        {filter.before && <StaffLink href={`/admin/audit${queryOf(filter)}`}>Newest</StaffLink>}
        {nextBefore && <StaffLink href={`/admin/audit${queryOf(filter, nextBefore)}`}>Older entries</StaffLink>}
      </nav>
    </>
  );
}
