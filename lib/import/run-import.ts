import "server-only";
import { db, type Tx } from "@/lib/db/client";
import { combineChanges, revalidatePublicRecord, type PublicChange } from "@/lib/cache/revalidate";
import { AppError, isAppError } from "@/lib/errors/app-error";
import { eventWorkflow } from "@/lib/events/write-event";
import { organizationWrites } from "@/lib/organizations/organization-record";
import { personWrites } from "@/lib/people/person-record";
import { statementWorkflow } from "@/lib/statements/write-statement";
import { TRANSACTION } from "@/lib/records/record-store";
import type { Actor } from "@/lib/users/actor";
import { hasRole } from "@/lib/auth/roles";
import { columnOfPath, type ImportKind } from "./columns";
import { IMPORT_BATCH_SIZE } from "./limits";
import { checkRows, findImported, firstLines, mappedRows, planImport, prepareRows, type ImportRequest } from "./plan-import";
import type { Problem } from "./rows";

/**
 * Confirming an import: the new people and organizations the editor agreed to are
 * created first (through their kernel writes), then the rows in batches. A batch
 * is one transaction, its rows written set-wise by the desk's create rule for many
 * (`createManyIn`); should the database refuse the batch, it is written again row by
 * row, each row under a savepoint, so a row that fails rolls back alone and the
 * batch's good rows commit. Every row gets what the desk gives it: a draft (or a
 * publication, if asked), a revision, an audit row.
 */
export type RowOutcome = "created" | "published" | "unchanged" | "skipped" | "failed";

export interface RowResult {
  line: number;
  externalId: string;
  title: string;
  outcome: RowOutcome;
  problems: Problem[];
  id?: string;
  slug?: string;
}

const WORKFLOWS = { events: eventWorkflow, statements: statementWorkflow } as const;

/** Bulk import is for editors and admins, whoever calls it (the routes check first; this holds for scripts too). */
function requireEditor(actor: Actor) {
  if (!hasRole(actor.role, "EDITOR")) throw new AppError("FORBIDDEN", "Only editors and admins may import.");
}

/** Creates the proposals the editor ticked (keys from the dry run); ones that exist by now are left alone. */
export async function createProposed(options: { actor: Actor; request: ImportRequest; keys: string[] }): Promise<{ created: Array<{ key: string; name: string; id: string }> }> {
  requireEditor(options.actor);
  if (options.keys.length === 0) return { created: [] };
  const plan = await planImport(options.request);
  const wanted = new Set(options.keys);
  const created: Array<{ key: string; name: string; id: string }> = [];
  for (const proposal of plan.proposals.filter((p) => wanted.has(p.key))) {
    const input = { name: proposal.name, wikidataId: proposal.wikidataId ?? "" };
    const result =
      proposal.kind === "person"
        ? await personWrites.create({ actor: options.actor, input: { ...input, description: "", offices: [] } })
        : await organizationWrites.create({ actor: options.actor, input: { ...input, kind: "OTHER", acronym: "", description: "", members: [] } });
    created.push({ key: proposal.key, name: proposal.name, id: result.id });
  }
  return { created };
}

function problemsOf(kind: ImportKind, error: unknown): Problem[] {
  if (isAppError(error)) {
    const fields = Object.entries(error.fieldErrors ?? {}).flatMap(([path, messages]) => messages.map((message) => ({ column: columnOfPath(kind, path), message })));
    return fields.length ? fields : [{ column: "row", message: error.message }];
  }
  if ((error as { code?: unknown } | null)?.code === "P2002") return [{ column: "external_id", message: "Another import wrote this id at the same moment; it is imported once." }];
  console.error("Import: a row could not be written:", error);
  return [{ column: "row", message: "The row could not be saved (an unexpected error; nothing of it was kept)." }];
}

interface WriteContext {
  tx: Tx;
  actor: Actor;
  kind: ImportKind;
  fileName: string;
  publish: boolean;
  at: Date;
  change: PublicChange;
}

type ReadyRow = Awaited<ReturnType<typeof prepareRows>>[number];

const importNote = (fileName: string) => `Imported from ${fileName}`;
const importSummary = (fileName: string, row: ReadyRow) => ({ import: { file: fileName, line: row.line, externalSource: row.externalSource, externalId: row.externalId } });

