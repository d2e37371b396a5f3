import { db, type Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { writeAudit, writeAudits } from "@/lib/audit/write-audit";
import { combineChanges, revalidatePublicRecord, type PublicChange } from "@/lib/cache/revalidate";
import { AppError } from "@/lib/errors/app-error";
import type { Actor } from "@/lib/users/actor";
import { staleSaveError } from "./conflict";
import { invalidInput, parseInput } from "./field-errors";
import { isRecordId } from "./fields";
import { RECORD_COLUMNS, type RecordAction, type RecordKind, type RecordRow, type RecordRules } from "./record-kind";
import { keepBaseRevision, revisionData, writeRevisions } from "./revisions";
import { redirectAddress, repointHistory } from "./merge";
import { uniqueSlug, uniqueSlugs } from "./slug";

/** Every desk write runs in one transaction; a busy database gets time before it is refused. */
export const TRANSACTION = { maxWait: 10_000, timeout: 20_000 } as const;

/** The record, or NOT_FOUND (an id that cannot be one matches nothing). */
export async function findRecord(tx: Tx, kind: RecordKind<unknown>, id: string): Promise<RecordRow> {
  const row = isRecordId(id) ? await kind.model(tx).findUnique({ where: { id }, select: RECORD_COLUMNS }) : null;
  if (!row) throw new AppError("NOT_FOUND", `There is no such ${kind.noun}.`);
  return row;
}

export async function isSlugTaken(tx: Tx, kind: RecordKind<unknown>, slug: string, exceptId: string | null): Promise<boolean> {
  const row = await kind.model(tx).findFirst({ where: { slug, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { id: true } });
  return row !== null;
}

export const slugFor = (tx: Tx, kind: RecordKind<unknown>, name: string, exceptId: string | null) => uniqueSlug(name, (slug) => isSlugTaken(tx, kind, slug, exceptId));

/**
 * Slugs for many new records of a kind, in order, as `slugFor` would give them one
 * after the other: the stored slugs they could collide with are read in one or two
 * queries (the roots, then "root-…" for roots already taken or wanted twice).
 */
export function slugsFor(tx: Tx, kind: RecordKind<unknown>, names: string[]): Promise<string[]> {
  return uniqueSlugs(names, async (roots) => {
    const model = kind.model(tx);
    const distinct = [...new Set(roots)];
    const taken = new Set((await model.findMany({ where: { OR: [{ slug: { in: distinct } }] }, select: { slug: true } })).map((r) => r.slug));
    const numbered = distinct.filter((root) => taken.has(root) || roots.indexOf(root) !== roots.lastIndexOf(root));
    if (numbered.length) {
      const found = await model.findMany({ where: { OR: numbered.map((root) => ({ slug: { startsWith: `${root}-` } })) }, select: { slug: true } });
      for (const r of found) taken.add(r.slug);
    }
    return taken;
  });
}

function authorize(rules: RecordRules, actor: Actor, action: RecordAction, row: RecordRow | null): void {
  if (!rules.may(actor, action, row)) throw new AppError("FORBIDDEN", `You do not have permission to do that. ${rules.whoMay}`);
}

/**
 * Moves the record from `base` to the next version, if nobody saved since:
 * the WHERE on the version makes two racing saves unable to both pass. A stale
 * save is refused with what the others changed.
 */
export async function claimVersion(tx: Tx, kind: RecordKind<unknown>, row: RecordRow, base: number): Promise<number> {
  if (row.version !== base) throw await staleSaveError(tx, { kind: kind.kind, entityId: row.id, noun: kind.noun, base, current: row.version });
  const { count } = await kind.model(tx).updateMany({ where: { id: row.id, version: base }, data: { version: { increment: 1 } } });
  if (count !== 1) throw await staleSaveError(tx, { kind: kind.kind, entityId: row.id, noun: kind.noun, base, current: base + 1 });
  return base + 1;
}

export interface RecordChange {
  id: string;
  version: number;
  data: unknown;
  action: string;
  note: string;
  summary?: Record<string, unknown>;
}

/** The revisions and audit rows of many changes of one kind, in their transaction: two multi-row inserts. */
export async function recordChanges(tx: Tx, kind: RecordKind<unknown>, actor: Actor | null, changes: RecordChange[]): Promise<void> {
  if (!changes.length) return;
  await writeRevisions(tx, changes.map((change) => ({ kind: kind.kind, entityId: change.id, version: change.version, data: change.data, authorId: actor?.id ?? null, note: change.note })));
  await writeAudits(tx, changes.map((change) => auditOf(kind, actor, change)));
}

const auditOf = (kind: RecordKind<unknown>, actor: Actor | null, change: RecordChange) => ({
  action: `${kind.noun}.${change.action}`,
  actorId: actor?.id ?? null,
  actorEmail: actor?.email ?? null,
  targetType: kind.auditType,
  targetId: change.id,
  summary: { version: change.version, ...change.summary } as Prisma.InputJsonValue,
});

/** The revision and the audit row of one change, in its transaction. */
export const recordChange = (tx: Tx, kind: RecordKind<unknown>, actor: Actor | null, change: RecordChange): Promise<void> => recordChanges(tx, kind, actor, [change]);

export async function checkInput<I>(tx: Tx, kind: RecordKind<I>, id: string | null, input: I): Promise<void> {
  const errors = kind.check ? await kind.check(tx, id, input) : {};
  if (Object.keys(errors).length > 0) throw invalidInput(errors);
}

/** Before the first desk change of a record the seed or an import wrote: keep it as found. */
export const keepFirstState = (tx: Tx, kind: RecordKind<unknown>, row: RecordRow) =>
  keepBaseRevision(tx, { kind: kind.kind, entityId: row.id, version: row.version, data: () => kind.snapshot(tx, row.id) });

/** The input an earlier revision kept, or NOT_FOUND. */
export async function revisionInput(tx: Tx, kind: RecordKind<unknown>, id: string, version: number): Promise<unknown> {
  const data = await revisionData(tx, { kind: kind.kind, entityId: id, version });
  if (data === null) throw new AppError("NOT_FOUND", `There is no version ${version} of this ${kind.noun}.`);
  return data;
}

/** A revision's note with what the write said it did besides ("Saved. Events no longer name …"). */
const noteWith = (note: string, written: void | { note: string | null }) => (written && written.note ? `${note}. ${written.note}` : note);

/** The name or title a snapshot holds, for audit rows. */
function nameIn(snapshot: unknown): string | null {
  if (!snapshot || typeof snapshot !== "object") return null;
  const { name, title } = snapshot as { name?: unknown; title?: unknown };
  return typeof name === "string" ? name : typeof title === "string" ? title : null;
}

/** Removes a record nothing refers to, with its audit row; returns what it looked like. */
export async function removeRecord(tx: Tx, kind: RecordKind<unknown>, actor: Actor, row: RecordRow): Promise<unknown> {
  const before = await kind.snapshot(tx, row.id);
  await writeAudit(tx, {
    action: `${kind.noun}.delete`,
    actorId: actor.id,
    actorEmail: actor.email,
    targetType: kind.auditType,
    targetId: row.id,
    summary: { slug: row.slug, name: nameIn(before) },
  });
  await kind.model(tx).delete({ where: { id: row.id } });
  return before;
}

export interface SaveResult {
  id: string;
  slug: string;
  version: number;
}

/**
 * The writes of a record that is public as soon as it exists (people,
 * organizations, agreements, topics): create, save, restore and delete, each
 * in one transaction with its revision and audit row, then the public pages
 * that show it are expired.
 */
export function recordWrites<I>(kind: RecordKind<I>, rules: RecordRules) {
  const k = kind as RecordKind<unknown>;

  async function save(options: { actor: Actor; id: string; baseVersion: number; input: unknown; action: "update" | "restore"; note: (tx: Tx) => Promise<{ input: unknown; note: string }> }): Promise<SaveResult> {
    let change: PublicChange = {};
    const result = await db.$transaction(async (tx) => {
      const row = await findRecord(tx, k, options.id);
      authorize(rules, options.actor, options.action === "restore" ? "restore" : "edit", row);
      const { input: raw, note } = await options.note(tx);
      const input = parseInput(kind.schema, raw);
      await keepFirstState(tx, k, row);
      const before = await kind.snapshot(tx, row.id);
      const version = await claimVersion(tx, k, row, options.baseVersion);
      await checkInput(tx, kind, row.id, input);
      const written = await kind.write(tx, row.id, input);
      const after = await kind.snapshot(tx, row.id);
      await recordChange(tx, k, options.actor, { id: row.id, version, data: after, action: options.action, note: noteWith(note, written) });
      change = await kind.publicChange(tx, { slug: row.slug, before, after });
      return { id: row.id, slug: row.slug, version };
    }, TRANSACTION);
    await revalidatePublicRecord(change);
    return result;
  }

  return {
    async create(options: { actor: Actor; input: unknown }): Promise<SaveResult> {
      authorize(rules, options.actor, "create", null);
      const input = parseInput(kind.schema, options.input);
      let change: PublicChange = {};
      const result = await db.$transaction(async (tx) => {
        await checkInput(tx, kind, null, input);
        const slug = await slugFor(tx, k, kind.nameOf(input), null);
        const { id } = await kind.insert(tx, { slug, input, actor: options.actor });
        await kind.write(tx, id, input);
        const after = await kind.snapshot(tx, id);
        await recordChange(tx, k, options.actor, { id, version: 1, data: after, action: "create", note: "Created", summary: { slug } });
        change = await kind.publicChange(tx, { slug, before: null, after });
        return { id, slug, version: 1 };
      }, TRANSACTION);
      await revalidatePublicRecord(change);
      return result;
    },

    update(options: { actor: Actor; id: string; baseVersion: number; input: unknown }): Promise<SaveResult> {
      return save({ ...options, action: "update", note: async () => ({ input: options.input, note: "Saved" }) });
    },

    /** Restoring saves an earlier revision's values as a new version on top of the current one. */
    restore(options: { actor: Actor; id: string; baseVersion: number; revisionVersion: number }): Promise<SaveResult> {
      return save({
        ...options,
        input: null,
        action: "restore",
        note: async (tx) => ({ input: await revisionInput(tx, k, options.id, options.revisionVersion), note: `Restored version ${options.revisionVersion}` }),
      });
    },

    /**
     * Merges the duplicate `id` (at the version the editor saw) into `into`, in one transaction:
     * the kept record takes what only the duplicate knew (a new version, with its revision and a
     * "merge" audit row), everything that named the duplicate names the kept one (staged edits and
     * revisions too), the duplicate's public address redirects, and the duplicate is removed.
     */
    async merge(options: { actor: Actor; id: string; into: string; baseVersion: number }): Promise<SaveResult & { repointed: { events: number; statements: number; people: number; agreements: number } }> {
      const merging = kind.merging;
      if (!merging) throw new AppError("INVALID", `A ${kind.noun} cannot be merged into another.`);
      let change: PublicChange = {};
      const result = await db.$transaction(async (tx) => {
        const duplicate = await findRecord(tx, k, options.id);
        authorize(rules, options.actor, "delete", duplicate);
        const chooseAnother = (why: string) => new AppError("INVALID", why, { into: [why] });
        if (options.into === duplicate.id) throw chooseAnother(`Choose another ${kind.noun}: ${/^[aeiou]/.test(kind.noun) ? "an" : "a"} ${kind.noun} cannot be merged into itself.`);
        // An id that cannot be one matches nothing (a NUL would fail in PostgreSQL, a 500), as in findRecord.
        const kept = isRecordId(options.into) ? await kind.model(tx).findUnique({ where: { id: options.into }, select: RECORD_COLUMNS }) : null;
        if (!kept) throw chooseAnother(`Choose the ${kind.noun} to keep from the list.`);
        authorize(rules, options.actor, "edit", kept);
        await keepFirstState(tx, k, kept);
        const keptBefore = await kind.snapshot(tx, kept.id);
        const duplicateBefore = await kind.snapshot(tx, duplicate.id);
        // Merging a version the editor did not see is refused, as a stale save is.
        await claimVersion(tx, k, duplicate, options.baseVersion);
        const version = await claimVersion(tx, k, kept, kept.version);
        const refused = merging.refusal ? await merging.refusal(tx, { kept: { id: kept.id, values: keptBefore }, duplicate: { id: duplicate.id, values: duplicateBefore } }) : null;
        if (refused) throw refused;
        const input = parseInput(kind.schema, merging.combine(keptBefore, duplicateBefore, { kept: kept.id, duplicate: duplicate.id }));
        await checkInput(tx, kind, kept.id, input);
        const named = await repointHistory(tx, duplicate.id, kept.id, await merging.repoint(tx, duplicate.id, kept.id));
        await redirectAddress(tx, kind.kind, duplicate, kept.id);
        const written = await kind.write(tx, kept.id, input);
        const after = await kind.snapshot(tx, kept.id);
        const name = nameIn(duplicateBefore);
        const repointed = { events: named.events.length, statements: named.statements.length, people: named.people.length, agreements: named.agreements.length };
        await recordChange(tx, k, options.actor, { id: kept.id, version, data: after, action: "merge", note: noteWith(`Merged “${name}” into it`, written), summary: { merged: { id: duplicate.id, slug: duplicate.slug, name }, ...repointed } });
        await removeRecord(tx, k, options.actor, duplicate);
        const slugsOf = async (rows: Promise<Array<{ slug: string }>>) => (await rows).map((r) => r.slug);
        change = combineChanges(
          await kind.publicChange(tx, { slug: kept.slug, before: keptBefore, after }),
          await kind.publicChange(tx, { slug: duplicate.slug, before: duplicateBefore, after: null }),
          {
            events: await slugsOf(tx.event.findMany({ where: { id: { in: named.events } }, select: { slug: true } })),
            statements: await slugsOf(tx.statement.findMany({ where: { id: { in: named.statements } }, select: { slug: true } })),
            people: await slugsOf(tx.person.findMany({ where: { id: { in: named.people } }, select: { slug: true } })),
            agreements: await slugsOf(tx.agreement.findMany({ where: { id: { in: named.agreements } }, select: { slug: true } })),
          },
        );
        return { id: kept.id, slug: kept.slug, version, repointed };
      }, TRANSACTION);
      await revalidatePublicRecord(change);
      return result;
    },

    /** Deletes a record only while nothing refers to it. */
    async remove(options: { actor: Actor; id: string }): Promise<{ id: string }> {
      let change: PublicChange = {};
      await db.$transaction(async (tx) => {
        const row = await findRecord(tx, k, options.id);
        authorize(rules, options.actor, "delete", row);
        const uses = kind.usedBy ? await kind.usedBy(tx, row.id) : null;
        if (uses) throw new AppError("CONFLICT", `This ${kind.noun} cannot be deleted: ${uses}. Remove those references first.`);
        const before = await removeRecord(tx, k, options.actor, row);
        change = await kind.publicChange(tx, { slug: row.slug, before, after: null });
      }, TRANSACTION);
      await revalidatePublicRecord(change);
      return { id: options.id };
    },
  };
}

export type RecordWrites = ReturnType<typeof recordWrites>;
