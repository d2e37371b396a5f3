import type { Tx } from "@/lib/db/client";
import type { AppError } from "@/lib/errors/app-error";
import type { ContentKind } from "@/lib/generated/prisma/enums";

/**
 * Merging a duplicate person, organization, topic or agreement into the one to keep (docs/desk.md, "Merging
 * duplicates"). The kernel's `merge` (record-store.ts) runs it in one transaction: the kept
 * record takes the duplicate's missing facts through its own write (a revision and an audit
 * row), everything that named the duplicate names the kept one, its staged edits and
 * revisions too, its public address redirects, and the duplicate is removed.
 */
export interface Repointed {
  /** Events whose participants (or topics) named the duplicate. */
  events: string[];
  /** Statements it spoke (or that were filed under it). */
  statements: string[];
  /** People whose offices were held at it. */
  people: string[];
  /** Agreements that were part of it, or whose parties joined them through it. */
  agreements: string[];
}

/** The two records of a merge: ids and values (their snapshots), the duplicate's and the one kept. */
export interface MergePair<V> {
  kept: { id: string; values: V };
  duplicate: { id: string; values: V };
}

/** What a kind needs to be merged: how two records' values combine, and what refers to it. */
export interface Merging<V> {
  /**
   * The kept record's values with what only the duplicate knew added (the kept one's win). Values
   * that name the duplicate itself (an agreement's party that joined it through the other) name
   * the kept record: they are written after the duplicate's references have been repointed.
   */
  combine(kept: V, duplicate: V, ids: { kept: string; duplicate: string }): V;
  /**
   * Why these two cannot be merged, before anything changes (an agreement merged into one of its
   * own parts; two records that disagree about a fact), or null.
   */
  refusal?(tx: Tx, pair: MergePair<V>): Promise<AppError | null>;
  /** Points everything that names `from` at `to` (a row that would then name `to` twice is dropped). */
  repoint(tx: Tx, from: string, to: string): Promise<Repointed>;
}

/** The kept record's values, each of `fields` that it leaves empty taken from the duplicate. */
export function filledIn<V extends Record<K, string>, K extends keyof V>(kept: V, duplicate: V, fields: readonly K[]): V {
  const out = { ...kept };
  for (const field of fields) if (!kept[field].trim()) out[field] = duplicate[field];
  return out;
}

/** The kept rows, then the duplicate's rows the kept record does not have already (compared by `key`). */
export function unionBy<T>(kept: readonly T[], duplicate: readonly T[], key: (row: T) => string): T[] {
  const seen = new Set(kept.map(key));
  return [...kept, ...duplicate.filter((row) => !seen.has(key(row)))];
}

const ids = (rows: Array<{ id: string }>) => rows.map((r) => r.id);
const unique = (list: string[]) => [...new Set(list)];

/** A table linking an item (`owner`) to a record (`column`): an event's participants, an event's or a statement's topics. */
export type Link =
  | { table: "EventParticipant"; owner: "eventId"; column: "personId" | "organizationId" }
  | { table: "EventTopic"; owner: "eventId"; column: "topicId" }
  | { table: "StatementTopic"; owner: "statementId"; column: "topicId" };

/** The link rows naming `from` moved to `to`; where the item links `to` already, dropped. The items' ids. */
export async function repointLinks(tx: Tx, link: Link, from: string, to: string): Promise<string[]> {
  const [table, owner, col] = [`"${link.table}"`, `"${link.owner}"`, `"${link.column}"`];
  const dropped = await tx.$queryRawUnsafe<Array<{ id: string }>>(
    `DELETE FROM ${table} d WHERE d.${col} = $1 AND EXISTS (SELECT 1 FROM ${table} t WHERE t.${owner} = d.${owner} AND t.${col} = $2) RETURNING d.${owner} AS id`,
    from,
    to,
  );
  const moved = await tx.$queryRawUnsafe<Array<{ id: string }>>(`UPDATE ${table} SET ${col} = $2 WHERE ${col} = $1 RETURNING ${owner} AS id`, from, to);
  return unique([...ids(dropped), ...ids(moved)]);
}

/**
 * The id in staged edits and in the revisions of the records that named it: a staged edit then
 * publishes, and an earlier version restores, with the kept record in its place. Ids are cuids
 * (letters and digits), so the quoted id matches only itself.
 */
export async function repointHistory(tx: Tx, from: string, to: string, named: Repointed): Promise<Repointed> {
  const [quotedFrom, quotedTo] = [JSON.stringify(from), JSON.stringify(to)];
  const staged = async (table: "Event" | "Statement") =>
    ids(
      await tx.$queryRawUnsafe<Array<{ id: string }>>(
        `UPDATE "${table}" SET "stagedData" = replace("stagedData"::text, $1, $2)::jsonb WHERE "stagedData" IS NOT NULL AND strpos("stagedData"::text, $1) > 0 RETURNING id`,
        quotedFrom,
        quotedTo,
      ),
    );
  const all: Repointed = {
    events: unique([...named.events, ...(await staged("Event"))]),
    statements: unique([...named.statements, ...(await staged("Statement"))]),
    people: named.people,
    agreements: named.agreements,
  };
  const kinds: Array<[ContentKind, string[]]> = [
    ["EVENT", all.events],
    ["STATEMENT", all.statements],
    ["PERSON", all.people],
    ["AGREEMENT", all.agreements],
  ];
  for (const [kind, entityIds] of kinds) {
    if (!entityIds.length) continue;
    await tx.$executeRawUnsafe(
      `UPDATE "Revision" SET data = replace(data::text, $1, $2)::jsonb WHERE kind = $3::"ContentKind" AND "entityId" = ANY($4::text[]) AND strpos(data::text, $1) > 0`,
      quotedFrom,
      quotedTo,
      kind,
      entityIds,
    );
  }
  return all;
}

/**
 * The duplicate's public address, and every address that led to it, now lead to the kept record.
 * Its id too: the open data API finds an item by slug or by id (lib/api/public-reads.ts), and a
 * consumer that kept the id it was given is redirected as one that kept the slug is. (A cuid is
 * never a slug of another record in practice; a record read by that key would win anyway.)
 */
export async function redirectAddress(tx: Tx, kind: ContentKind, from: { id: string; slug: string }, to: string): Promise<void> {
  await tx.mergedSlug.updateMany({ where: { kind, targetId: from.id }, data: { targetId: to } });
  for (const slug of new Set([from.slug, from.id])) {
    await tx.mergedSlug.upsert({ where: { kind_slug: { kind, slug } }, create: { kind, slug, targetId: to }, update: { targetId: to, mergedAt: new Date() } });
  }
}
