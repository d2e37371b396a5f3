import "server-only";
import { z } from "zod";
import { AppError, failureOf } from "@/lib/errors/app-error";
import { PrototypeKeyError, parseJsonWithoutPrototypeKeys } from "@/lib/objects/safe-keys";
import { fieldErrorsOf } from "@/lib/records/field-errors";
import type { Actor } from "@/lib/users/actor";
import { deskKind } from "./record-kinds";

/**
 * The desk's one way in: JSON route handlers under /api/desk/[kind]/… for every
 * kind of record (docs/architecture.md says why). Each route guards itself with
 * requireRole, then hands the parsed body to the domain, which checks the rest.
 */

/** Larger bodies are refused before parsing; the schemas' own caps give field errors below this. */
const MAX_BODY_BYTES = 5 * 1024 * 1024;

/**
 * Reads a JSON body sent by the desk. Only same-origin JSON is accepted: a
 * cross-site form cannot send application/json without a CORS preflight we never grant.
 */
export async function readDeskJson(request: Request): Promise<unknown> {
  if (!(request.headers.get("content-type") ?? "").startsWith("application/json")) {
    throw new AppError("INVALID", "Send the form as JSON.");
  }
  const origin = request.headers.get("origin");
  if (origin && origin !== new URL(request.url).origin && origin !== process.env.NEXTAUTH_URL?.replace(/\/$/, "")) {
    throw new AppError("FORBIDDEN", "Requests must come from the desk itself.");
  }
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) throw new AppError("INVALID", "The form is too large to save.");
  try {
    return parseJsonWithoutPrototypeKeys(text);
  } catch (error) {
    if (error instanceof PrototypeKeyError) throw new AppError("INVALID", `The form could not be read: a field may not be named "${error.key}".`);
    throw new AppError("INVALID", "The form could not be read.");
  }
}

/** Wraps a desk route so that every thrown error, the guard's included, becomes the one JSON failure. */
export function deskRoute<C>(handler: (request: Request, context: C) => Promise<Response>) {
  return async (request: Request, context: C): Promise<Response> => {
    try {
      return await handler(request, context);
    } catch (error) {
      const { status, failure } = failureOf(error);
      return Response.json(failure, { status, headers: { "Cache-Control": "private, no-store" } });
    }
  };
}

const ok = (result: { id: string; slug?: string; version?: number; status?: string }) =>
  Response.json({ ok: true, id: result.id, slug: result.slug, version: result.version, status: result.status }, { headers: { "Cache-Control": "private, no-store" } });

const baseVersion = z.number().int().min(1);
const SaveRequestSchema = z.object({ baseVersion, input: z.unknown() }).strict();
const CreateRequestSchema = z.object({ input: z.unknown() }).strict();
const ActionRequestSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("submit"), baseVersion, note: z.string().max(10_000).optional() }).strict(),
  z.object({ action: z.literal("requestChanges"), baseVersion, note: z.string().max(10_000) }).strict(),
  z.object({ action: z.literal("withdraw"), baseVersion, note: z.string().max(10_000).optional() }).strict(),
  z.object({ action: z.literal("publish"), baseVersion }).strict(),
  z.object({ action: z.literal("unpublish"), baseVersion }).strict(),
  z.object({ action: z.literal("schedule"), baseVersion, at: z.string().max(40) }).strict(),
  z.object({ action: z.literal("retract"), baseVersion, reason: z.string().max(10_000) }).strict(),
  z.object({ action: z.literal("publishChanges"), baseVersion, isMaterial: z.boolean(), correctionNote: z.string().max(10_000).optional() }).strict(),
  z.object({ action: z.literal("restore"), baseVersion, revisionVersion: z.number().int().min(1) }).strict(),
]);

function parseRequest<T extends z.ZodType>(schema: T, raw: unknown): z.output<T> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new AppError("INVALID", "The request is not one the desk sends.", fieldErrorsOf(parsed.error));
  return parsed.data;
}

/** POST /api/desk/[kind] — { input } */
export async function createRecord(plural: string, actor: Actor, request: Request) {
  const kind = deskKind(plural);
  const body = parseRequest(CreateRequestSchema, await readDeskJson(request));
  return ok(await kind.writes.create({ actor, input: body.input }));
}

/** PUT /api/desk/[kind]/[id] — { baseVersion, input }; a stale base answers 409 with what changed. */
export async function saveRecord(plural: string, actor: Actor, id: string, request: Request) {
  const kind = deskKind(plural);
  const body = parseRequest(SaveRequestSchema, await readDeskJson(request));
  return ok(await kind.writes.update({ actor, id, baseVersion: body.baseVersion, input: body.input }));
}

/** DELETE /api/desk/[kind]/[id] */
export async function deleteRecord(plural: string, actor: Actor, id: string) {
  return ok(await deskKind(plural).writes.remove({ actor, id }));
}

/** POST /api/desk/[kind]/[id]/workflow — { action, baseVersion, … }: restore for every kind, the editorial transitions for content. */
export async function runAction(plural: string, actor: Actor, id: string, request: Request) {
  const kind = deskKind(plural);
  const body = parseRequest(ActionRequestSchema, await readDeskJson(request));
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
