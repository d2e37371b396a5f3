import "server-only";
import { db, type Tx } from "@/lib/db/client";
import { revalidatePublicRecord, type PublicChange } from "@/lib/cache/revalidate";
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
import { findImported, firstLines, mappedRows, planImport, prepareRows, statusOf, type ImportRequest } from "./plan-import";
import type { Problem } from "./rows";

/**
 * Confirming an import: the new people and organizations the editor agreed to are
 * created first (through their kernel writes), then the rows in batches. A batch
 * is one transaction; each row in it has a savepoint, so a row that fails when
 * written rolls back alone and the batch's good rows commit. Every row is written
 * by the desk's own create (and publish) rule: a draft, a revision, an audit row.
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

const merge = (into: PublicChange, change: PublicChange | null) => {
  if (!change) return;
  for (const [key, value] of Object.entries(change) as Array<[keyof PublicChange, unknown]>) {
    if (Array.isArray(value)) (into as Record<string, unknown>)[key] = [...new Set([...(((into as Record<string, unknown>)[key] as string[]) ?? []), ...value])];
    else if (value === true) into.corrections = true;
  }
};

async function writeRow(tx: Tx, options: { actor: Actor; kind: ImportKind; fileName: string; publish: boolean; at: Date; row: Awaited<ReturnType<typeof prepareRows>>[number]; change: PublicChange }): Promise<RowResult> {
  const { row, kind } = options;
  const workflow = WORKFLOWS[kind];
  const base = { line: row.line, externalId: row.externalId, title: row.title };
  await tx.$executeRawUnsafe("SAVEPOINT import_row");
  try {
    const created = await workflow.createIn(tx, {
      actor: options.actor,
      input: row.input,
      note: `Imported from ${options.fileName}`,
      summary: { import: { file: options.fileName, line: row.line, externalSource: row.externalSource, externalId: row.externalId } },
    });
    const meta = { externalSource: row.externalSource, externalId: row.externalId };
    if (kind === "events") await tx.event.update({ where: { id: created.id }, data: { ...meta, cameoCode: row.cameoCode } });
    else await tx.statement.update({ where: { id: created.id }, data: meta });
    await tx.$executeRawUnsafe("RELEASE SAVEPOINT import_row");
    if (!options.publish) return { ...base, outcome: "created", problems: [], id: created.id, slug: created.slug };
    // A draft that cannot be published (no source) stays a draft; the report says why.
    await tx.$executeRawUnsafe("SAVEPOINT import_publish");
    try {
      const published = await workflow.publishIn(tx, { actor: options.actor, id: created.id, at: options.at });
      await tx.$executeRawUnsafe("RELEASE SAVEPOINT import_publish");
      merge(options.change, published.publicChange);
      return { ...base, outcome: "published", problems: [], id: created.id, slug: created.slug };
    } catch (error) {
      await tx.$executeRawUnsafe("ROLLBACK TO SAVEPOINT import_publish");
      const why = problemsOf(kind, error).map((p) => ({ ...p, message: `Kept as a draft, not published: ${p.message}` }));
      return { ...base, outcome: "created", problems: why, id: created.id, slug: created.slug };
    }
  } catch (error) {
    await tx.$executeRawUnsafe("ROLLBACK TO SAVEPOINT import_row");
    return { ...base, outcome: "failed", problems: problemsOf(kind, error) };
  }
}

/**
 * Imports rows [from, from + count) of the file in one transaction. The file is read
 * and every row checked again here: the server trusts nothing the dry run said.
 */
export async function importBatch(options: { actor: Actor; request: ImportRequest; from: number; count?: number; publish: boolean; now?: Date }): Promise<{ results: RowResult[]; total: number; next: number | null }> {
  const { actor, request } = options;
  requireEditor(actor);
  const count = Math.min(options.count ?? IMPORT_BATCH_SIZE, IMPORT_BATCH_SIZE);
  const { rows } = mappedRows(request);
  if (!Number.isInteger(options.from) || options.from < 0 || options.from > rows.length) throw new AppError("INVALID", "That part of the file does not exist.");
  const first = firstLines(rows);
  const slice = rows.slice(options.from, options.from + count);
  const change: PublicChange = {};
  const at = options.now ?? new Date();
  const results = await db.$transaction(async (tx) => {
    const prepared = await prepareRows(tx, request.kind, slice);
    const imported = await findImported(tx, request.kind, prepared);
    const out: RowResult[] = [];
    for (const row of prepared) {
      const key = `${row.externalSource}\u0000${row.externalId}`;
      const existing = row.externalId ? imported.get(key) : undefined;
      const firstLine = first.get(key);
      const { status, problems } = statusOf(row, { existing: !!existing, duplicateOf: firstLine !== undefined && firstLine !== row.line ? firstLine : null });
      const base = { line: row.line, externalId: row.externalId, title: row.title };
      if (status === "unchanged") out.push({ ...base, outcome: "unchanged", problems: [], ...existing });
      else if (status === "invalid") out.push({ ...base, outcome: "skipped", problems });
      else if (status === "needs-new") {
        out.push({ ...base, outcome: "skipped", problems: [{ column: "row", message: "Needs a new person or organization that was not confirmed." }] });
      } else out.push(await writeRow(tx, { actor, kind: request.kind, fileName: request.fileName, publish: options.publish, at, row, change }));
    }
    return out;
  }, { ...TRANSACTION, timeout: 120_000 });
  if (Object.keys(change).length) await revalidatePublicRecord(change);
  const next = options.from + slice.length;
  return { results, total: rows.length, next: next < rows.length ? next : null };
}

/** The whole import in one call (the command line): proposals, then every batch, with progress. */
export async function importFile(options: { actor: Actor; request: ImportRequest; createKeys: string[]; publish: boolean; onProgress?: (done: number, total: number) => void }) {
  await createProposed({ actor: options.actor, request: options.request, keys: options.createKeys });
  const results: RowResult[] = [];
  let from: number | null = 0;
  while (from !== null) {
    const batch: Awaited<ReturnType<typeof importBatch>> = await importBatch({ actor: options.actor, request: options.request, from, publish: options.publish });
    results.push(...batch.results);
    options.onProgress?.(results.length, batch.total);
    from = batch.next;
  }
  return results;
}
