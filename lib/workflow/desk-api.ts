import "server-only";
import { z } from "zod";
import { AppError, HTTP_STATUS, isAppError } from "@/lib/errors/app-error";
import type { ContentKind } from "@/lib/generated/prisma/enums";
import { revalidatePublicRecord } from "@/lib/cache/revalidate";
import type { ContentWorkflow, WorkflowResult } from "@/lib/publication/content-workflow";
import type { Actor } from "@/lib/users/actor";
import { conflictOf } from "@/lib/records/conflict";
import { fieldErrorsOf } from "@/lib/records/field-errors";
import { PrototypeKeyError, parseJsonWithoutPrototypeKeys } from "@/lib/objects/safe-keys";

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

/** Turns any failure into the ActionResult shape with a status; never leaks internals. */
export function deskErrorResponse(error: unknown, extra: Record<string, unknown> = {}): Response {
  if (isAppError(error)) {
    return Response.json({ ok: false, code: error.code, message: error.message, fieldErrors: error.fieldErrors, ...extra }, { status: HTTP_STATUS[error.code] });
  }
  const code = (error as { code?: string } | null)?.code;
  if (code === "P2002") {
    return Response.json({ ok: false, code: "CONFLICT", message: "That title is already taken; try again.", fieldErrors: { title: ["That title is already taken."] } }, { status: 409 });
  }
  console.error("[desk] unexpected error", error);
  return Response.json({ ok: false, code: "INTERNAL", message: "Something went wrong on our side; nothing was saved.", fieldErrors: {} }, { status: 500 });
}

/** Wraps a desk route so that every thrown error, the guard's included, becomes a JSON answer. */
export function deskRoute<C>(handler: (request: Request, context: C) => Promise<Response>) {
  return async (request: Request, context: C): Promise<Response> => {
    try {
      return await handler(request, context);
    } catch (error) {
      return deskErrorResponse(error);
    }
  };
}

function success(result: WorkflowResult): Response {
  // After the transaction has committed: expire exactly what the public sees.
  if (result.publicChange) revalidatePublicRecord(result.publicChange);
  return Response.json({ ok: true, id: result.id, slug: result.slug, version: result.version, status: result.status });
}

const baseVersion = z.number().int().min(1);
export const SaveRequestSchema = z.object({ baseVersion, input: z.unknown() }).strict();
export const CreateRequestSchema = z.object({ input: z.unknown() }).strict();
export const WorkflowRequestSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("submit"), baseVersion }).strict(),
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

/** Runs a write; a stale save comes back with what the others changed. */
async function run(write: () => Promise<WorkflowResult>): Promise<Response> {
  try {
    return success(await write());
  } catch (error) {
    const conflict = conflictOf(error);
    return deskErrorResponse(error, conflict ? { conflict } : {});
  }
}

export async function handleCreate(workflow: ContentWorkflow, actor: Actor, request: Request) {
  const body = parseRequest(CreateRequestSchema, await readDeskJson(request));
  return success(await workflow.create({ actor, input: body.input }));
}

export async function handleSave(kind: ContentKind, workflow: ContentWorkflow, actor: Actor, id: string, request: Request) {
  const body = parseRequest(SaveRequestSchema, await readDeskJson(request));
  return run(() => workflow.update({ actor, id, baseVersion: body.baseVersion, input: body.input }));
}

export async function handleDelete(workflow: ContentWorkflow, actor: Actor, id: string) {
  await workflow.remove({ actor, id });
  return Response.json({ ok: true, id });
}

export async function handleWorkflow(kind: ContentKind, workflow: ContentWorkflow, actor: Actor, id: string, request: Request) {
  const body = parseRequest(WorkflowRequestSchema, await readDeskJson(request));
  const base = body.baseVersion;
  return run(() => {
    switch (body.action) {
      case "submit":
        return workflow.submit({ actor, id, baseVersion: base });
      case "publish":
        return workflow.publish({ actor, id, baseVersion: base });
      case "unpublish":
        return workflow.unpublish({ actor, id, baseVersion: base });
      case "schedule":
        return workflow.schedule({ actor, id, baseVersion: base, at: new Date(body.at) });
      case "retract":
        return workflow.retract({ actor, id, baseVersion: base, reason: body.reason });
      case "publishChanges":
        return workflow.publishChanges({ actor, id, baseVersion: base, isMaterial: body.isMaterial, correctionNote: body.correctionNote });
      case "restore":
        return workflow.restore({ actor, id, baseVersion: base, revisionVersion: body.revisionVersion });
    }
  });
}
