/**
 * The import report as CSV, for the editor's download and the command line. A
 * spreadsheet runs a cell that starts with =, +, -, @, a tab or a carriage return
 * as a formula, and a report echoes what the file said: such cells get a leading
 * apostrophe (OWASP's advice for CSV injection), and every cell is quoted.
 */
export interface ReportLine {
  line: number;
  externalId: string;
  title: string;
  outcome: string;
  problems: Array<{ column: string; message: string }>;
  /** The event of the row's day already in the record that the row may repeat (the dry run's warning). */
  recorded?: { label: string; detail: string };
}

export function safeCell(value: string): string {
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${text.replace(/"/g, '""')}"`;
}

export function reportCsv(lines: readonly ReportLine[]): string {
  const out = [["row", "external_id", "title", "outcome", "column", "problem", "may_be_recorded_as"].map(safeCell).join(",")];
  for (const l of lines) {
    const problems = l.problems.length ? l.problems : [{ column: "", message: "" }];
    const recorded = l.recorded ? `${l.recorded.label} (${l.recorded.detail})` : "";
    for (const p of problems) out.push([String(l.line), l.externalId, l.title, l.outcome, p.column, p.message, recorded].map(safeCell).join(","));
  }
  return out.join("\r\n") + "\r\n";
}
