import { expect } from "vitest";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { Role } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/users/actor";

/**
 * Valid records for tests, shared so that a new required field is added once.
 * Each test passes only what it is about as overrides.
 */

let actors = 0;

/** A staff user written straight to the table, as the actor a domain call expects. */
export async function createTestActor(role: Role, options: { prefix: string; name?: string }): Promise<Actor> {
  actors++;
  const user = await db.user.create({
    data: { email: `${options.prefix}-${role.toLowerCase()}${actors}@test.chancery`, name: options.name ?? `${role} ${actors}`, role },
  });
  return { id: user.id, email: user.email, role: user.role };
}

export const testSource = { url: "https://www.reuters.com/world/kazakhstan", title: "Kazakhstan to join Abraham Accords", publisher: "Reuters" };

/** An event the desk accepts: a dated announcement by Kazakhstan with one source. */
export const testEventInput = (overrides: Record<string, unknown> = {}) => ({
  title: "Kazakhstan joins the Abraham Accords",
  summary: "Announced after a call.",
  type: "INTENT_ANNOUNCED",
  date: "2025-11-06",
  datePrecision: "DAY",
  participants: [{ role: "ANNOUNCER", countryId: "KZ" }],
  sources: [testSource],
  ...overrides,
});

/** A statement the desk accepts: Kazakhstan's foreign ministry, on the record, with one source. */
export const testStatementInput = (overrides: Record<string, unknown> = {}) => ({
  title: "Kazakhstan: a natural and logical continuation",
  text: "a natural and logical continuation of its foreign policy",
  language: "en",
  speakerLabel: "Kazakhstan's foreign ministry",
  medium: "OFFICIAL_STATEMENT",
  saidOn: "2025-11-07",
  countryIds: ["KZ"],
  sources: [testSource],
  ...overrides,
});

/** Awaits a call that must fail with an AppError of this code, and returns the error. */
export async function expectAppError(promise: Promise<unknown>, code: AppError["code"]) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}
