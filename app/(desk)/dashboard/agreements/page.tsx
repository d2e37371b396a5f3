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
import { AGREEMENT_KIND_LABELS } from "@/lib/format/labels";
import { listAgreementsForDesk } from "@/lib/agreements/desk-agreements";
import styles from "@/components/desk/reference-form.module.css";

export const metadata: Metadata = { title: "Agreements" };

export default async function AgreementsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requirePageRole("CONTRIBUTOR", "/dashboard/agreements");
  const params = await searchParams;
  const query = parseDeskListQuery(params);
  const q = query.q || undefined;
  const kind = query.kind && query.kind in AGREEMENT_KIND_LABELS ? query.kind : undefined;
  const page = query.page;
  const list = await listAgreementsForDesk({ q, kind, page });
  return (
    <>
      <PageHeader title="Agreements" actions={hasRole(user.role, "EDITOR") ? <ButtonLink href="/dashboard/agreements/new" variant="primary">New agreement</ButtonLink> : undefined} />
      <DoneNotice done={params.done} noun="agreement" />
      <form method="get" className={styles.actions} role="search" aria-label="Search agreements">
        <label htmlFor="agreement-q" className="small">Name</label>
        <TextInput id="agreement-q" name="q" type="search" defaultValue={q} className={styles.inline} />
        <label htmlFor="agreement-kind-filter" className="small">Kind</label>
        <Select id="agreement-kind-filter" name="kind" defaultValue={kind ?? ""} className={styles.inline}>
          <option value="">Any kind</option>
          {Object.entries(AGREEMENT_KIND_LABELS).map(([value, text]) => <option key={value} value={value}>{text}</option>)}
        </Select>
        <Button type="submit" size="sm">Search</Button>
      </form>
      <table className={tableClass}>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Kind</th>
            <th scope="col">Parties</th>
          </tr>
        </thead>
        <tbody>
          {list.rows.map((o) => (
            <tr key={o.id}>
              <td><Link href={`/dashboard/agreements/${o.id}`}>{o.name}</Link></td>
              <td>{AGREEMENT_KIND_LABELS[o.kind]}</td>
              <td>{o.partyCount}</td>
            </tr>
          ))}
          {list.rows.length === 0 && <tr><td colSpan={3}>No agreements match.</td></tr>}
        </tbody>
      </table>
      <ListPaging page={list.page} pageCount={list.pageCount} total={list.total} basePath="/dashboard/agreements" params={{ q, kind }} />
    </>
  );
}
