import type { z } from "zod";
import { fieldErrorsOf, invalidInput } from "@/lib/records/field-errors";
import { conflictOf, type VersionConflict } from "@/lib/records/conflict";
import { isAppError, type ActionResult } from "@/lib/errors/app-error";


export type SaveResult = ActionResult<{ id: string; slug?: string; version?: number }> & { conflict?: VersionConflict };

export function invalid(error: z.ZodError): SaveResult {
  const refusal = invalidInput(fieldErrorsOf(error));
  return { ok: false, code: "INVALID", message: refusal.message, fieldErrors: refusal.fieldErrors };
}

/**
 * Maps what a save threw to the action result: AppErrors keep their message
 * and field errors; a unique violation becomes a field error; anything else is
 * logged and becomes a plain sentence (no database text reaches a user).
 */
export function failureOf(error: unknown, uniqueFields: Record<string, string> = {}): SaveResult {
  if (isAppError(error)) {
    const conflict = conflictOf(error);
    return { ok: false, code: error.code, message: error.message, fieldErrors: error.fieldErrors, ...(conflict ? { conflict } : {}) };
  }
  const prismaError = error as { code?: string; meta?: { target?: string[] | string; driverAdapterError?: { cause?: { constraint?: { fields?: string[] } } } } };
  if (prismaError?.code === "P2002") {
    const target = prismaError.meta?.target ?? prismaError.meta?.driverAdapterError?.cause?.constraint?.fields ?? [];
    const fields = (Array.isArray(target) ? target : [target]).map((f) => f.replaceAll('"', ""));
    const field = fields.find((f) => uniqueFields[f]) ?? Object.keys(uniqueFields)[0] ?? "form";
    return { ok: false, code: "INVALID", message: "Some fields need attention. Nothing was saved.", fieldErrors: { [field]: [uniqueFields[field] ?? "This value is already taken."] } };
  }
  console.error("save failed", error);
  return { ok: false, message: "Saving failed unexpectedly. Nothing was saved; try again.", fieldErrors: {} };
}
