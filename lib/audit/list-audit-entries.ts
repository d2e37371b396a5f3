import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { readDate, refuseBadCharacters, YEAR_RANGE_MESSAGE } from "@/lib/records/fields";
import type { Prisma } from "@/lib/generated/prisma/client";

// A day the records' own date rule reads: Date.parse would roll 2024-02-30 over to 1 March
// (a silently different filter), and year 0000 reaches PostgreSQL, which refuses it (a 500).
const dateText = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2025-11-06.")
  .superRefine((v, ctx) => {
    const reading = readDate(v, "DAY");
    if (!reading.ok) ctx.addIssue({ code: "custom", message: reading.problem === "range" ? YEAR_RANGE_MESSAGE : "Use a real date." });
  });
// A NUL (which PostgreSQL refuses in text) or a broken character is a field error, never a query.
const optionalText = z.string().superRefine(refuseBadCharacters).trim().max(200, "At most 200 characters.").optional().transform((v) => v || undefined);

const BIGINT_MAX = 9_223_372_036_854_775_807n;

/** The audit log's filters, as they come from the page's query string. */
export const AuditFilterSchema = z.object({
  actor: optionalText,
  action: optionalText,
  target: optionalText,
  from: z.union([dateText, z.literal("")]).optional().transform((v) => v || undefined),
  to: z.union([dateText, z.literal("")]).optional().transform((v) => v || undefined),
  /** Keyset cursor: show entries older than this id. */
  // Ids are PostgreSQL bigints: 19 digits can still be past the largest one, which would fail in the query (a 500).
  // (The digits are tested again in the refinement: zod runs it even when the regex failed, and BigInt("x") throws.)
  before: z
    .string()
    .refine((v) => /^\d{1,19}$/.test(v) && BigInt(v) <= BIGINT_MAX, "Use the link to the next page.")
    .optional(),
});
export type AuditFilter = Partial<z.infer<typeof AuditFilterSchema>>;

export const AUDIT_PAGE_SIZE = 50;

function whereOf(filter: AuditFilter): Prisma.AuditLogWhereInput {
  const and: Prisma.AuditLogWhereInput[] = [];
  if (filter.actor) {
    and.push({ OR: [{ actorEmail: { contains: filter.actor.toLowerCase() } }, { actorId: filter.actor }] });
  }
  if (filter.action) and.push({ action: { startsWith: filter.action } });
  if (filter.target) and.push({ OR: [{ targetId: filter.target }, { targetType: filter.target }] });
  if (filter.from) and.push({ at: { gte: new Date(`${filter.from}T00:00:00Z`) } });
  // "to" is a whole UTC day, inclusive.
  if (filter.to) and.push({ at: { lt: new Date(Date.parse(`${filter.to}T00:00:00Z`) + 86_400_000) } });
  return { AND: and };
}

/** One page of the audit log, newest first, and the cursor for the next (older) page. */
export async function listAuditEntries(filter: AuditFilter, pageSize = AUDIT_PAGE_SIZE) {
  const rows = await db.auditLog.findMany({
    where: { ...whereOf(filter), ...(filter.before ? { id: { lt: BigInt(filter.before) } } : {}) },
    orderBy: { id: "desc" },
    take: pageSize + 1,
  });
  const page = rows.slice(0, pageSize);
  return {
    entries: page.map((row) => ({ ...row, id: row.id.toString() })),
    nextBefore: rows.length > pageSize ? page[page.length - 1]!.id.toString() : null,
  };
}

export type AuditEntryView = Awaited<ReturnType<typeof listAuditEntries>>["entries"][number];

/**
 * One entry as one line of JSON. JSON escapes line breaks and quotes in what users
 * typed, so an email or a name can never start a new line or forge another entry.
 */
export function formatAuditLine(entry: AuditEntryView): string {
  return JSON.stringify({
    id: entry.id,
    at: entry.at.toISOString(),
    action: entry.action,
    actorId: entry.actorId,
    actorEmail: entry.actorEmail,
    targetType: entry.targetType,
    targetId: entry.targetId,
    summary: entry.summary,
    ip: entry.ip,
    userAgent: entry.userAgent,
  }).replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}
