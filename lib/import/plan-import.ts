import "server-only";
import { db, type Tx } from "@/lib/db/client";
import { COLUMNS_OF, type ImportKind } from "./columns";
import { readImportFile } from "./import-file";
import { detectMapping, mapRow, unreadColumns, type MappingName } from "./mappings";
import { References, splitList, type Proposal } from "./references";
import { prepareRow, type PreparedRow, type Problem } from "./rows";
import { readDate } from "@/lib/records/fields";
import { sameDayMatches, sameDayStatementMatches, type SameDayRecord } from "@/lib/lookup/same-day";

/**
 * The dry run: every row of the file read, mapped, matched and checked with the
 * desk's schemas, and what importing it would do. Nothing is written.
 */
export type RowStatus = "ready" | "needs-new" | "invalid" | "unchanged";

export interface PlannedRow {
  line: number;
  externalId: string;
  title: string;
  status: RowStatus;
  problems: Problem[];
  /** Keys of the proposals the row waits for. */
  needs: string[];
  /** The item an earlier import made from this row. */
  existing?: { id: string; slug: string };
  /**
   * An item the record already holds on the row's day: an event with one of its countries, a
   * statement by its speaker. Maybe the same one from another source. Only a warning: the row
   * imports unless the editor leaves it out.
   */
  recorded?: SameDayRecord;
}

export interface ImportPlan {
  kind: ImportKind;
  fileName: string;
  mapping: MappingName;
  rows: PlannedRow[];
  proposals: Proposal[];
  unreadColumns: string[];
  counts: Record<RowStatus, number>;
}

export interface ImportRequest {
  kind: ImportKind;
  fileName: string;
  text: string;
}

/** The file's rows in Chancery's columns (cheap: no database). */
export function mappedRows(request: ImportRequest) {
  const file = readImportFile({ fileName: request.fileName, text: request.text });
  const mapping = detectMapping(file.columns);
  const own = COLUMNS_OF[request.kind];
  const rows = file.rows.map((row) => ({ line: row.line, cells: mapRow(mapping, row, own) }));
  return { file, mapping, rows, unread: unreadColumns(mapping, file.columns, own) };
}

/** Matches and checks rows against the record as it is now (inside `tx`). */
export async function prepareRows(tx: Tx, kind: ImportKind, rows: Array<{ line: number; cells: Record<string, string> }>): Promise<PreparedRow[]> {
  const refs = await References.load(tx, {
    people: rows.flatMap((r) => [...splitList(r.cells.people), ...(r.cells.speaker ? [r.cells.speaker.trim()] : [])]),
    organizations: rows.flatMap((r) => splitList(r.cells.organizations)),
  });
  return rows.map((r) => prepareRow(kind, r.line, r.cells, refs));
}

/** Items already imported from these rows, by `source\u0000id`. */
export async function findImported(tx: Tx, kind: ImportKind, rows: Array<{ externalSource: string; externalId: string }>) {
  const bySource = new Map<string, string[]>();
  for (const r of rows) if (r.externalId) bySource.set(r.externalSource, [...(bySource.get(r.externalSource) ?? []), r.externalId]);
  const found = new Map<string, { id: string; slug: string }>();
  for (const [externalSource, ids] of bySource) {
    const where = { externalSource, externalId: { in: ids } };
    const select = { id: true, slug: true, externalId: true } as const;
    const items = kind === "events" ? await tx.event.findMany({ where, select }) : await tx.statement.findMany({ where, select });
    for (const item of items) found.set(`${externalSource}\u0000${item.externalId}`, { id: item.id, slug: item.slug });
  }
  return found;
}

/** The first line holding each source and id: a later row with the same id is a duplicate. */
export function firstLines(rows: Array<{ line: number; cells: Record<string, string> }>) {
  const first = new Map<string, number>();
  for (const r of rows) {
    const key = `${(r.cells.external_source ?? "").trim() || "file"}\u0000${(r.cells.external_id ?? "").trim()}`;
    if (!first.has(key)) first.set(key, r.line);
  }
  return first;
}

