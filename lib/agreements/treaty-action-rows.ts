import type { Tx } from "@/lib/db/client";
import type { DatePrecision, TreatyActionType } from "@/lib/generated/prisma/enums";
import { TREATY_ACTION_LABELS } from "@/lib/format/labels";

/**
 * An agreement's parties' steps (signature, ratification, accession, …) are rows with ids that
 * events name: an event's staged changes and its earlier versions keep the `treatyActionId` of
 * the step it records. Saving an agreement (desk, JSON API, restore, merge, the demo record)
 * therefore keeps the rows that are still there, under their ids, and removes only the steps
 * taken out, saying which events named them; the references to a step merged into another
 * follow it (`renameTreatyActions`).
 */
export interface TreatyActionRow {
  /** The row it was read from (the form, a revision): null for a new step, or where it is not known. */
  id: string | null;
  countryId: string;
  type: TreatyActionType;
  date: Date | null;
  precision: DatePrecision;
  note: string | null;
  eventId: string | null;
  viaAgreementId: string | null;
  unconfirmedNote: string | null;
  /** As `sourceRows` (lib/records/fields.ts) gives them. */
  sources: SourceRow[];
}

type SourceRow = { url: string; title: string; publisher: string | null; publishedOn: Date | null; accessedOn?: Date | null; archiveUrl: string | null; position: number };

type StoredRow = Awaited<ReturnType<typeof storedRows>>[number];

