import { AppError } from "@/lib/errors/app-error";
import { isRecordId } from "@/lib/records/fields";

/** The record id and base version a desk form posts beside its fields. */
export function readEditTarget(formData: FormData): { id: string | null; baseVersion: number } {
  const rawId = formData.get("id");
  const id = typeof rawId === "string" && rawId.trim() ? rawId.trim() : null;
  if (id !== null && !isRecordId(id)) throw new AppError("NOT_FOUND", "There is no such record.");
  const baseVersion = Number(formData.get("baseVersion"));
  if (id && (!Number.isInteger(baseVersion) || baseVersion < 1)) throw new AppError("INVALID", "This form is missing the version it was based on; reload the page.");
  return { id, baseVersion };
}

export function readVersion(formData: FormData, name: string): number {
  const value = Number(formData.get(name));
  if (!Number.isInteger(value) || value < 1) throw new AppError("INVALID", "Unknown version.");
  return value;
}

export function readId(formData: FormData): string {
  const id = formData.get("id");
  if (typeof id !== "string" || !isRecordId(id.trim())) throw new AppError("INVALID", "Unknown record.");
  return id.trim();
}
