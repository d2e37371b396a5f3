import "server-only";
import { cache } from "react";
import { db, type Tx } from "@/lib/db/client";
import { eventRecord } from "@/lib/events/event-record";
import { findPublishedEventWithStory, type PublishedEvent } from "@/lib/events/public-queries";
import { isRecordId } from "@/lib/records/fields";
import { statementRecord } from "@/lib/statements/statement-record";
import { findPublishedStatement, type PublishedStatement } from "@/lib/statements/public-queries";
import type { ContentKind } from "./content-workflow";

/**
 * Previews: an unpublished item, or a published one's staged changes, read as
 * the public page will read it once published. The item is published inside a
 * transaction that is always rolled back, and the public page's own query runs
 * in it: so the preview shows exactly what publishing would show (links to
 * other published records resolved, nothing unpublished around it), and
 * nothing of it is ever committed, cached or seen by anyone else.
 */
const ROLLBACK = Symbol("preview rollback");

async function inRolledBackTransaction<T>(read: (tx: Tx) => Promise<T>): Promise<T> {
  let result: T | undefined;
  try {
    await db.$transaction(async (tx) => {
      result = await read(tx);
      throw ROLLBACK;
    });
  } catch (error) {
    if (error !== ROLLBACK) throw error;
  }
  return result as T;
}

type Previewable<I> = Pick<ContentKind<I & { title: string; sources: unknown[] }>, "schema" | "write" | "content">;

/** Publishes the row for the length of the transaction: its staged edit written in, its status PUBLISHED. */
async function publishForAMoment<I>(tx: Tx, kind: Previewable<I>, id: string): Promise<{ slug: string } | null> {
  const row = await kind.content(tx).findUnique({
    where: { id },
    select: { id: true, slug: true, title: true, status: true, version: true, createdById: true, firstPublishedAt: true, stagedData: true, scheduledAt: true },
  });
  if (!row || row.status === "RETRACTED") return null;
  if (row.stagedData) {
    const staged = kind.schema.safeParse(row.stagedData);
    if (staged.success) await kind.write(tx, id, staged.data as I & { title: string; sources: unknown[] });
  }
  const now = new Date();
  await kind.content(tx).update({ where: { id }, data: { status: "PUBLISHED", publishedAt: now, firstPublishedAt: row.firstPublishedAt ?? now, scheduledAt: null }, select: { id: true } });
  return { slug: row.slug };
}

export type Preview =
  | { kind: "events"; slug: string; event: PublishedEvent }
  | { kind: "statements"; slug: string; statement: PublishedStatement };

/** The public page's data for an item as it would be published now; null for no such item, or a retracted one. */
export async function previewContent(plural: string, id: string): Promise<Preview | null> {
  if (!isRecordId(id)) return null;
  if (plural === "events") {
    return inRolledBackTransaction(async (tx) => {
      const moment = await publishForAMoment(tx, eventRecord, id);
      const event = moment ? await findPublishedEventWithStory(moment.slug, tx) : null;
      return event ? { kind: "events" as const, slug: event.slug, event } : null;
    });
  }
  if (plural === "statements") {
    return inRolledBackTransaction(async (tx) => {
      const moment = await publishForAMoment(tx, statementRecord, id);
      const statement = moment ? await findPublishedStatement(moment.slug, tx) : null;
      return statement ? { kind: "statements" as const, slug: statement.slug, statement } : null;
    });
  }
  return null;
}

/**
 * The preview being rendered in this request (React's per-request cache). Only
 * the desk's preview route, behind its guard, sets it; the public page reads it
 * before its own query, so a preview renders through the very same page.
 */
export const previewScope = cache((): { current: Preview | null } => ({ current: null }));

export function previewedEvent(slug: string): PublishedEvent | null {
  const current = previewScope().current;
  return current?.kind === "events" && current.slug === slug ? current.event : null;
}

export function previewedStatement(slug: string): PublishedStatement | null {
  const current = previewScope().current;
  return current?.kind === "statements" && current.slug === slug ? current.statement : null;
}
