import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { privateJson, readJsonBody } from "@/lib/http/json-route";
import { fieldErrorsOf } from "@/lib/records/field-errors";
import { versionNumber } from "@/lib/records/fields";
import type { Actor } from "@/lib/users/actor";
import { BulkRequestSchema, runBulkAction } from "./bulk";
import { deskKind } from "./record-kinds";

/**
 * The desk's one way in: JSON route handlers under /api/desk/[kind]/… for every
 * kind of record (docs/architecture.md says why). Each route is wrapped in
 * withErrors (lib/http/json-route.ts), guards itself with requireRole, then hands
 * the parsed body to the domain, which checks the rest.
 */

const ok = (result: { id: string; slug?: string; version?: number; status?: string; warning?: string }) =>
  privateJson({ ok: true, id: result.id, slug: result.slug, version: result.version, status: result.status, ...(result.warning ? { warning: result.warning } : {}) });

const baseVersion = versionNumber;
const SaveRequestSchema = z.object({ baseVersion, input: z.unknown() }).strict();
const CreateRequestSchema = z.union([z.object({ input: z.unknown() }).strict(), z.object({ copyOf: z.string().max(100) }).strict()]);
const ActionRequestSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("submit"), baseVersion, note: z.string().max(10_000).optional() }).strict(),
  z.object({ action: z.literal("requestChanges"), baseVersion, note: z.string().max(10_000) }).strict(),
  z.object({ action: z.literal("withdraw"), baseVersion, note: z.string().max(10_000).optional() }).strict(),
  z.object({ action: z.literal("publish"), baseVersion }).strict(),
  z.object({ action: z.literal("unpublish"), baseVersion }).strict(),
  z.object({ action: z.literal("schedule"), baseVersion, at: z.string().max(40) }).strict(),
  z.object({ action: z.literal("retract"), baseVersion, reason: z.string().max(10_000) }).strict(),
  z.object({ action: z.literal("publishChanges"), baseVersion, isMaterial: z.boolean(), correctionNote: z.string().max(10_000).optional() }).strict(),
  z.object({ action: z.literal("restore"), baseVersion, revisionVersion: versionNumber }).strict(),
]);

function parseRequest<T extends z.ZodType>(schema: T, raw: unknown): z.output<T> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new AppError("INVALID", "The request is not one the desk sends.", fieldErrorsOf(parsed.error));
  return parsed.data;
}

/** POST /api/desk/[kind] — { input }, or { copyOf: id } for a new draft that starts as a copy of an event or statement. */
export async function createRecord(plural: string, actor: Actor, request: Request) {
  const kind = deskKind(plural);
  const body = parseRequest(CreateRequestSchema, await readJsonBody(request));
  if ("copyOf" in body) {
    if (!kind.workflow) throw new AppError("INVALID", `Only events and statements can be copied; a ${kind.noun} is created from its own form.`);
    return ok(await kind.workflow.copy({ actor, id: body.copyOf }));
  }
  return ok(await kind.writes.create({ actor, input: body.input }));
}

/** PUT /api/desk/[kind]/[id] — { baseVersion, input }; a stale base answers 409 with what changed. */
export async function saveRecord(plural: string, actor: Actor, id: string, request: Request) {
  const kind = deskKind(plural);
  const body = parseRequest(SaveRequestSchema, await readJsonBody(request));
  return ok(await kind.writes.update({ actor, id, baseVersion: body.baseVersion, input: body.input }));
}

/** DELETE /api/desk/[kind]/[id] */
export async function deleteRecord(plural: string, actor: Actor, id: string) {
  return ok(await deskKind(plural).writes.remove({ actor, id }));
}

const MergeRequestSchema = z.object({ baseVersion, into: z.string().max(100) }).strict();

/** POST /api/desk/[kind]/[id]/merge — { baseVersion, into }: the duplicate `id` merged into `into` (people, organizations, topics and agreements). */
export async function mergeRecord(plural: string, actor: Actor, id: string, request: Request) {
  const kind = deskKind(plural);
  const body = parseRequest(MergeRequestSchema, await readJsonBody(request));
  if (!kind.merge) throw new AppError("INVALID", `Only people, organizations, topics and agreements can be merged; ${kind.plural} cannot.`);
  return ok(await kind.merge({ actor, id, into: body.into, baseVersion: body.baseVersion }));
}

/** POST /api/desk/[kind]/[id]/workflow — { action, baseVersion, … }: restore for every kind, the editorial transitions for content. */
export async function runAction(plural: string, actor: Actor, id: string, request: Request) {
  const kind = deskKind(plural);
  const body = parseRequest(ActionRequestSchema, await readJsonBody(request));
  const base = body.baseVersion;
  if (body.action === "restore") return ok(await kind.writes.restore({ actor, id, baseVersion: base, revisionVersion: body.revisionVersion }));
  const workflow = kind.workflow;
  if (!workflow) throw new AppError("INVALID", `A ${kind.noun} has no editorial workflow: it is public as soon as it is saved.`);
  switch (body.action) {
    case "submit":
      return ok(await workflow.submit({ actor, id, baseVersion: base, note: body.note }));
    case "requestChanges":
      return ok(await workflow.requestChanges({ actor, id, baseVersion: base, note: body.note }));
    case "withdraw":
      return ok(await workflow.withdraw({ actor, id, baseVersion: base, note: body.note }));
    case "publish":
      return ok(await workflow.publish({ actor, id, baseVersion: base }));
    case "unpublish":
      return ok(await workflow.unpublish({ actor, id, baseVersion: base }));
    case "schedule":
      return ok(await workflow.schedule({ actor, id, baseVersion: base, at: new Date(body.at) }));
    case "retract":
      return ok(await workflow.retract({ actor, id, baseVersion: base, reason: body.reason }));
    case "publishChanges":
      return ok(await workflow.publishChanges({ actor, id, baseVersion: base, isMaterial: body.isMaterial, correctionNote: body.correctionNote }));
  }
}

/**
 * POST /api/desk/[kind]/bulk — { action, items: [{ id, version }] }: one step on
 * several items, each checked and written on its own; the answer lists each item's
 * result (200 even when some were refused: the request itself was understood).
 */
export async function runBulk(plural: string, actor: Actor, request: Request) {
  const body = parseRequest(BulkRequestSchema, await readJsonBody(request));
  return privateJson({ ok: true, action: body.action, results: await runBulkAction(plural, actor, body) });
}
