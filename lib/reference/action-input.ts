import { AppError } from "@/lib/errors/app-error";
import { isRecordId } from "@/lib/records/fields";

/**
 * The submitted form itself. A Server Action can be called with any arguments a client
 * sends (a form posted without JavaScript to an action that expects its previous state
 * first, or hand-made ones), so a missing form is refused like any bad input.
 */
export function formOf(formData: unknown): FormData {
  if (formData instanceof FormData) return formData;
  throw new AppError("INVALID", "This form could not be read; reload the page and try again.");
}

/** The record id and base version a desk form posts beside its fields. */
export function readEditTarget(submitted: FormData): { id: string | null; baseVersion: number } {
  const formData = formOf(submitted);
  const rawId = formData.get("id");
  const id = typeof rawId === "string" && rawId.trim() ? rawId.trim() : null;
  if (id !== null && !isRecordId(id)) throw new AppError("NOT_FOUND", "There is no such record.");
  const baseVersion = Number(formData.get("baseVersion"));
  if (id && (!Number.isInteger(baseVersion) || baseVersion < 1)) throw new AppError("INVALID", "This form is missing the version it was based on; reload the page.");
  return { id, baseVersion };
}

export function readVersion(submitted: FormData, name: string): number {
  const value = Number(formOf(submitted).get(name));
  if (!Number.isInteger(value) || value < 1) throw new AppError("INVALID", "Unknown version.");
  return value;
}

export function readId(submitted: FormData): string {
  const id = formOf(submitted).get("id");
  if (typeof id !== "string" || !isRecordId(id.trim())) throw new AppError("INVALID", "Unknown record.");
  return id.trim();
}
