import type { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { groupMessages } from "@/lib/objects/safe-keys";

export const UNKNOWN_FIELD = "This field is not part of the form.";

/**
 * Zod issues as field errors keyed by dotted path ("sources.0.url"), the way
 * every form shows them. Keys come from input, so they are grouped without ever
 * being assigned through a prototype ("__proto__" stays a plain key).
 */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  return groupMessages(
    error.issues.flatMap((issue) =>
      issue.code === "unrecognized_keys"
        ? issue.keys.map((key) => [[...issue.path, key].join("."), UNKNOWN_FIELD] as const)
        : [[issue.path.join(".") || "form", issue.message] as const],
    ),
  );
}

/** The fields a refusal names as unknown (a hand-made or replayed request). */
export function unknownFields(fieldErrors: Record<string, string[]>): string[] {
  return Object.entries(fieldErrors)
    .filter(([, messages]) => messages.includes(UNKNOWN_FIELD))
    .map(([key]) => key);
}

/**
 * The refusal of an input: names unknown fields outright (a hand-made request
 * is refused as a whole), otherwise points at the fields that need attention.
 */
export function invalidInput(fieldErrors: Record<string, string[]>): AppError {
  const unknown = unknownFields(fieldErrors);
  return new AppError(
    "INVALID",
    unknown.length ? `Unknown field: ${unknown.join(", ")}. Nothing was saved.` : "Some fields need attention. Nothing was saved.",
    fieldErrors,
  );
}

/** Parses an input with its schema, or throws the field errors as an INVALID AppError. */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw invalidInput(fieldErrorsOf(parsed.error));
  return parsed.data;
}
