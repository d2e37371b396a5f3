import { db, type Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ContentKind, PublicationStatus } from "@/lib/generated/prisma/enums";
import { writeAudit } from "@/lib/audit/write-audit";
import { assertBaseVersion, writeRevision } from "@/lib/revisions/write-revision";
import { AppError } from "@/lib/errors/app-error";
import type { PublicChange } from "@/lib/cache/revalidate";
import { isAllowedFor, isPossibleFrom, type Actor, type Transition } from "./permissions";
import { uniqueSlug } from "./slug";
import { invalidInput } from "@/lib/records/field-errors";
import { badCharacterMessage, isRecordId, scheduleProblem } from "@/lib/records/fields";

/** The workflow columns events and statements share. */
export interface WorkflowRow {
  id: string;
  slug: string;
  title: string;
  status: PublicationStatus;
  version: number;
  createdById: string | null;
  firstPublishedAt: Date | null;
  stagedData: unknown;
  scheduledAt: Date | null;
}

export type WorkflowData = Pick<
  Prisma.EventUncheckedUpdateManyInput,
  | "status"
  | "slug"
  | "scheduledAt"
  | "publishedAt"
  | "firstPublishedAt"
  | "retractedAt"
  | "retractionReason"
  | "stagedData"
  | "stagedAt"
  | "stagedById"
  | "updatedById"
>;

/**
 * What the workflow needs to know about one kind of content. The event and
 * statement modules each supply one; the rules below are written once.
 */
export interface ContentAdapter<I extends { title: string; sources: unknown[] }> {
  kind: ContentKind;
  /** "event" / "statement": used in messages and audit actions. */
  noun: "event" | "statement";
  auditType: "Event" | "Statement";
  parse(raw: unknown): { ok: true; input: I } | { ok: false; fieldErrors: Record<string, string[]> };
  find(tx: Tx, id: string): Promise<WorkflowRow | null>;
  /** Updates the row only if it is still at `baseVersion`, bumping the version; returns rows changed. */
  claim(tx: Tx, id: string, baseVersion: number, data: WorkflowData): Promise<number>;
  insert(tx: Tx, row: { slug: string; createdById: string; input: I }): Promise<{ id: string }>;
  /** Writes the input's fields and relations onto the row. */
  apply(tx: Tx, id: string, input: I): Promise<void>;
  /** The row as an input, for revisions and the edit form. */
  snapshot(tx: Tx, id: string): Promise<I>;
  /** Field errors for references that do not exist or would make a cycle. */
  checkReferences(tx: Tx, id: string | null, input: I): Promise<Record<string, string[]>>;
  isSlugTaken(tx: Tx, slug: string, exceptId: string | null): Promise<boolean>;
  remove(tx: Tx, id: string): Promise<void>;
  publicChange(slug: string, input: I): PublicChange;
}

export interface WorkflowResult {
  id: string;
  slug: string;
  version: number;
  status: PublicationStatus;
  /** What the public site must refresh after the transaction commits (null: nothing public changed). */
  publicChange: PublicChange | null;
}

const invalid = (message: string, fieldErrors: Record<string, string[]> = {}) => new AppError("INVALID", message, fieldErrors);

function refuse(actor: Actor, transition: Transition): never {
  throw new AppError("FORBIDDEN", `Your role (${actor.role.toLowerCase()}) may not ${describe(transition)} this item.`);
}

const describe = (t: Transition) =>
  ({
    create: "create",
    edit: "edit",
    submit: "submit",
    publish: "publish",
    schedule: "schedule",
    unpublish: "unpublish",
    retract: "retract",
    delete: "delete",
    publishChanges: "publish changes to",
    restore: "restore a revision of",
  })[t];

/** The typed-in values shown on the edit form: the staged edit of a published item, else the row. */
async function currentInput<I extends { title: string; sources: unknown[] }>(tx: Tx, a: ContentAdapter<I>, row: WorkflowRow): Promise<I> {
  if (row.stagedData) {
    const parsed = a.parse(row.stagedData);
    if (parsed.ok) return parsed.input;
  }
  return a.snapshot(tx, row.id);
}

async function load<I extends { title: string; sources: unknown[] }>(tx: Tx, a: ContentAdapter<I>, id: string): Promise<WorkflowRow> {
  const row = isRecordId(id) ? await a.find(tx, id) : null;
  if (!row) throw new AppError("NOT_FOUND", `There is no such ${a.noun}.`);
  return row;
}

