import type { Metadata } from "next";
import Link from "next/link";
import { Button, ButtonLink } from "@/components/ui/button";
import { Select, TextInput } from "@/components/ui/field";
import { PageHeader, tableClass } from "@/components/ui/page-header";
import { DoneNotice } from "@/components/desk/done-notice";
import { ListPaging } from "@/components/desk/list-paging";
import { requirePageRole } from "@/lib/auth/require-role";
import { hasRole } from "@/lib/auth/roles";
import { parseDeskListQuery } from "@/lib/desk/list-query";
import { ORGANIZATION_KIND_LABELS } from "@/lib/lookup/labels";
import { listOrganizationsForDesk } from "@/lib/organizations/desk-organizations";
import styles from "@/components/desk/reference-form.module.css";

export const metadata: Metadata = { title: "Organizations" };

export default async function OrganizationsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requirePageRole("CONTRIBUTOR", "/dashboard/organizations");
  const params = await searchParams;
  const query = parseDeskListQuery(params);
  const q = query.q || undefined;
  const kind = query.kind && query.kind in ORGANIZATION_KIND_LABELS ? query.kind : undefined;
  const page = query.page;
  const list = await listOrganizationsForDesk({ q, kind, page });
  return (
    <>
      <PageHeader title="Organizations" actions={hasRole(user.role, "EDITOR") ? <ButtonLink href="/dashboard/organizations/new" variant="primary">New organization</ButtonLink> : undefined} />
      <DoneNotice done={params.done} noun="organization" />
      <form method="get" className={styles.actions} role="search" aria-label="Search organizations">
        <label htmlFor="org-q" className="small">Name or acronym</label>
        <TextInput id="org-q" name="q" type="search" defaultValue={q} className={styles.inline} />
        <label htmlFor="org-kind-filter" className="small">Kind</label>
        <Select id="org-kind-filter" name="kind" defaultValue={kind ?? ""} className={styles.inline}>
          <option value="">Any kind</option>
          {Object.entries(ORGANIZATION_KIND_LABELS).map(([value, text]) => <option key={value} value={value}>{text}</option>)}
        </Select>
        <Button type="submit" size="sm">Search</Button>
      </form>
      <table className={tableClass}>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Acronym</th>
            <th scope="col">Kind</th>
            <th scope="col">Members</th>
          </tr>
        </thead>
        <tbody>
          {list.rows.map((o) => (
            <tr key={o.id}>
              <td><Link href={`/dashboard/organizations/${o.id}`}>{o.name}</Link></td>
              <td>{o.acronym ?? "—"}</td>
              <td>{ORGANIZATION_KIND_LABELS[o.kind]}{o.country ? ` (${o.country.name})` : ""}</td>
              <td>{o._count.members}</td>
            </tr>
          ))}
          {list.rows.length === 0 && <tr><td colSpan={4}>No organizations match.</td></tr>}
        </tbody>
      </table>
      <ListPaging page={list.page} pageCount={list.pageCount} total={list.total} basePath="/dashboard/organizations" params={{ q, kind }} />
    </>
  );
}
