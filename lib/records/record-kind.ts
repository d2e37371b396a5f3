import type { z } from "zod";
import type { Tx } from "@/lib/db/client";
import type { ContentKind } from "@/lib/generated/prisma/enums";
import type { PublicChange } from "@/lib/cache/revalidate";
import type { Actor } from "@/lib/users/actor";
import type { Merging } from "./merge";

/** The columns every desk record has. */
export const RECORD_COLUMNS = { id: true, slug: true, version: true } as const;
export interface RecordRow {
  id: string;
  slug: string;
  version: number;
}

/**
 * What the kernel asks of a record's Prisma model (`tx.person`, `tx.event`, …):
 * enough to find, claim, check slugs and remove once for every kind.
 */
export interface RecordDelegate {
  findUnique(args: { where: { id: string }; select: typeof RECORD_COLUMNS }): PromiseLike<RecordRow | null>;
  findFirst(args: { where: { slug: string; id?: { not: string } }; select: { id: true } }): PromiseLike<{ id: string } | null>;
  findMany(args: { where: { OR: Array<{ slug: { in: string[] } } | { slug: { startsWith: string } }> }; select: { slug: true } }): PromiseLike<Array<{ slug: string }>>;
  updateMany(args: { where: { id: string; version: number }; data: { version: { increment: number } } }): PromiseLike<{ count: number }>;
  delete(args: { where: { id: string } }): PromiseLike<unknown>;
}

export type RecordAction = "create" | "edit" | "restore" | "delete";

/** Who may do what to records of a kind (the domain's rule; routes only guard the desk as a whole). */
export interface RecordRules {
  may(actor: Actor, action: RecordAction, row: RecordRow | null): boolean;
  /** "Only editors change people." — said when `may` refuses. */
  whoMay: string;
}

/** What each kind is called: in messages, audit rows ("person.update", target "Person") and the desk's URLs. */
export const KIND_NAMES = {
  EVENT: { kind: "EVENT", noun: "event", plural: "events", auditType: "Event" },
  STATEMENT: { kind: "STATEMENT", noun: "statement", plural: "statements", auditType: "Statement" },
  PERSON: { kind: "PERSON", noun: "person", plural: "people", auditType: "Person" },
  ORGANIZATION: { kind: "ORGANIZATION", noun: "organization", plural: "organizations", auditType: "Organization" },
  AGREEMENT: { kind: "AGREEMENT", noun: "agreement", plural: "agreements", auditType: "Agreement" },
  TOPIC: { kind: "TOPIC", noun: "topic", plural: "topics", auditType: "Topic" },
} as const satisfies Record<ContentKind, { kind: ContentKind; noun: string; plural: string; auditType: string }>;

/**
 * One kind of desk record, as the kernel sees it: its schema, its model, and
 * the few things that differ from kind to kind (its columns and relations, the
 * references it checks, what public pages show it). Everything else — slugs,
 * versions, conflicts, revisions, audit, permissions — is written once.
 */
export interface RecordKind<I> {
  kind: ContentKind;
  /** "person": in messages, audit actions ("person.update") and the desk's URLs. */
  noun: string;
  /** "people": the desk's URL segment and lists. */
  plural: string;
  auditType: string;
  schema: z.ZodType<I>;
  model(tx: Tx): RecordDelegate;
  /** What the slug is made from (the name or title). */
  nameOf(input: I): string;
  /** Creates the row with its own columns (relations come from `write`). */
  insert(tx: Tx, row: { slug: string; input: I; actor: Actor }): Promise<{ id: string }>;
  /**
   * Writes the input's columns and relations onto the row. It may return a note for the revision
   * about what the write did to other records (an agreement's step taken out that events named).
   */
  write(tx: Tx, id: string, input: I): Promise<void | { note: string | null }>;
  /** The record as its revision keeps it (and as its form edits it). */
  snapshot(tx: Tx, id: string): Promise<unknown>;
  /** Field errors for references that do not exist, cycles, names already used. */
  check?(tx: Tx, id: string | null, input: I): Promise<Record<string, string[]>>;
  /** Why it cannot be deleted ("3 events use it"), or null. */
  usedBy?(tx: Tx, id: string): Promise<string | null>;
  /** What the public site must expire after a change from `before` to `after` (either may be null). */
  publicChange(tx: Tx, change: { slug: string; before: unknown; after: unknown }): Promise<PublicChange>;
  /** How a duplicate merges into the record kept (people, organizations, topics, agreements; lib/records/merge.ts). */
  merging?: Merging<unknown>;
}