function check<I extends { title: string; sources: unknown[] }>(a: ContentAdapter<I>, actor: Actor, transition: Exclude<Transition, "create">, row: WorkflowRow) {
  if (!isAllowedFor(actor, transition, row)) refuse(actor, transition);
  if (!isPossibleFrom(transition, row)) {
    const state = row.status.toLowerCase().replace("_", " ");
    throw new AppError(
      "CONFLICT",
      transition === "publishChanges" && row.status === "PUBLISHED"
        ? `This ${a.noun} has no staged changes to publish.`
        : `This ${a.noun} is ${state}: you cannot ${describe(transition)} it now.`,
    );
  }
}

/** Bumps the version if nobody saved since `baseVersion`; racing saves cannot both pass. */
async function claim<I extends { title: string; sources: unknown[] }>(
  tx: Tx,
  a: ContentAdapter<I>,
  actor: Actor,
  row: WorkflowRow,
  baseVersion: number | undefined,
  data: WorkflowData,
): Promise<number> {
  const base = baseVersion ?? row.version;
  assertBaseVersion(row.version, base, a.noun);
  const changed = await a.claim(tx, row.id, base, { ...data, updatedById: actor.id });
  if (changed !== 1) assertBaseVersion(base + 1, base, a.noun);
  return base + 1;
}

async function record<I extends { title: string; sources: unknown[] }>(
  tx: Tx,
  a: ContentAdapter<I>,
  actor: Actor,
  entry: { id: string; version: number; data: I; action: string; note: string; summary?: Record<string, unknown> },
) {
  await writeRevision(tx, {
    kind: a.kind,
    entityId: entry.id,
    version: entry.version,
    data: entry.data as unknown as Prisma.InputJsonValue,
    authorId: actor.id,
    note: entry.note,
  });
  await writeAudit(tx, {
    action: `${a.noun}.${entry.action}`,
    actorId: actor.id,
    actorEmail: actor.email,
    targetType: a.auditType,
    targetId: entry.id,
    summary: { version: entry.version, ...(entry.summary ?? {}) } as Prisma.InputJsonValue,
  });
}

function requireSources<I extends { title: string; sources: unknown[] }>(a: ContentAdapter<I>, input: I) {
  if (input.sources.length === 0) {
    throw invalid(`Add at least one source before this ${a.noun} goes to review or is published.`, {
      sources: ["Add at least one source."],
    });
  }
}

function parseOrThrow<I extends { title: string; sources: unknown[] }>(a: ContentAdapter<I>, raw: unknown): I {
  const parsed = a.parse(raw);
  if (!parsed.ok) throw invalidInput(parsed.fieldErrors);
  return parsed.input;
}

async function assertReferences<I extends { title: string; sources: unknown[] }>(tx: Tx, a: ContentAdapter<I>, id: string | null, input: I) {
  const errors = await a.checkReferences(tx, id, input);
  if (Object.keys(errors).length > 0) throw invalidInput(errors);
}

const TX = { timeout: 20_000 } as const;

