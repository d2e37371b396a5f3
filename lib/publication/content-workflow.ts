import { db, type Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { PublicationStatus } from "@/lib/generated/prisma/enums";
import { revalidatePublicRecord, STALE_PUBLIC_WARNING, type PublicChange } from "@/lib/cache/revalidate";
import { AppError } from "@/lib/errors/app-error";
import { invalidInput, parseInput } from "@/lib/records/field-errors";
import { badCharacterMessage, isRecordId, scheduleProblem } from "@/lib/records/fields";
import type { RecordKind } from "@/lib/records/record-kind";
import { checkInput, claimVersion, keepFirstState, recordChange, recordChanges, removeRecord, revisionInput, slugFor, slugsFor, TRANSACTION } from "@/lib/records/record-store";
import type { Actor } from "@/lib/users/actor";
import { absoluteUrl } from "@/lib/site/url";
import type { WebhookEvent } from "@/lib/webhooks/event-types";
import { queueRecordChange } from "@/lib/webhooks/notify";
import { sendReviewMail, type ReviewMailStep } from "@/lib/mail/send-review-mail";
import { isAllowedFor, isPossibleFrom, type Transition } from "./transitions";
import { recordReviewStep, reviewNoteProblem } from "./review-steps";

/** Where an imported item came from (docs/import.md); a CAMEO code for events. */
export interface ImportedColumns {
  externalSource: string;
  externalId: string;
  cameoCode?: string | null;
}

/** The workflow columns events and statements share. */
export const WORKFLOW_COLUMNS = {
  id: true,
  slug: true,
  title: true,
  status: true,
  version: true,
  createdById: true,
  firstPublishedAt: true,
  stagedData: true,
  scheduledAt: true,
} as const;

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
  Prisma.EventUncheckedUpdateInput,
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

/** What the workflow asks of the Prisma model of a kind of content (`tx.event`, `tx.statement`). */
export interface ContentDelegate {
  findUnique(args: { where: { id: string }; select: typeof WORKFLOW_COLUMNS }): PromiseLike<WorkflowRow | null>;
  update(args: { where: { id: string }; data: WorkflowData; select: { id: true } }): PromiseLike<{ id: string }>;
}

/**
 * A kind of content with an editorial workflow: a record kind of the kernel,
 * plus its workflow columns. Its snapshot is its input (what the form edits).
 */
export interface ContentKind<I extends { title: string; sources: unknown[] }> extends RecordKind<I> {
  noun: "event" | "statement";
  content(tx: Tx): ContentDelegate;
  /** `check` for many new items at once: one query per table, the same errors in the same order. */
  checkMany(tx: Tx, inputs: I[]): Promise<Array<Record<string, string[]>>>;
  /**
   * `insert` then `write` for many new items at once (a bulk import's batch): a
   * multi-row INSERT per table. Returns their ids in the order of `rows`.
   */
  insertMany(tx: Tx, rows: Array<{ slug: string; input: I; actor: Actor; columns?: ImportedColumns }>): Promise<string[]>;
  snapshot(tx: Tx, id: string): Promise<I>;
  correctionOf(id: string): { eventId: string } | { statementId: string };
  /** What a copy starts from: the item's input, titled as a copy, without what only one item may hold. */
  forCopy(input: I): I;
}

/** "Title (copy)", within the title's 300 characters. */
export function copyTitle(title: string): string {
  const suffix = " (copy)";
  return `${title.slice(0, 300 - suffix.length).trimEnd()}${suffix}`;
}

type AnyContent = ContentKind<{ title: string; sources: unknown[] }>;

export interface WorkflowResult {
  id: string;
  slug: string;
  version: number;
  status: PublicationStatus;
  /** What the public site must expire once the transaction has committed (null: nothing public changed). */
  publicChange: PublicChange | null;
  /** Set when the write stands but the public caches could not be told at once (they keep being told). */
  warning?: string;
}

const invalid = (message: string, fieldErrors: Record<string, string[]>) => new AppError("INVALID", message, fieldErrors);

const VERBS: Record<Transition, string> = {
  create: "create",
  edit: "edit",
  submit: "submit",
  requestChanges: "request changes to",
  withdraw: "withdraw",
  publish: "publish",
  schedule: "schedule",
  unpublish: "unpublish",
  retract: "retract",
  delete: "delete",
  publishChanges: "publish changes to",
  restore: "restore a revision of",
};

function refuse(actor: Actor, transition: Transition): never {
  throw new AppError("FORBIDDEN", `You do not have permission to do that: your role (${actor.role.toLowerCase()}) may not ${VERBS[transition]} this item.`);
}

async function load(tx: Tx, kind: AnyContent, id: string): Promise<WorkflowRow> {
  const row = isRecordId(id) ? await kind.content(tx).findUnique({ where: { id }, select: WORKFLOW_COLUMNS }) : null;
  if (!row) throw new AppError("NOT_FOUND", `There is no such ${kind.noun}.`);
  return row;
}

function check(kind: AnyContent, actor: Actor, transition: Exclude<Transition, "create">, row: WorkflowRow) {
  if (!isAllowedFor(actor, transition, row)) refuse(actor, transition);
  if (!isPossibleFrom(transition, row)) {
    const state = row.status.toLowerCase().replace("_", " ");
    throw new AppError(
      "CONFLICT",
      transition === "publishChanges" && row.status === "PUBLISHED"
        ? `This ${kind.noun} has no staged changes to publish.`
        : transition === "delete"
          ? `Only drafts that were never published can be deleted; retract or unpublish this ${kind.noun} instead.`
          : `This ${kind.noun} is ${state}: you cannot ${VERBS[transition]} it now.`,
    );
  }
}

/** Claims the next version (refusing a stale base) and writes the workflow columns with it. */
async function claim(tx: Tx, kind: AnyContent, actor: Actor | null, row: WorkflowRow, base: number | undefined, data: WorkflowData): Promise<number> {
  const version = await claimVersion(tx, kind, row, base ?? row.version);
  await kind.content(tx).update({ where: { id: row.id }, data: { ...data, updatedById: actor?.id ?? null }, select: { id: true } });
  return version;
}

/** The typed-in values: the staged edit of a published item, else the row. */
async function currentInput(tx: Tx, kind: AnyContent, row: WorkflowRow) {
  if (row.stagedData) {
    const parsed = kind.schema.safeParse(row.stagedData);
    if (parsed.success) return parsed.data;
  }
  return kind.snapshot(tx, row.id);
}

function requireSources(kind: AnyContent, input: { sources: unknown[] }) {
  if (input.sources.length === 0) {
    throw invalid(`Add at least one source before this ${kind.noun} goes to review or is published.`, { sources: ["Add at least one source."] });
  }
}

/**
 * Tells the webhook endpoints listening for this change, in the transaction that
 * makes it: the deliveries are queued if and only if the change commits.
 */
async function announce(
  tx: Tx,
  kind: AnyContent,
  row: WorkflowRow,
  event: WebhookEvent,
  details: { title: string; correction?: string; reason?: string },
): Promise<void> {
  const isPublic = event !== "unpublished" && event !== "retracted";
  await queueRecordChange(tx, {
    event,
    kind: kind.noun,
    id: row.id,
    slug: row.slug,
    title: details.title,
    url: isPublic ? absoluteUrl(`/${kind.noun}s/${row.slug}`) : null,
    correction: details.correction ?? null,
    reason: details.reason ?? null,
  });
}

/**
 * The one publish rule, for an editor pressing "Publish" and for the
 * scheduler alike: sources required, a new version, a revision, an audit row,
 * and the public pages that now show it.
 */
export async function publishRow(
  tx: Tx,
  kind: AnyContent,
  options: { actor: Actor | null; row: WorkflowRow; baseVersion?: number; at: Date; via?: "schedule" },
): Promise<WorkflowResult> {
  const { actor, row, at } = options;
  const input = await currentInput(tx, kind, row);
  requireSources(kind, input);
  const version = await claim(tx, kind, actor, row, options.baseVersion, {
    status: "PUBLISHED",
    publishedAt: at,
    firstPublishedAt: row.firstPublishedAt ?? at,
    scheduledAt: null,
  });
  await recordChange(tx, kind, actor, {
    id: row.id,
    version,
    data: input,
    action: "publish",
    note: options.via === "schedule" ? "Published as scheduled" : "Published",
    summary: { slug: row.slug, ...(options.via ? { via: options.via } : {}) },
  });
  await announce(tx, kind, row, "published", { title: input.title });
  await recordReviewStep(tx, { kind: kind.kind, entityId: row.id, action: "publish", version, actorId: actor?.id ?? null });
  return { id: row.id, slug: row.slug, version, status: "PUBLISHED", publicChange: await kind.publicChange(tx, { slug: row.slug, before: null, after: input }) };
}

/** Once the transaction has committed, expires exactly the public pages that show what changed. */
async function afterCommit<R extends { publicChange?: PublicChange | null; warning?: string }>(write: Promise<R>): Promise<R> {
  const result = await write;
  // Every process of every server hears of it (docs/caching.md) before the editor's answer goes.
  const expired = result.publicChange ? await revalidatePublicRecord(result.publicChange) : { ok: true };
  return expired.ok ? result : { ...result, warning: STALE_PUBLIC_WARNING };
}

/** A review note as typed: trimmed, checked, or a field error on "note". */
function reviewNote(raw: unknown, options: { isRequired: boolean }): string {
  const note = typeof raw === "string" ? raw.trim() : "";
  const problem = reviewNoteProblem(note, options);
  if (problem) throw invalid(problem, { note: [problem] });
  return note;
}

/**
 * A move in the review conversation: the new status, a revision that says so (with
 * the note, if any) and the conversation's step, all in the caller's transaction.
 */
async function reviewMove(
  tx: Tx,
  kind: AnyContent,
  move: { actor: Actor; row: WorkflowRow; baseVersion?: number; input: unknown; action: "submit" | "request_changes" | "withdraw"; status: "IN_REVIEW" | "DRAFT"; said: string; note: string },
): Promise<WorkflowResult> {
  const { actor, row, note } = move;
  const version = await claim(tx, kind, actor, row, move.baseVersion, { status: move.status });
  await recordChange(tx, kind, actor, { id: row.id, version, data: move.input, action: move.action, note: note ? `${move.said}: ${note}` : move.said, summary: note ? { note } : {} });
  await recordReviewStep(tx, { kind: kind.kind, entityId: row.id, action: move.action, note, version, actorId: actor.id });
  return { id: row.id, slug: row.slug, version, status: move.status, publicChange: null };
}

/** After the step has committed: tell the people it concerns (never awaited by the step itself). */
function mailAfter(kind: AnyContent, step: ReviewMailStep, actor: Actor, row: WorkflowRow, note: string | null) {
  void sendReviewMail({ step, actor, authorId: row.createdById, noun: kind.noun, title: row.title, deskPath: `/dashboard/${kind.plural}/${row.id}`, note: note || null });
}

/** The write functions of the editorial workflow for one kind of content. */
export function contentWorkflow<I extends { title: string; sources: unknown[] }>(contentKind: ContentKind<I>) {
  const kind = contentKind as unknown as AnyContent;

  /** Saves typed input: directly on unpublished items, staged on published ones. */
  async function saveInput(tx: Tx, actor: Actor, row: WorkflowRow, base: number, input: I, note: string, action: string): Promise<WorkflowResult> {
    await keepFirstState(tx, kind, row);
    if (row.status === "PUBLISHED") {
      const version = await claim(tx, kind, actor, row, base, {
        stagedData: input as unknown as Prisma.InputJsonValue,
        stagedAt: new Date(),
        stagedById: actor.id,
      });
      await checkInput(tx, kind, row.id, input);
      await recordChange(tx, kind, actor, { id: row.id, version, data: input, action: "stage", note: `${note} (staged)` });
      return { id: row.id, slug: row.slug, version, status: row.status, publicChange: null };
    }
    // Slugs follow the title until the item is first published; then they are frozen.
    const slug = row.firstPublishedAt === null && input.title !== row.title ? await slugFor(tx, kind, input.title, row.id) : row.slug;
    const version = await claim(tx, kind, actor, row, base, { slug });
    await checkInput(tx, kind, row.id, input);
    await contentKind.write(tx, row.id, input);
    await recordChange(tx, kind, actor, { id: row.id, version, data: input, action, note });
    return { id: row.id, slug, version, status: row.status, publicChange: null };
  }

  /**
   * Creates a draft inside a transaction the caller holds (a bulk import commits
   * many rows in one): the same rules, revision and audit row as `create`.
   */
  async function createIn(tx: Tx, options: { actor: Actor; input: unknown; note?: string; summary?: Record<string, unknown> }): Promise<WorkflowResult> {
    const { actor } = options;
    if (!isAllowedFor(actor, "create", null)) refuse(actor, "create");
    const input = parseInput(contentKind.schema, options.input);
    await checkInput(tx, kind, null, input);
    const slug = await slugFor(tx, kind, input.title, null);
    const { id } = await contentKind.insert(tx, { slug, input, actor });
    await contentKind.write(tx, id, input);
    await recordChange(tx, kind, actor, { id, version: 1, data: input, action: "create", note: options.note ?? "Created", summary: { ...options.summary, slug } });
    return { id, slug, version: 1, status: "DRAFT" as const, publicChange: null };
  }

  /**
   * Creates many drafts inside a transaction the caller holds (a bulk import's
   * batch), each under the same rules and with the same revision and audit row as
   * `createIn`, written set-wise: the references checked, the slugs chosen and
   * the items, relations, revisions and audit rows inserted a table at a time.
   * An item whose input or references are wrong gets its error and is not
   * written; the others are. A database error stops the whole batch (the caller
   * rolls back and may go row by row).
   */
  async function createManyIn(
    tx: Tx,
    options: { actor: Actor; items: Array<{ input: unknown; note?: string; summary?: Record<string, unknown>; columns?: ImportedColumns }> },
  ): Promise<Array<{ ok: true; result: WorkflowResult } | { ok: false; error: AppError }>> {
    const { actor } = options;
    if (!isAllowedFor(actor, "create", null)) refuse(actor, "create");
    const outcomes: Array<{ ok: true; result: WorkflowResult } | { ok: false; error: AppError } | { ok: null; input: I }> = options.items.map((item) => {
      try {
        return { ok: null, input: parseInput(contentKind.schema, item.input) };
      } catch (error) {
        if (error instanceof AppError) return { ok: false, error };
        throw error;
      }
    });
    const parsed = outcomes.flatMap((o, index) => (o.ok === null ? [{ index, input: o.input }] : []));
    const errors = await contentKind.checkMany(tx, parsed.map((p) => p.input));
    const valid = parsed.filter((p, i) => {
      if (Object.keys(errors[i]!).length === 0) return true;
      outcomes[p.index] = { ok: false, error: invalidInput(errors[i]!) };
      return false;
    });
    const slugs = await slugsFor(tx, kind, valid.map((v) => contentKind.nameOf(v.input)));
    const ids = await contentKind.insertMany(tx, valid.map((v, i) => ({ slug: slugs[i]!, input: v.input, actor, columns: options.items[v.index]!.columns })));
    await recordChanges(
      tx,
      kind,
      actor,
      valid.map((v, i) => {
        const item = options.items[v.index]!;
        return { id: ids[i]!, version: 1, data: v.input, action: "create", note: item.note ?? "Created", summary: { ...item.summary, slug: slugs[i]! } };
      }),
    );
    valid.forEach((v, i) => (outcomes[v.index] = { ok: true, result: { id: ids[i]!, slug: slugs[i]!, version: 1, status: "DRAFT", publicChange: null } }));
    return outcomes as Array<{ ok: true; result: WorkflowResult } | { ok: false; error: AppError }>;
  }

  /** Publishes inside a transaction the caller holds; the caller expires `publicChange` after its commit. */
  async function publishIn(tx: Tx, options: { actor: Actor; id: string; at: Date }): Promise<WorkflowResult> {
    const row = await load(tx, kind, options.id);
    check(kind, options.actor, "publish", row);
    return publishRow(tx, kind, { actor: options.actor, row, at: options.at });
  }

  return {
    createIn,
    createManyIn,
    publishIn,

    async create(options: { actor: Actor; input: unknown }): Promise<WorkflowResult> {
      return afterCommit(db.$transaction((tx) => createIn(tx, options), TRANSACTION));
    },

    /**
     * A new draft that starts as a copy of an item: what its form holds now (a published
     * item's staged changes included), titled "… (copy)". Anyone who may create may copy
     * any item the desk shows them; the original is not touched.
     */
    async copy(options: { actor: Actor; id: string }): Promise<WorkflowResult> {
      return afterCommit(db.$transaction(async (tx) => {
        if (!isAllowedFor(options.actor, "create", null)) refuse(options.actor, "create");
        const row = await load(tx, kind, options.id);
        const input = contentKind.forCopy((await currentInput(tx, kind, row)) as I);
        return createIn(tx, { actor: options.actor, input, note: `Copied from “${row.title}”`, summary: { copiedFrom: row.id, copiedFromTitle: row.title } });
      }, TRANSACTION));
    },

    async update(options: { actor: Actor; id: string; baseVersion: number; input: unknown }): Promise<WorkflowResult> {
      const input = parseInput(contentKind.schema, options.input);
      return afterCommit(db.$transaction(async (tx) => {
        const row = await load(tx, kind, options.id);
        check(kind, options.actor, "edit", row);
        return saveInput(tx, options.actor, row, options.baseVersion, input, "Saved", "update");
      }, TRANSACTION));
    },

    async restore(options: { actor: Actor; id: string; baseVersion: number; revisionVersion: number }): Promise<WorkflowResult> {
      return afterCommit(db.$transaction(async (tx) => {
        const row = await load(tx, kind, options.id);
        check(kind, options.actor, "restore", row);
        const input = parseInput(contentKind.schema, await revisionInput(tx, kind, row.id, options.revisionVersion));
        return saveInput(tx, options.actor, row, options.baseVersion, input, `Restored version ${options.revisionVersion}`, "restore");
      }, TRANSACTION));
    },

    async submit(options: { actor: Actor; id: string; baseVersion?: number; note?: unknown }): Promise<WorkflowResult> {
      const note = reviewNote(options.note, { isRequired: false });
      let submitted: WorkflowRow | null = null;
      const result = await afterCommit(db.$transaction(async (tx) => {
        const row = await load(tx, kind, options.id);
        check(kind, options.actor, "submit", row);
        const input = await currentInput(tx, kind, row);
        requireSources(kind, input);
        submitted = { ...row, title: input.title };
        return reviewMove(tx, kind, { ...options, row, input, action: "submit", status: "IN_REVIEW", said: "Submitted for review", note });
      }, TRANSACTION));
      if (submitted) mailAfter(kind, "submit", options.actor, submitted, note);
      return result;
    },

    /** A reviewer sends the item back to its author with a note saying what to change. */
    async requestChanges(options: { actor: Actor; id: string; baseVersion?: number; note: unknown }): Promise<WorkflowResult> {
      const note = reviewNote(options.note, { isRequired: true });
      let sentBack: WorkflowRow | null = null;
      const result = await afterCommit(db.$transaction(async (tx) => {
        const row = await load(tx, kind, options.id);
        check(kind, options.actor, "requestChanges", row);
        const input = await currentInput(tx, kind, row);
        sentBack = row;
        return reviewMove(tx, kind, { ...options, row, input, action: "request_changes", status: "DRAFT", said: "Changes requested", note });
      }, TRANSACTION));
      if (sentBack) mailAfter(kind, "request_changes", options.actor, sentBack, note);
      return result;
    },

    /** The author takes the item back out of review to work on it again. */
    async withdraw(options: { actor: Actor; id: string; baseVersion?: number; note?: unknown }): Promise<WorkflowResult> {
      const note = reviewNote(options.note, { isRequired: false });
      return afterCommit(db.$transaction(async (tx) => {
        const row = await load(tx, kind, options.id);
        check(kind, options.actor, "withdraw", row);
        const input = await currentInput(tx, kind, row);
        return reviewMove(tx, kind, { ...options, row, input, action: "withdraw", status: "DRAFT", said: "Withdrawn from review", note });
      }, TRANSACTION));
    },

    async publish(options: { actor: Actor; id: string; baseVersion?: number; now?: Date }): Promise<WorkflowResult> {
      let published: WorkflowRow | null = null;
      const result = await afterCommit(db.$transaction(async (tx) => {
        const row = await load(tx, kind, options.id);
        check(kind, options.actor, "publish", row);
        published = row;
        return publishRow(tx, kind, { actor: options.actor, row, baseVersion: options.baseVersion, at: options.now ?? new Date() });
      }, TRANSACTION));
      if (published) mailAfter(kind, "publish", options.actor, published, null);
      return result;
    },

    async schedule(options: { actor: Actor; id: string; at: Date; baseVersion?: number; now?: Date }): Promise<WorkflowResult> {
      const problem = scheduleProblem(options.at, options.now ?? new Date());
      if (problem) throw invalid(problem, { scheduledAt: [problem] });
      return afterCommit(db.$transaction(async (tx) => {
        const row = await load(tx, kind, options.id);
        check(kind, options.actor, "schedule", row);
        const input = await currentInput(tx, kind, row);
        requireSources(kind, input);
        const version = await claim(tx, kind, options.actor, row, options.baseVersion, { status: "SCHEDULED", scheduledAt: options.at });
        await recordChange(tx, kind, options.actor, {
          id: row.id,
          version,
          data: input,
          action: "schedule",
          note: `Scheduled for ${options.at.toISOString()}`,
          summary: { scheduledAt: options.at.toISOString() },
        });
        await recordReviewStep(tx, { kind: kind.kind, entityId: row.id, action: "schedule", note: `For ${options.at.toISOString().replace("T", " ").slice(0, 16)} UTC`, version, actorId: options.actor.id });
        return { id: row.id, slug: row.slug, version, status: "SCHEDULED" as const, publicChange: null };
      }, TRANSACTION));
    },

    async unpublish(options: { actor: Actor; id: string; baseVersion?: number }): Promise<WorkflowResult> {
      return afterCommit(db.$transaction(async (tx) => {
        const row = await load(tx, kind, options.id);
        check(kind, options.actor, "unpublish", row);
        const wasPublic = row.status === "PUBLISHED";
        // A draft is edited in place, so staged edits become the draft's text.
        const input = await currentInput(tx, kind, row);
        const version = await claim(tx, kind, options.actor, row, options.baseVersion, {
          status: "DRAFT",
          scheduledAt: null,
          stagedData: Prisma.DbNull,
          stagedAt: null,
          stagedById: null,
        });
        if (row.stagedData) await contentKind.write(tx, row.id, input as I);
        await recordChange(tx, kind, options.actor, { id: row.id, version, data: input, action: "unpublish", note: "Unpublished (back to draft)" });
        if (wasPublic) await announce(tx, kind, row, "unpublished", { title: input.title });
        await recordReviewStep(tx, { kind: kind.kind, entityId: row.id, action: "unpublish", version, actorId: options.actor.id });
        const publicChange = wasPublic ? await kind.publicChange(tx, { slug: row.slug, before: input, after: null }) : null;
        return { id: row.id, slug: row.slug, version, status: "DRAFT" as const, publicChange };
      }, TRANSACTION));
    },

    async retract(options: { actor: Actor; id: string; reason: unknown; baseVersion?: number; now?: Date }): Promise<WorkflowResult> {
      const reason = typeof options.reason === "string" ? options.reason.trim() : "";
      return afterCommit(db.$transaction(async (tx) => {
        const row = await load(tx, kind, options.id);
        check(kind, options.actor, "retract", row);
        const problem =
          reason.length === 0 ? "Give the public reason for the retraction." : reason.length > 2000 ? "Keep the reason under 2000 characters." : badCharacterMessage(reason);
        if (problem) throw invalid(problem, { reason: [problem] });
        const published = await kind.snapshot(tx, row.id);
        const version = await claim(tx, kind, options.actor, row, options.baseVersion, {
          status: "RETRACTED",
          retractedAt: options.now ?? new Date(),
          retractionReason: reason,
          stagedData: Prisma.DbNull,
          stagedAt: null,
          stagedById: null,
        });
        await recordChange(tx, kind, options.actor, { id: row.id, version, data: published, action: "retract", note: `Retracted: ${reason}`, summary: { reason } });
        await announce(tx, kind, row, "retracted", { title: published.title, reason });
        await recordReviewStep(tx, { kind: kind.kind, entityId: row.id, action: "retract", note: reason, version, actorId: options.actor.id });
        const change = await kind.publicChange(tx, { slug: row.slug, before: published, after: null });
        return { id: row.id, slug: row.slug, version, status: "RETRACTED" as const, publicChange: { ...change, corrections: true } };
      }, TRANSACTION));
    },

    async publishChanges(options: { actor: Actor; id: string; baseVersion?: number; isMaterial: boolean; correctionNote?: unknown }): Promise<WorkflowResult> {
      const note = typeof options.correctionNote === "string" ? options.correctionNote.trim() : "";
      return afterCommit(db.$transaction(async (tx) => {
        const row = await load(tx, kind, options.id);
        check(kind, options.actor, "publishChanges", row);
        const problem =
          options.isMaterial && note.length === 0 ? "Write the correction note readers will see." : note.length > 2000 ? "Keep the note under 2000 characters." : badCharacterMessage(note);
        if (problem) throw invalid(options.isMaterial && note.length === 0 ? "A material change needs a correction note." : problem, { correctionNote: [problem] });
        const parsed = contentKind.schema.safeParse(row.stagedData);
        if (!parsed.success) throw invalidInput({ form: ["The staged changes no longer fit the form; save them again first."] });
        const input = parsed.data;
        requireSources(kind, input);
        const before = await kind.snapshot(tx, row.id);
        const version = await claim(tx, kind, options.actor, row, options.baseVersion, { stagedData: Prisma.DbNull, stagedAt: null, stagedById: null });
        await checkInput(tx, kind, row.id, input);
        await contentKind.write(tx, row.id, input);
        if (options.isMaterial) await tx.correction.create({ data: { note, createdById: options.actor.id, ...contentKind.correctionOf(row.id) } });
        await recordChange(tx, kind, options.actor, {
          id: row.id,
          version,
          data: input,
          action: "publish_changes",
          note: options.isMaterial ? `Published changes; correction: ${note}` : "Published changes",
          summary: { material: options.isMaterial },
        });
        await announce(tx, kind, row, options.isMaterial ? "corrected" : "changed", { title: input.title, ...(options.isMaterial ? { correction: note } : {}) });
        await recordReviewStep(tx, { kind: kind.kind, entityId: row.id, action: "publish_changes", note: options.isMaterial ? note : null, version, actorId: options.actor.id });
        const change = await kind.publicChange(tx, { slug: row.slug, before, after: input });
        return { id: row.id, slug: row.slug, version, status: "PUBLISHED" as const, publicChange: { ...change, corrections: options.isMaterial } };
      }, TRANSACTION));
    },

    async remove(options: { actor: Actor; id: string }): Promise<{ id: string }> {
      return db.$transaction(async (tx) => {
        const row = await load(tx, kind, options.id);
        check(kind, options.actor, "delete", row);
        await removeRecord(tx, kind, options.actor, row);
        return { id: row.id };
      }, TRANSACTION);
    },
  };
}

export type ContentWorkflow = ReturnType<typeof contentWorkflow>;
