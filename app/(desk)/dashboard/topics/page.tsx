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
import { listTopicsForDesk } from "@/lib/topics/desk-topics";
import styles from "@/components/desk/reference-form.module.css";

export const metadata: Metadata = { title: "Topics" };

export default async function TopicsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requirePageRole("CONTRIBUTOR", "/dashboard/topics");
  const params = await searchParams;
  const query = parseDeskListQuery(params);
  const q = query.q || undefined;
  const page = query.page;
  const list = await listTopicsForDesk({ q, page });
  return (
    <>
      <PageHeader title="Topics" actions={hasRole(user.role, "EDITOR") ? <ButtonLink href="/dashboard/topics/new" variant="primary">New topic</ButtonLink> : undefined} />
      <DoneNotice done={params.done} noun="topic" />
      <form method="get" className={styles.actions} role="search" aria-label="Search topics">
        <label htmlFor="topic-q" className="small">Name</label>
        <TextInput id="topic-q" name="q" type="search" defaultValue={q} className={styles.inline} />
        <Button type="submit" size="sm">Search</Button>
      </form>
      <table className={tableClass}>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Slug</th>
            <th scope="col">Events</th>
            <th scope="col">Statements</th>
          </tr>
        </thead>
        <tbody>
          {list.rows.map((t) => (
            <tr key={t.id}>
              <td><Link href={`/dashboard/topics/${t.id}`}>{t.name}</Link></td>
              <td>{t.slug}</td>
              <td>{t._count.events}</td>
              <td>{t._count.statements}</td>
            </tr>
          ))}
          {list.rows.length === 0 && <tr><td colSpan={4}>No topics match.</td></tr>}
        </tbody>
      </table>
      <ListPaging page={list.page} pageCount={list.pageCount} total={list.total} basePath="/dashboard/topics" params={{ q }} />
    </>
  );
}
