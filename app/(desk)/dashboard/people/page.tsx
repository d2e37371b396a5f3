import type { Metadata } from "next";
import Link from "next/link";
import { Button, ButtonLink } from "@/components/ui/button";
import { TextInput } from "@/components/ui/field";
import { PageHeader, tableClass } from "@/components/ui/page-header";
import { DoneNotice } from "@/components/desk/done-notice";
import { ListPaging } from "@/components/desk/list-paging";
import { requirePageRole } from "@/lib/auth/require-role";
import { hasRole } from "@/lib/auth/roles";
import { parseDeskListQuery } from "@/lib/desk/list-query";
import { listPeopleForDesk } from "@/lib/people/desk-people";
import styles from "@/components/desk/reference-form.module.css";

export const metadata: Metadata = { title: "People" };

export default async function PeoplePage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requirePageRole("CONTRIBUTOR", "/dashboard/people");
  const params = await searchParams;
  const query = parseDeskListQuery(params);
  const q = query.q || undefined;
  const country = query.country;
  const page = query.page;
  const list = await listPeopleForDesk({ q, country, page });
  return (
    <>
      <PageHeader title="People" actions={hasRole(user.role, "EDITOR") ? <ButtonLink href="/dashboard/people/new" variant="primary">New person</ButtonLink> : undefined} />
      <DoneNotice done={params.done} noun="person" />
      <form method="get" className={styles.actions} role="search" aria-label="Search people">
        <label htmlFor="people-q" className="small">Name</label>
        <TextInput id="people-q" name="q" type="search" defaultValue={q} className={styles.inline} />
        <label htmlFor="people-country" className="small">Country code</label>
        <TextInput id="people-country" name="country" defaultValue={country} maxLength={2} className={styles.short} />
        <Button type="submit" size="sm">Search</Button>
      </form>
      <table className={tableClass}>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Country</th>
            <th scope="col">Office</th>
          </tr>
        </thead>
        <tbody>
          {list.rows.map((p) => (
            <tr key={p.id}>
              <td><Link href={`/dashboard/people/${p.id}`}>{p.name}</Link></td>
              <td>{p.country?.name ?? "—"}</td>
              <td>{p.offices[0]?.title ?? "—"}</td>
            </tr>
          ))}
          {list.rows.length === 0 && (
            <tr><td colSpan={3}>No people match.</td></tr>
          )}
        </tbody>
      </table>
      <ListPaging page={list.page} pageCount={list.pageCount} total={list.total} basePath="/dashboard/people" params={{ q, country }} />
    </>
  );
}