const storedRows = (tx: Tx, agreementId: string) =>
  tx.treatyAction.findMany({
    where: { agreementId },
    orderBy: [{ date: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    include: { sources: { orderBy: { position: "asc" } } },
  });

/** One step of a party: the same party, the same kind of step, through the same instrument. */
const stepOf = (r: { countryId: string; type: string; viaAgreementId: string | null }) => `${r.countryId}|${r.type}|${r.viaAgreementId ?? ""}`;
const dayOf = (r: { date: Date | null; precision: string }) => `${r.date?.toISOString() ?? ""}|${r.precision}`;

/** A row's own columns, comparable (its sources are compared apart). */
const columnsKey = (r: { countryId: string; type: string; viaAgreementId: string | null; date: Date | null; precision: string; note: string | null; eventId: string | null; unconfirmedNote: string | null }) =>
  JSON.stringify([stepOf(r), dayOf(r), r.note, r.eventId, r.unconfirmedNote]);
const sourcesKey = (sources: SourceRow[]) =>
  JSON.stringify(sources.map((s) => [s.url, s.title, s.publisher, s.publishedOn?.toISOString() ?? null, s.accessedOn?.toISOString() ?? null, s.archiveUrl]));

/**
 * Which stored row each wanted row is: the one its id names; else (a row of an API client or an
 * old revision that carries no id, or names a row since removed) a stored row of the same step
 * not yet taken, on the same date first. Each stored row is taken once; an id of another
 * agreement's row takes nothing, so that row is never moved or changed by this save.
 */
function matchRows(wanted: readonly TreatyActionRow[], stored: readonly StoredRow[]): Map<number, StoredRow> {
  const byId = new Map(stored.map((r) => [r.id, r]));
  const matched = new Map<number, StoredRow>();
  const taken = new Set<string>();
  const take = (i: number, row: StoredRow) => {
    matched.set(i, row);
    taken.add(row.id);
  };
  wanted.forEach((row, i) => {
    const named = row.id ? byId.get(row.id) : undefined;
    if (named && !taken.has(named.id)) take(i, named);
  });
  for (const sameDay of [true, false]) {
    wanted.forEach((row, i) => {
      if (matched.has(i)) return;
      const found = stored.find((s) => !taken.has(s.id) && stepOf(s) === stepOf(row) && (!sameDay || dayOf(s) === dayOf(row)));
      if (found) take(i, found);
    });
  }
  return matched;
}

const columnsOf = (row: TreatyActionRow) => ({
  countryId: row.countryId,
  type: row.type,
  date: row.date,
  precision: row.precision,
  note: row.note,
  eventId: row.eventId,
  viaAgreementId: row.viaAgreementId,
  unconfirmedNote: row.unconfirmedNote,
});

/**
 * Writes an agreement's treaty actions, inside its save's transaction: the rows it still has are
 * changed in place where they differ (their ids, and what names them, stay), new steps are
 * created, and the steps taken out are removed. An event that named a removed step (it recorded
 * it, or its staged changes or an earlier version name it) no longer names a treaty action: the
 * step is gone, as its live link went with the row. Returns the note for the agreement's
 * revision that says so, or null.
 */
export async function writeTreatyActions(tx: Tx, agreementId: string, wanted: readonly TreatyActionRow[]): Promise<{ note: string | null }> {
  const stored = await storedRows(tx, agreementId);
  const matched = matchRows(wanted, stored);
  const kept = new Set([...matched.values()].map((r) => r.id));
  const removed = stored.filter((r) => !kept.has(r.id));
  const named = await namedBy(tx, removed);
  if (removed.length) {
    await renameTreatyActions(tx, removed.map((r) => ({ from: r.id, to: null })));
    await tx.treatyAction.deleteMany({ where: { id: { in: removed.map((r) => r.id) } } });
  }
  // One after another: a transaction is one connection, which runs one query at a time.
  for (const [i, row] of wanted.entries()) {
    const old = matched.get(i);
    if (!old) {
      await tx.treatyAction.create({ data: { agreementId, ...columnsOf(row), sources: { create: row.sources } } });
      continue;
    }
    if (columnsKey(old) !== columnsKey(row)) await tx.treatyAction.update({ where: { id: old.id }, data: columnsOf(row) });
    if (sourcesKey(old.sources) !== sourcesKey(row.sources)) {
      await tx.source.deleteMany({ where: { treatyActionId: old.id } });
      await tx.source.createMany({ data: row.sources.map((s) => ({ ...s, treatyActionId: old.id })) });
    }
  }
  return { note: await removalNote(tx, agreementId, removed, named) };
}

/** The events that name each removed step: the one it records, and those whose staged changes or earlier versions name it. */
async function namedBy(tx: Tx, removed: StoredRow[]): Promise<Map<string, Set<string>>> {
  const byStep = new Map<string, Set<string>>(removed.map((r) => [r.id, new Set(r.eventId ? [r.eventId] : [])]));
  if (!removed.length) return byStep;
  const ids = removed.map((r) => r.id);
  const staged = await tx.$queryRawUnsafe<Array<{ step: string; event: string }>>(
    `SELECT "stagedData"->>'treatyActionId' AS step, id AS event FROM "Event" WHERE "stagedData" IS NOT NULL AND "stagedData"->>'treatyActionId' = ANY($1::text[])`,
    ids,
  );
  const revisions = await tx.$queryRawUnsafe<Array<{ step: string; event: string }>>(
    `SELECT DISTINCT data->>'treatyActionId' AS step, "entityId" AS event FROM "Revision" WHERE kind = 'EVENT'::"ContentKind" AND data->>'treatyActionId' = ANY($1::text[])`,
    ids,
  );
  for (const { step, event } of [...staged, ...revisions]) byStep.get(step)?.add(event);
  return byStep;
}

/**
 * "Events no longer name the treaty actions taken out: Kazakhstan, ratification (“…”)." — for the
 * removed steps events named, leaving out an event that a row of the agreement still records
 * (in a merge, the step kept in the duplicate's place took its event).
 */
async function removalNote(tx: Tx, agreementId: string, removed: StoredRow[], named: Map<string, Set<string>>): Promise<string | null> {
  const eventIds = [...new Set([...named.values()].flatMap((events) => [...events]))];
  if (!eventIds.length) return null;
  const stillRecorded = new Set((await tx.treatyAction.findMany({ where: { agreementId, eventId: { in: eventIds } }, select: { eventId: true } })).map((r) => r.eventId));
  const titles = new Map((await tx.event.findMany({ where: { id: { in: eventIds } }, select: { id: true, title: true } })).map((e) => [e.id, e.title]));
  const countries = new Map((await tx.country.findMany({ where: { iso2: { in: removed.map((r) => r.countryId) } }, select: { iso2: true, name: true } })).map((c) => [c.iso2, c.name]));
  const lines = removed.flatMap((r) => {
    const events = [...(named.get(r.id) ?? [])].filter((e) => !stillRecorded.has(e) && titles.has(e));
    if (!events.length) return [];
    const step = (TREATY_ACTION_LABELS[r.type] ?? r.type).toLowerCase();
    return [`${countries.get(r.countryId) ?? r.countryId}, ${step} (${events.map((e) => `“${titles.get(e)}”`).join(", ")})`];
  });
  return lines.length ? `Events no longer name the treaty actions taken out: ${lines.join("; ")}.` : null;
}

/**
 * Events' staged changes and earlier versions that name a treaty action `from` name `to` instead
 * (the step it was merged into), or no treaty action (null: the step was taken out). A staged
 * change then publishes, and an earlier version restores, without naming a step that is gone.
 */
export async function renameTreatyActions(tx: Tx, renames: ReadonlyArray<{ from: string; to: string | null }>): Promise<void> {
  if (!renames.length) return;
  const [froms, tos] = [renames.map((r) => r.from), renames.map((r) => r.to)];
  const value = `COALESCE(to_jsonb(m.new_id), 'null'::jsonb)`;
  await tx.$executeRawUnsafe(
    `UPDATE "Event" e SET "stagedData" = jsonb_set(e."stagedData", '{treatyActionId}', ${value})
     FROM unnest($1::text[], $2::text[]) AS m(old_id, new_id)
     WHERE e."stagedData" IS NOT NULL AND e."stagedData"->>'treatyActionId' = m.old_id`,
    froms,
    tos,
  );
  await tx.$executeRawUnsafe(
    `UPDATE "Revision" r SET data = jsonb_set(r.data, '{treatyActionId}', ${value})
     FROM unnest($1::text[], $2::text[]) AS m(old_id, new_id)
     WHERE r.kind = 'EVENT'::"ContentKind" AND r.data->>'treatyActionId' = m.old_id`,
    froms,
    tos,
  );
}