/** The write functions of the editorial workflow for one kind of content. */
export function contentWorkflow<I extends { title: string; sources: unknown[] }>(a: ContentAdapter<I>) {
  /** Saves typed input: directly on unpublished items, staged on published ones. */
  async function saveInput(tx: Tx, actor: Actor, row: WorkflowRow, baseVersion: number | undefined, input: I, note: string, action: string) {
    await assertReferences(tx, a, row.id, input);
    if (row.status === "PUBLISHED") {
      const version = await claim(tx, a, actor, row, baseVersion, {
        stagedData: input as unknown as Prisma.InputJsonValue,
        stagedAt: new Date(),
        stagedById: actor.id,
      });
      await record(tx, a, actor, { id: row.id, version, data: input, action: "stage", note: `${note} (staged)` });
      return { id: row.id, slug: row.slug, version, status: row.status, publicChange: null } satisfies WorkflowResult;
    }
    // Slugs follow the title until the item is first published; then they are frozen.
    const slug =
      row.firstPublishedAt === null && input.title !== row.title ? await uniqueSlug(input.title, (s) => a.isSlugTaken(tx, s, row.id)) : row.slug;
    const version = await claim(tx, a, actor, row, baseVersion, { slug });
    await a.apply(tx, row.id, input);
    await record(tx, a, actor, { id: row.id, version, data: input, action, note });
    return { id: row.id, slug, version, status: row.status, publicChange: null } satisfies WorkflowResult;
  }

  return {
    async create(options: { actor: Actor; input: unknown }): Promise<WorkflowResult> {
      const { actor } = options;
      if (!isAllowedFor(actor, "create", null)) refuse(actor, "create");
      const input = parseOrThrow(a, options.input);
      return db.$transaction(async (tx) => {
        await assertReferences(tx, a, null, input);
        const slug = await uniqueSlug(input.title, (s) => a.isSlugTaken(tx, s, null));
        const { id } = await a.insert(tx, { slug, createdById: actor.id, input });
        await a.apply(tx, id, input);
        await record(tx, a, actor, { id, version: 1, data: input, action: "create", note: "Created" });
        return { id, slug, version: 1, status: "DRAFT" as const, publicChange: null };
      }, TX);
    },

    async update(options: { actor: Actor; id: string; baseVersion: number; input: unknown }): Promise<WorkflowResult> {
      const input = parseOrThrow(a, options.input);
      return db.$transaction(async (tx) => {
        const row = await load(tx, a, options.id);
        check(a, options.actor, "edit", row);
        return saveInput(tx, options.actor, row, options.baseVersion, input, "Saved", "update");
      }, TX);
    },

    async restore(options: { actor: Actor; id: string; baseVersion: number; revisionVersion: number }): Promise<WorkflowResult> {
      return db.$transaction(async (tx) => {
        const row = await load(tx, a, options.id);
        check(a, options.actor, "restore", row);
        const revision = await tx.revision.findUnique({
          where: { kind_entityId_version: { kind: a.kind, entityId: row.id, version: options.revisionVersion } },
        });
        if (!revision) throw new AppError("NOT_FOUND", "There is no such revision.");
        const input = parseOrThrow(a, revision.data);
        return saveInput(tx, options.actor, row, options.baseVersion, input, `Restored version ${revision.version}`, "restore");
      }, TX);
    },

    async submit(options: { actor: Actor; id: string; baseVersion?: number }): Promise<WorkflowResult> {
      return db.$transaction(async (tx) => {
        const row = await load(tx, a, options.id);
        check(a, options.actor, "submit", row);
        const input = await currentInput(tx, a, row);
        requireSources(a, input);
        const version = await claim(tx, a, options.actor, row, options.baseVersion, { status: "IN_REVIEW" });
        await record(tx, a, options.actor, { id: row.id, version, data: input, action: "submit", note: "Submitted for review" });
        return { id: row.id, slug: row.slug, version, status: "IN_REVIEW" as const, publicChange: null };
      }, TX);
    },

    async publish(options: { actor: Actor; id: string; baseVersion?: number; now?: Date }): Promise<WorkflowResult> {
      const now = options.now ?? new Date();
      return db.$transaction(async (tx) => {
        const row = await load(tx, a, options.id);
        check(a, options.actor, "publish", row);
        const input = await currentInput(tx, a, row);
        requireSources(a, input);
        const version = await claim(tx, a, options.actor, row, options.baseVersion, {
          status: "PUBLISHED",
          publishedAt: now,
          firstPublishedAt: row.firstPublishedAt ?? now,
          scheduledAt: null,
        });
        await record(tx, a, options.actor, { id: row.id, version, data: input, action: "publish", note: "Published", summary: { slug: row.slug } });
        return { id: row.id, slug: row.slug, version, status: "PUBLISHED" as const, publicChange: a.publicChange(row.slug, input) };
      }, TX);
    },

    async schedule(options: { actor: Actor; id: string; at: Date; baseVersion?: number; now?: Date }): Promise<WorkflowResult> {
      const now = options.now ?? new Date();
      const problem = scheduleProblem(options.at, now);
      if (problem) throw invalid(problem, { scheduledAt: [problem] });
      return db.$transaction(async (tx) => {
        const row = await load(tx, a, options.id);
        check(a, options.actor, "schedule", row);
        const input = await currentInput(tx, a, row);
        requireSources(a, input);
        const version = await claim(tx, a, options.actor, row, options.baseVersion, { status: "SCHEDULED", scheduledAt: options.at });
        await record(tx, a, options.actor, {
          id: row.id,
          version,
          data: input,
          action: "schedule",
          note: `Scheduled for ${options.at.toISOString()}`,
          summary: { scheduledAt: options.at.toISOString() },
        });
        return { id: row.id, slug: row.slug, version, status: "SCHEDULED" as const, publicChange: null };
      }, TX);
    },

    async unpublish(options: { actor: Actor; id: string; baseVersion?: number }): Promise<WorkflowResult> {
      return db.$transaction(async (tx) => {
        const row = await load(tx, a, options.id);
        check(a, options.actor, "unpublish", row);
        const wasPublic = row.status === "PUBLISHED";
        // A draft is edited in place, so staged edits become the draft's text.
        const input = await currentInput(tx, a, row);
        const version = await claim(tx, a, options.actor, row, options.baseVersion, {
          status: "DRAFT",
          scheduledAt: null,
          stagedData: Prisma.DbNull,
          stagedAt: null,
          stagedById: null,
        });
        if (row.stagedData) await a.apply(tx, row.id, input);
        await record(tx, a, options.actor, { id: row.id, version, data: input, action: "unpublish", note: "Unpublished (back to draft)" });
        return { id: row.id, slug: row.slug, version, status: "DRAFT" as const, publicChange: wasPublic ? a.publicChange(row.slug, input) : null };
      }, TX);
    },

    async retract(options: { actor: Actor; id: string; reason: unknown; baseVersion?: number; now?: Date }): Promise<WorkflowResult> {
      const reason = typeof options.reason === "string" ? options.reason.trim() : "";
      return db.$transaction(async (tx) => {
        const row = await load(tx, a, options.id);
        check(a, options.actor, "retract", row);
        if (reason.length === 0) throw invalid("Give the public reason for the retraction.", { reason: ["Give the public reason for the retraction."] });
        const badReason = badCharacterMessage(reason);
        if (badReason) throw invalid(badReason, { reason: [badReason] });
        if (reason.length > 2000) throw invalid("Keep the reason under 2000 characters.", { reason: ["Keep the reason under 2000 characters."] });
        const published = await a.snapshot(tx, row.id);
        const version = await claim(tx, a, options.actor, row, options.baseVersion, {
          status: "RETRACTED",
          retractedAt: options.now ?? new Date(),
          retractionReason: reason,
          stagedData: Prisma.DbNull,
          stagedAt: null,
          stagedById: null,
        });
        await record(tx, a, options.actor, { id: row.id, version, data: published, action: "retract", note: `Retracted: ${reason}`, summary: { reason } });
        return { id: row.id, slug: row.slug, version, status: "RETRACTED" as const, publicChange: { ...a.publicChange(row.slug, published), corrections: true } };
      }, TX);
    },

    async publishChanges(options: { actor: Actor; id: string; baseVersion?: number; isMaterial: boolean; correctionNote?: unknown }): Promise<WorkflowResult> {
      const note = typeof options.correctionNote === "string" ? options.correctionNote.trim() : "";
      return db.$transaction(async (tx) => {
        const row = await load(tx, a, options.id);
        check(a, options.actor, "publishChanges", row);
        if (options.isMaterial && note.length === 0) {
          throw invalid("A material change needs a correction note.", { correctionNote: ["Write the correction note readers will see."] });
        }
        if (note.length > 2000) throw invalid("Keep the note under 2000 characters.", { correctionNote: ["Keep the note under 2000 characters."] });
        const badNote = badCharacterMessage(note);
        if (badNote) throw invalid(badNote, { correctionNote: [badNote] });
        const input = parseOrThrow(a, row.stagedData);
        requireSources(a, input);
        await assertReferences(tx, a, row.id, input);
        const version = await claim(tx, a, options.actor, row, options.baseVersion, {
          stagedData: Prisma.DbNull,
          stagedAt: null,
          stagedById: null,
        });
        await a.apply(tx, row.id, input);
        if (options.isMaterial) {
          await tx.correction.create({
            data: { note, createdById: options.actor.id, ...(a.kind === "EVENT" ? { eventId: row.id } : { statementId: row.id }) },
          });
        }
        await record(tx, a, options.actor, {
          id: row.id,
          version,
          data: input,
          action: "publish_changes",
          note: options.isMaterial ? `Published changes; correction: ${note}` : "Published changes",
          summary: { material: options.isMaterial },
        });
        return {
          id: row.id,
          slug: row.slug,
          version,
          status: "PUBLISHED" as const,
          publicChange: { ...a.publicChange(row.slug, input), corrections: options.isMaterial },
        };
      }, TX);
    },

    async remove(options: { actor: Actor; id: string }): Promise<{ id: string }> {
      return db.$transaction(async (tx) => {
        const row = await load(tx, a, options.id);
        if (!isAllowedFor(options.actor, "delete", row)) refuse(options.actor, "delete");
        if (!isPossibleFrom("delete", row)) {
          throw new AppError("CONFLICT", `Only drafts that were never published can be deleted; retract or unpublish this ${a.noun} instead.`);
        }
        await writeAudit(tx, {
          action: `${a.noun}.delete`,
          actorId: options.actor.id,
          actorEmail: options.actor.email,
          targetType: a.auditType,
          targetId: row.id,
          summary: { slug: row.slug, title: row.title },
        });
        await a.remove(tx, row.id);
        return { id: row.id };
      }, TX);
    },
  };
}

export type ContentWorkflow<I extends { title: string; sources: unknown[] }> = ReturnType<typeof contentWorkflow<I>>;
