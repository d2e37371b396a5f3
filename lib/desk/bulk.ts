import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError, isAppError, type AppErrorCode } from "@/lib/errors/app-error";
import type { PublicationStatus } from "@/lib/generated/prisma/enums";
import { isRecordId, versionNumber } from "@/lib/records/fields";
import type { Actor } from "@/lib/users/actor";
import { deskKind } from "./record-kinds";

/** The steps a desk list applies to several items at once. */
export const BULK_ACTIONS = ["submit", "publish", "unpublish"] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];
/** More than a list page holds, fewer than would keep one request busy for long. */
export const MAX_BULK_ITEMS = 100;

export const BulkRequestSchema = z
  .object({
    action: z.enum(BULK_ACTIONS, { error: "Choose submit, publish or unpublish." }),
    items: z
      .array(
        z
          .object({
            id: z.string().max(64, "This is not an item's id."),
            /** The version the list showed: an item changed since is refused, not overwritten. */
            version: versionNumber.optional(),
          })
          .strict(),
      )
      .min(1, "Select at least one item.")
      .max(MAX_BULK_ITEMS, `Select at most ${MAX_BULK_ITEMS} items at a time.`),
  })
  .strict();
export type BulkRequest = z.output<typeof BulkRequestSchema>;

export type BulkItemResult =
  | { id: string; title: string | null; ok: true; status: PublicationStatus; warning?: string }
  | { id: string; title: string | null; ok: false; code: AppErrorCode | "INTERNAL"; message: string };

/**
 * Applies one workflow step to each item in turn, through the same domain
 * function as the item's own button (its permission check, revision, audit row,
 * webhooks, mail and cache expiry), each in its own transaction: a refused item
 * changes nothing and does not undo the others. Returns one result per item, in
 * the order asked.
 */
export async function runBulkAction(plural: string, actor: Actor, request: BulkRequest): Promise<BulkItemResult[]> {
  const kind = deskKind(plural);
  const workflow = kind.workflow;
  if (!workflow) throw new AppError("INVALID", `${kind.plural[0]!.toUpperCase()}${kind.plural.slice(1)} have no editorial workflow: they are public as soon as they are saved.`);
  // The same item twice would only be refused the second time; keep the first.
  const items = request.items.filter((item, i) => request.items.findIndex((other) => other.id === item.id) === i);
  const titles = await titlesOf(kind.noun, items.map((item) => item.id));
  const results: BulkItemResult[] = [];
  for (const item of items) {
    const title = titles.get(item.id) ?? null;
    try {
      const options = { actor, id: item.id, baseVersion: item.version };
      const done = await (request.action === "submit" ? workflow.submit(options) : request.action === "publish" ? workflow.publish(options) : workflow.unpublish(options));
      results.push({ id: item.id, title, ok: true, status: done.status, ...(done.warning ? { warning: done.warning } : {}) });
    } catch (error) {
      results.push({ id: item.id, title, ok: false, ...refusal(kind.noun, error) });
    }
  }
  return results;
}

function refusal(noun: string, error: unknown): { code: AppErrorCode | "INTERNAL"; message: string } {
  if (!isAppError(error)) {
    console.error("Unexpected error in a bulk action:", error);
    return { code: "INTERNAL", message: "Something went wrong on our side; this item was not changed. Try it again." };
  }
  // The stale-save message speaks of a form; here the list was what went stale.
  if (error.code === "CONFLICT" && "conflict" in error.details) {
    return { code: "CONFLICT", message: `Someone changed this ${noun} after the list was loaded: it was not changed. Reload the list and try again.` };
  }
  return { code: error.code, message: error.message };
}

async function titlesOf(noun: string, ids: string[]): Promise<Map<string, string>> {
  const where = { id: { in: ids.filter((id) => isRecordId(id)) } };
  const select = { id: true, title: true } as const;
  const rows = noun === "event" ? await db.event.findMany({ where, select }) : await db.statement.findMany({ where, select });
  return new Map(rows.map((r) => [r.id, r.title]));
}
