import type { ReactNode } from "react";
import { tableClass } from "./page-header";

export interface Column<R> {
  /** The column's heading; a column without a visible heading still names itself to screen readers. */
  header: string;
  hideHeader?: boolean;
  /**
   * On a phone, where the table stacks and its first column heads each row unnamed (it is
   * the row's name: a title, a person), name this column even when it comes first: its
   * cells are bare values, such as a row or version number, that say nothing alone.
   */
  labelled?: boolean;
  cell: (row: R) => ReactNode;
}

/** The design system's table: a heading row, a row per item, and a sentence when there are none. */
export function DataTable<R>({ columns, rows, rowKey, empty, caption }: { columns: Array<Column<R> | false>; rows: R[]; rowKey: (row: R) => string | number; empty?: string; caption?: string }) {
  const shown = columns.filter((c): c is Column<R> => c !== false);
  return (
    <table className={tableClass}>
      {caption && <caption className="visually-hidden">{caption}</caption>}
      <thead>
        <tr>
          {shown.map((c) => (
            <th key={c.header} scope="col">
              {c.hideHeader ? <span className="visually-hidden">{c.header}</span> : c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)}>
            {shown.map((c, i) => (
              // On a phone the table stacks; every cell after the first names its column (ui.module.css),
              // and the first too when its column is labelled.
              <td key={c.header} data-label={(i > 0 || c.labelled) && !c.hideHeader ? c.header : undefined}>
                {c.cell(row)}
              </td>
            ))}
          </tr>
        ))}
        {rows.length === 0 && empty && (
          <tr>
            <td colSpan={shown.length}>{empty}</td>
          </tr>
        )}
      </tbody>
    </table>
  );
}