function statusOf(row: PreparedRow, options: { existing: boolean; duplicateOf: number | null }): { status: RowStatus; problems: Problem[] } {
  if (options.existing) return { status: "unchanged", problems: [] };
  const problems = options.duplicateOf !== null ? [...row.problems, { column: "external_id", message: `The same id as row ${options.duplicateOf}: only that row is imported.` }] : row.problems;
  if (problems.length) return { status: "invalid", problems };
  return { status: row.needs.length ? "needs-new" : "ready", problems };
}

/** Each prepared row with what importing it would do: imported before, a duplicate of an earlier row, invalid, needing a new name, or ready. */
export function checkRows(prepared: PreparedRow[], imported: Map<string, { id: string; slug: string }>, first: Map<string, number>) {
  return prepared.map((row) => {
    const key = `${row.externalSource}\u0000${row.externalId}`;
    const existing = row.externalId ? imported.get(key) : undefined;
    const firstLine = first.get(key);
    return { row, existing, ...statusOf(row, { existing: !!existing, duplicateOf: firstLine !== undefined && firstLine !== row.line ? firstLine : null }) };
  });
}

/**
 * The rows that would be imported, each with the item of its day already in the record that it
 * most resembles: an event with one of its countries, or a statement by its speaker.
 */
async function recordedAlready(tx: Tx, kind: ImportKind, rows: Array<{ row: PreparedRow; status: RowStatus }>) {
  const probes = rows.flatMap(({ row, status }) => {
    const input = row.input as { date?: string; datePrecision?: string; saidOn?: string; saidPrecision?: string; speakerId?: string; type?: string; countryId?: string; participants?: Array<Record<string, string>> } | null;
    if ((status !== "ready" && status !== "needs-new") || !input) return [];
    const [date, precision] = kind === "events" ? [input.date, input.datePrecision] : [input.saidOn, input.saidPrecision];
    const reading = precision === "DAY" ? readDate(date ?? "", "DAY") : null;
    if (!reading?.ok) return [];
    const participants = input.participants ?? [];
    const ids = (field: string) => participants.map((p) => p[field]).filter((v): v is string => !!v);
    return [{ key: row.line, date: reading.value.date, countries: [...ids("countryId"), ...(input.countryId ? [input.countryId] : [])], people: ids("personId"), organizations: ids("organizationId"), type: input.type, speakerId: input.speakerId ?? "" }];
  });
  if (kind === "events") return sameDayMatches(tx, probes, { limit: 1 });
  return sameDayStatementMatches(tx, probes.filter((p) => p.speakerId), { limit: 1 });
}

export async function planImport(request: ImportRequest): Promise<ImportPlan> {
  const { mapping, rows, unread } = mappedRows(request);
  const first = firstLines(rows);
  // One snapshot of the record for the whole report.
  const { checked, recorded } = await db.$transaction(
    async (tx) => {
      const prepared = await prepareRows(tx, request.kind, rows);
      const checked = checkRows(prepared, await findImported(tx, request.kind, prepared), first);
      return { checked, recorded: await recordedAlready(tx, request.kind, checked) };
    },
    { isolationLevel: "RepeatableRead", timeout: 60_000 },
  );
  const proposals = new Map<string, Proposal>();
  const planned = checked.map(({ row, existing, status, problems }): PlannedRow => {
    const same = recorded.get(row.line)?.[0];
    if (status === "needs-new" || status === "ready") {
      for (const need of row.needs) {
        const p = proposals.get(need.key) ?? { ...need, lines: [] };
        p.lines.push(row.line);
        proposals.set(need.key, p);
      }
    }
    return { line: row.line, externalId: row.externalId, title: row.title, status, problems, needs: row.needs.map((n) => n.key), ...(existing ? { existing } : {}), ...(same ? { recorded: same } : {}) };
  });
  const counts: Record<RowStatus, number> = { ready: 0, "needs-new": 0, invalid: 0, unchanged: 0 };
  planned.forEach((r) => counts[r.status]++);
  return { kind: request.kind, fileName: request.fileName, mapping, rows: planned, proposals: [...proposals.values()], unreadColumns: unread, counts };
}
