import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { privateJson, readJsonBody } from "@/lib/http/json-route";
import { fieldErrorsOf } from "@/lib/records/field-errors";
import type { Actor } from "@/lib/users/actor";
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from "./limits";
import { planImport } from "./plan-import";
import { createProposed, importBatch } from "./run-import";

/**
 * POST /api/desk/import: the import page's three steps, each sending the file
 * again (the server keeps nothing between them and checks everything each time).
 * `check` is the dry run; `create` makes the confirmed new people and
 * organizations; `import` writes one batch of rows from `from`.
 */
const file = {
  kind: z.enum(["events", "statements"], { error: "Choose events or statements." }),
  fileName: z.string().trim().min(1, "Choose a file.").max(255, "The file's name is too long."),
  // Characters, which is never less than the byte limit allows: the exact byte check is readImportFile's.
  text: z.string().max(MAX_IMPORT_BYTES, "The file is larger than 4 MB. Split it into smaller files."),
};

const LEAVE_OUT = "leaveOut lists the numbers of the file's rows not to import.";

export const ImportRequestSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("check"), ...file }).strict(),
  z.object({ action: z.literal("create"), ...file, keys: z.array(z.string().max(500)).max(10_000) }).strict(),
  z.object({ action: z.literal("import"), ...file, from: z.number().int().min(0), publish: z.boolean(), leaveOut: z.array(z.number({ error: LEAVE_OUT }).int(LEAVE_OUT).min(1, LEAVE_OUT), { error: LEAVE_OUT }).max(MAX_IMPORT_ROWS, "Too many rows left out.").default([]) }).strict(),
]);

export async function handleImportRequest(user: Actor, request: Request): Promise<Response> {
  const parsed = ImportRequestSchema.safeParse(await readJsonBody(request));
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error);
    throw new AppError("INVALID", Object.values(fieldErrors)[0]?.[0] ?? "The request is not one the import page sends.", fieldErrors);
  }
  const body = parsed.data;
  const importRequest = { kind: body.kind, fileName: body.fileName, text: body.text };
  if (body.action === "check") return privateJson({ ok: true, plan: await planImport(importRequest) });
  if (body.action === "create") return privateJson({ ok: true, ...(await createProposed({ actor: user, request: importRequest, keys: body.keys })) });
  return privateJson({ ok: true, ...(await importBatch({ actor: user, request: importRequest, from: body.from, publish: body.publish, leaveOut: body.leaveOut })) });
}