/** Publishes a row just created, if the editor asked: a draft that cannot be published (no source) stays a draft; the report says why. */
async function publishCreated(ctx: WriteContext, row: ReadyRow, created: { id: string; slug: string }): Promise<RowResult> {
  const base = { line: row.line, externalId: row.externalId, title: row.title, id: created.id, slug: created.slug };
  if (!ctx.publish) return { ...base, outcome: "created", problems: [] };
  await ctx.tx.$executeRawUnsafe("SAVEPOINT import_publish");
  try {
    const published = await WORKFLOWS[ctx.kind].publishIn(ctx.tx, { actor: ctx.actor, id: created.id, at: ctx.at });
    await ctx.tx.$executeRawUnsafe("RELEASE SAVEPOINT import_publish");
    Object.assign(ctx.change, combineChanges(ctx.change, published.publicChange));
    return { ...base, outcome: "published", problems: [] };
  } catch (error) {
    await ctx.tx.$executeRawUnsafe("ROLLBACK TO SAVEPOINT import_publish");
    const why = problemsOf(ctx.kind, error).map((p) => ({ ...p, message: `Kept as a draft, not published: ${p.message}` }));
    return { ...base, outcome: "created", problems: why };
  }
}

/** One row by the desk's own create rule, under a savepoint: a row that fails rolls back alone. */
async function writeRow(ctx: WriteContext, row: ReadyRow): Promise<RowResult> {
  const { tx, kind } = ctx;
  await tx.$executeRawUnsafe("SAVEPOINT import_row");
  try {
    const created = await WORKFLOWS[kind].createIn(tx, { actor: ctx.actor, input: row.input, note: importNote(ctx.fileName), summary: importSummary(ctx.fileName, row) });
    const meta = { externalSource: row.externalSource, externalId: row.externalId };
    if (kind === "events") await tx.event.update({ where: { id: created.id }, data: { ...meta, cameoCode: row.cameoCode } });
    else await tx.statement.update({ where: { id: created.id }, data: meta });
    await tx.$executeRawUnsafe("RELEASE SAVEPOINT import_row");
    return await publishCreated(ctx, row, created);
  } catch (error) {
    await tx.$executeRawUnsafe("ROLLBACK TO SAVEPOINT import_row");
    return { line: row.line, externalId: row.externalId, title: row.title, outcome: "failed", problems: problemsOf(kind, error) };
  }
}

/**
 * The batch's ready rows at once, through the desk's create rule for many
 * (`createManyIn`): a few multi-row INSERTs instead of some twenty queries a row.
 * A row whose input or references fail gets its problems; a database error fails
 * the batch (the caller then goes row by row).
 */
async function writeRows(ctx: WriteContext, rows: ReadyRow[]): Promise<RowResult[]> {
  const outcomes = await WORKFLOWS[ctx.kind].createManyIn(ctx.tx, {
    actor: ctx.actor,
    items: rows.map((row) => ({
      input: row.input,
      note: importNote(ctx.fileName),
      summary: importSummary(ctx.fileName, row),
      columns: { externalSource: row.externalSource, externalId: row.externalId, ...(ctx.kind === "events" ? { cameoCode: row.cameoCode } : {}) },
    })),
  });
  const results: RowResult[] = [];
  for (const [i, outcome] of outcomes.entries()) {
    const row = rows[i]!;
    if (outcome.ok) results.push(await publishCreated(ctx, row, outcome.result));
    else results.push({ line: row.line, externalId: row.externalId, title: row.title, outcome: "failed", problems: problemsOf(ctx.kind, outcome.error) });
  }
  return results;
}

type ReadFile = ReturnType<typeof readFile>;
const readFile = (request: ImportRequest) => {
  const { rows } = mappedRows(request);
  return { rows, first: firstLines(rows) };
};

/** How a batch is written: all ready rows at once (with a row-by-row retry if that fails), or row by row. */
export type BatchMode = "set" | "row";

/**
 * Imports rows [from, from + count) of the file in one transaction. The file is read
 * and every row checked again here: the server trusts nothing the dry run said.
 * The ready rows are written set-wise; if the database refuses that (a row only
 * it can judge, a race with another writer), the batch is rolled back and written
 * again row by row, each row under a savepoint, so one bad row never costs the others.
 */
