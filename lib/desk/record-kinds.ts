import "server-only";
import { agreementRecord, agreementWrites } from "@/lib/agreements/agreement-record";
import { AppError } from "@/lib/errors/app-error";
import { eventRecord } from "@/lib/events/event-record";
import { eventWorkflow } from "@/lib/events/write-event";
import { organizationRecord, organizationWrites } from "@/lib/organizations/organization-record";
import { personRecord, personWrites } from "@/lib/people/person-record";
import type { ContentKind } from "@/lib/generated/prisma/enums";
import type { ContentWorkflow } from "@/lib/publication/content-workflow";
import type { RecordKind } from "@/lib/records/record-kind";
import type { RecordWrites } from "@/lib/records/record-store";
import { statementRecord } from "@/lib/statements/statement-record";
import { statementWorkflow } from "@/lib/statements/write-statement";
import { topicRecord, topicWrites } from "@/lib/topics/topic-record";

/** One kind of record as the desk reaches it: its kernel kind, its writes, and the editorial workflow when it has one. */
export interface DeskKind {
  noun: string;
  plural: string;
  /** The kind its revisions are kept under. */
  revisions: ContentKind;
  writes: Pick<RecordWrites, "create" | "update" | "restore" | "remove">;
  workflow: ContentWorkflow | null;
  /** Merging a duplicate into another record of the kind: people, organizations, topics and agreements. */
  merge: RecordWrites["merge"] | null;
  /** The kernel's definition of the kind. */
  record: Pick<RecordKind<unknown>, "noun" | "model" | "snapshot">;
}

const named = <I>(record: RecordKind<I>) => ({ noun: record.noun, plural: record.plural, revisions: record.kind, record });
const content = <I>(record: RecordKind<I>, workflow: ContentWorkflow): DeskKind => ({ ...named(record), writes: workflow, workflow, merge: null });
const reference = <I>(record: RecordKind<I>, writes: RecordWrites): DeskKind => ({ ...named(record), writes, workflow: null, merge: record.merging ? writes.merge : null });

/** Every kind of desk record, by the plural that names it in the desk's URLs (/dashboard/people, /api/desk/people). */
export const DESK_KINDS: Record<string, DeskKind> = {
  events: content(eventRecord, eventWorkflow),
  statements: content(statementRecord, statementWorkflow),
  people: reference(personRecord, personWrites),
  organizations: reference(organizationRecord, organizationWrites),
  agreements: reference(agreementRecord, agreementWrites),
  topics: reference(topicRecord, topicWrites),
};

export function deskKind(plural: string): DeskKind {
  const kind = Object.hasOwn(DESK_KINDS, plural) ? DESK_KINDS[plural] : undefined;
  if (!kind) throw new AppError("NOT_FOUND", "There is no such kind of record.");
  return kind;
}
