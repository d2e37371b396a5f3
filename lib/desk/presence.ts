import "server-only";
import { z } from "zod";
import { db, Prisma, queryRows } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { Role } from "@/lib/generated/prisma/enums";
import { isRecordId } from "@/lib/records/fields";
import { RECORD_COLUMNS } from "@/lib/records/record-kind";
import type { Actor } from "@/lib/users/actor";
import { deskKind } from "./record-kinds";

/**
 * Who else has a desk record's page open, so that two people know before they both change
 * it (WordPress's "is currently editing", Google Docs' faces). It is a courtesy, not a lock:
 * anyone may still save, and a save based on a stale version is refused with the conflict
 * screen whatever this says.
 *
 * An open page says it is there on load and every PRESENCE_HEARTBEAT_SECONDS while it is
 * shown, and that it is leaving as it closes. A page that stops saying so (a laptop shut, the
 * network gone) counts as closed after PRESENCE_TIMEOUT_SECONDS. Rows live in PostgreSQL, so
 * every web process and server sees the same people.
 */
export const PRESENCE_HEARTBEAT_SECONDS = 15;
/**
 * No word from a page for this long and it is taken as closed. Browsers run a hidden tab's
 * timers once a minute after a few minutes (Chrome's intensive throttling), and a page in a
 * background tab is still open, so this is a minute and a heartbeat.
 */
export const PRESENCE_TIMEOUT_SECONDS = 75;

const TIMEOUT = Prisma.raw(`interval '${PRESENCE_TIMEOUT_SECONDS} seconds'`);
/** Of the rows `p` joined to their users `u`: pages heard from within the timeout, of accounts still active. */
const STILL_THERE = Prisma.sql`p."seenAt" >= now() - ${TIMEOUT} AND u."isActive"`;

/** What the page sends: that it is open (the default), or that it is leaving. */
export const PresenceRequestSchema = z.object({ leaving: z.boolean({ error: "leaving must be true or false" }).optional() }).strict();

/** Someone else with the record's page open. */
export interface OtherPresence {
  name: string;
  role: Role;
  /** When they opened it (ISO 8601, UTC). */
  openedAt: string;
}

/**
 * Records that `actor` has the record's page open (or has left it) and answers who else has
 * it open now, longest first. The record must exist: its page is the only place that asks.
 */
export async function notePresence(options: { plural: string; id: string; actor: Actor; leaving?: boolean }): Promise<OtherPresence[]> {
  const { plural, id, actor } = options;
  const kind = deskKind(plural);
  const found = isRecordId(id) ? await kind.record.model(db).findUnique({ where: { id }, select: RECORD_COLUMNS }) : null;
  if (!found) throw new AppError("NOT_FOUND", `There is no such ${kind.noun}.`);
  if (options.leaving) {
    await db.deskPresence.deleteMany({ where: { kind: plural, entityId: id, userId: actor.id } });
    return [];
  }
  // One statement: prune rows an hour old (pages long closed without saying so) but this
  // person's own, which the same statement updates (PostgreSQL leaves it unpredictable which of
  // two changes to one row in one statement wins); say "here" (a return after the timeout counts
  // as newly opened); and read the others. The read sees the table as the statement began,
  // which is all it needs: its own row is left out anyway.
  const rows = await queryRows<{ name: string; role: Role; openedAt: Date }>(
    db,
    Prisma.sql`WITH pruned AS (
        DELETE FROM "DeskPresence" WHERE "seenAt" < now() - interval '1 hour'
          AND NOT ("kind" = ${plural} AND "entityId" = ${id} AND "userId" = ${actor.id})
      ), here AS (
        INSERT INTO "DeskPresence" ("kind", "entityId", "userId") VALUES (${plural}, ${id}, ${actor.id})
        ON CONFLICT ("kind", "entityId", "userId") DO UPDATE SET
          "seenAt" = now(),
          "openedAt" = CASE WHEN "DeskPresence"."seenAt" < now() - ${TIMEOUT} THEN now() ELSE "DeskPresence"."openedAt" END
      )
      SELECT u."name", u."role", p."openedAt"
        FROM "DeskPresence" p JOIN "User" u ON u."id" = p."userId"
       WHERE p."kind" = ${plural} AND p."entityId" = ${id} AND p."userId" <> ${actor.id}
         AND ${STILL_THERE}
       ORDER BY p."openedAt", u."name"`,
  );
  return rows.map((row) => ({ name: row.name, role: row.role, openedAt: row.openedAt.toISOString() }));
}

/**
 * For a desk list: of these records, the ones someone other than `viewerId` has open now, with
 * their names in the order they opened it. One indexed read a list page.
 */
export async function openByOthers(plural: string, ids: readonly string[], viewerId: string): Promise<Map<string, string[]>> {
  const open = new Map<string, string[]>();
  if (ids.length === 0) return open;
  const rows = await queryRows<{ entityId: string; name: string }>(
    db,
    Prisma.sql`SELECT p."entityId", u."name"
        FROM "DeskPresence" p JOIN "User" u ON u."id" = p."userId"
       WHERE p."kind" = ${plural} AND p."entityId" = ANY(${[...ids]}::text[]) AND p."userId" <> ${viewerId}
         AND ${STILL_THERE}
       ORDER BY p."openedAt", u."name"`,
  );
  for (const row of rows) open.set(row.entityId, [...(open.get(row.entityId) ?? []), row.name]);
  return open;
}