export async function importBatch(options: {
  actor: Actor;
  request: ImportRequest;
  from: number;
  count?: number;
  publish: boolean;
  now?: Date;
  mode?: BatchMode;
  /** The file's rows (by line) the editor chose not to import: rows the dry run found may be recorded already. */
  leaveOut?: readonly number[];
  /** The request's file already read (a caller importing every batch reads it once). */
  read?: ReadFile;
}): Promise<{ results: RowResult[]; total: number; next: number | null }> {
  const { actor, request } = options;
  requireEditor(actor);
  const count = Math.min(options.count ?? IMPORT_BATCH_SIZE, IMPORT_BATCH_SIZE);
  const { rows, first } = options.read ?? readFile(request);
  if (!Number.isInteger(options.from) || options.from < 0 || options.from > rows.length) throw new AppError("INVALID", "That part of the file does not exist.");
  const slice = rows.slice(options.from, options.from + count);
  const at = options.now ?? new Date();
  const leaveOut = new Set(options.leaveOut ?? []);
  const run = (mode: BatchMode) => {
    const change: PublicChange = {};
    return db.$transaction(async (tx) => {
      const prepared = await prepareRows(tx, request.kind, slice);
      const imported = await findImported(tx, request.kind, prepared);
      const ctx: WriteContext = { tx, actor, kind: request.kind, fileName: request.fileName, publish: options.publish, at, change };
      const out: Array<RowResult | ReadyRow> = [];
      for (const { row, existing, status, problems } of checkRows(prepared, imported, first)) {
        const base = { line: row.line, externalId: row.externalId, title: row.title };
        if (status === "unchanged") out.push({ ...base, outcome: "unchanged", problems: [], ...existing });
        else if (status === "invalid") out.push({ ...base, outcome: "skipped", problems });
        else if (leaveOut.has(row.line)) out.push({ ...base, outcome: "skipped", problems: [{ column: "row", message: "Left out: you chose not to import it." }] });
        else if (status === "needs-new") {
          out.push({ ...base, outcome: "skipped", problems: [{ column: "row", message: "Needs a new person or organization that was not confirmed." }] });
        } else if (mode === "row") out.push(await writeRow(ctx, row));
        else out.push(row);
      }
      const ready = out.filter((r): r is ReadyRow => "input" in r);
      const written = mode === "set" && ready.length ? await writeRows(ctx, ready) : [];
      let k = 0;
      return { change, results: out.map((r) => ("input" in r ? written[k++]! : r)) };
    }, { ...TRANSACTION, timeout: 120_000 });
  };
  let batch: Awaited<ReturnType<typeof run>>;
  try {
    batch = await run(options.mode ?? "set");
  } catch (error) {
    if (options.mode === "row" || isAppError(error)) throw error;
    console.warn(`Import: rows ${options.from + 1}–${options.from + slice.length} of ${request.fileName} could not be written together (${error instanceof Error ? error.message.trim().split("\n")[0] : String(error)}); writing them one by one.`);
    batch = await run("row");
  }
  if (Object.keys(batch.change).length) await revalidatePublicRecord(batch.change);
  const next = options.from + slice.length;
  return { results: batch.results, total: rows.length, next: next < rows.length ? next : null };
}

/** The whole import in one call (the command line): proposals, then every batch, with progress. */
export async function importFile(options: { actor: Actor; request: ImportRequest; createKeys: string[]; publish: boolean; leaveOut?: readonly number[]; mode?: BatchMode; onProgress?: (done: number, total: number) => void }) {
  await createProposed({ actor: options.actor, request: options.request, keys: options.createKeys });
  const results: RowResult[] = [];
  const read = readFile(options.request);
  let from: number | null = 0;
  while (from !== null) {
    const batch: Awaited<ReturnType<typeof importBatch>> = await importBatch({ actor: options.actor, request: options.request, from, publish: options.publish, leaveOut: options.leaveOut, mode: options.mode, read });
    results.push(...batch.results);
    options.onProgress?.(results.length, batch.total);
    from = batch.next;
  }
  return results;
}
