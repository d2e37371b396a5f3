import { StaffLink } from "@/components/ui/staff-link";
import styles from "./reference-form.module.css";
import { formatCount, formatPageOf } from "@/lib/format/count";

/** "Page 2 of 5" with previous/next links that keep the list's filters. */
export function ListPaging(props: { page: number; pageCount: number; total: number; totalIsEstimate?: boolean; basePath: string; params: Record<string, string | undefined> }) {
  const { page, pageCount, total, totalIsEstimate = false, basePath, params } = props;
  const href = (p: number) => {
    const search = new URLSearchParams(Object.entries({ ...params, page: String(p) }).filter((e): e is [string, string] => Boolean(e[1])));
    return `${basePath}?${search}`;
  };
  return (
    <nav aria-label="Pages" className={styles.actions}>
      <span className="small muted">
        {formatCount(total, totalIsEstimate, { atStart: true })} {total === 1 ? "record" : "records"} · {formatPageOf(page, pageCount, totalIsEstimate)}
      </span>
      {page > 1 && <StaffLink href={href(page - 1)}>Previous page</StaffLink>}
      {page < pageCount && <StaffLink href={href(page + 1)}>Next page</StaffLink>}
    </nav>
  );
}
