import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { Field, Select, TextInput } from "@/components/ui/field";
import { tableClass } from "@/components/ui/page-header";
import { STATUS_LABELS } from "@/lib/format/labels";
import { pageCount, type DeskListQuery } from "@/lib/desk/list-query";
import { RecordStatus } from "./record-status";
import styles from "./editor.module.css";
import { formatTimestamp } from "@/lib/format/date";

export interface ListRow {
  id: string;
  title: string;
  status: string;
  isStaged: boolean;
  detail: string;
  date: string;
  updatedAt: Date;
}

/** A desk list with search, status (and type) filters and paging. */
export function ContentList({ kind, noun, query, total, rows, types }: {
  kind: "events" | "statements";
  noun: string;
  query: DeskListQuery;
  total: number;
  rows: ListRow[];
  types?: Record<string, string>;
}) {
  const pages = pageCount(total);
  const href = (page: number) => {
    const params = new URLSearchParams();
    if (query.q) params.set("q", query.q);
    if (query.status) params.set("status", query.status);
    if (query.type) params.set("type", query.type);
    if (page > 1) params.set("page", String(page));
    const s = params.toString();
    return `/dashboard/${kind}${s ? `?${s}` : ""}`;
  };
  return (
    <>
      <form method="get" className={styles.grid3} role="search" aria-label={`Filter ${kind}`}>
        <Field id={`${kind}-q`} label={`Search ${kind}`}>
          {(p) => <TextInput {...p} type="search" name="q" defaultValue={query.q} />}
        </Field>
        <Field id={`${kind}-status`} label="Status">
          {(p) => (
            <Select {...p} name="status" defaultValue={query.status ?? ""}>
              <option value="">Any status</option>
              {Object.entries(STATUS_LABELS).map(([v, l]) => (
                <option key={v} value={v}>{l}</option>
              ))}
            </Select>
          )}
        </Field>
        {types ? (
          <Field id={`${kind}-type`} label="Type">
            {(p) => (
              <Select {...p} name="type" defaultValue={query.type ?? ""}>
                <option value="">Any type</option>
                {Object.entries(types).map(([v, l]) => (
                  <option key={v} value={v}>{l}</option>
                ))}
              </Select>
            )}
          </Field>
        ) : (
          <span />
        )}
        <div>
          <button type="submit" className={buttonClass("primary")}>Filter</button>
        </div>
      </form>
      <p className="small muted" role="status">
        {total === 0 ? `No ${kind} match.` : `${total} ${total === 1 ? noun : kind}, page ${query.page} of ${pages}`}
      </p>
      {rows.length > 0 && (
        <table className={tableClass}>
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Status</th>
              <th scope="col">{types ? "Type" : "Speaker"}</th>
              <th scope="col">Date</th>
              <th scope="col">Updated</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td><Link href={`/dashboard/${kind}/${r.id}`}>{r.title}</Link></td>
                <td data-label="Status"><RecordStatus status={r.status} isStaged={r.isStaged} /></td>
                <td data-label={types ? "Type" : "Speaker"}>{r.detail}</td>
                <td data-label="Date">{r.date}</td>
                <td data-label="Updated">{formatTimestamp(r.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pages > 1 && (
        <nav aria-label="Pages" style={{ display: "flex", gap: "var(--space-3)", marginTop: "var(--space-4)" }}>
          {query.page > 1 && <Link href={href(query.page - 1)}>Previous page</Link>}
          {query.page < pages && <Link href={href(query.page + 1)}>Next page</Link>}
        </nav>
      )}
    </>
  );
}
