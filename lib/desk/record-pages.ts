import "server-only";
import { agreementParties } from "@/lib/agreements/desk-agreements";
import { hasRole } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { eventRecord } from "@/lib/events/event-record";
import type { PublicationStatus } from "@/lib/generated/prisma/enums";
import { availableTransitions, type Transition, type WorkflowItem } from "@/lib/publication/transitions";
import { listReviewSteps, type ReviewStepView } from "@/lib/publication/review-queries";
import { statementRecord } from "@/lib/statements/statement-record";
import { isRecordId } from "@/lib/records/fields";
import { WORKFLOW_COLUMNS, type ContentKind } from "@/lib/publication/content-workflow";
import type { Actor } from "@/lib/users/actor";
import { loadDeskOptions, referencedIds, type DeskOptions } from "@/lib/desk/options";
import { RECORD_COLUMNS } from "@/lib/records/record-kind";
import { DESK_KINDS, deskKind } from "./record-kinds";

/** A record as its edit page shows it, whatever its kind. */
export interface RecordForEdit {
  kind: string;
  noun: string;
  id: string;
  slug: string;
  title: string;
  version: number;
  /** null for records public as soon as they are saved (they have no workflow). */
  status: PublicationStatus | null;
  workflow: (WorkflowItem & { scheduledAt: Date | null; retractionReason: string | null; createdBy: string | null; stagedBy: string | null }) | null;
  values: object;
  options: DeskOptions;
  /** Events and statements: the review conversation, oldest first. */
  reviewSteps?: ReviewStepView[];
  /** Agreements: each party's status, derived from its treaty actions. */
  parties?: Array<{ countryId: string; name: string; status: string }>;
}

const optionsFor = (values: object) => loadDeskOptions(referencedIds(values));

const EDIT_COLUMNS = {
  ...WORKFLOW_COLUMNS,
  publishedAt: true,
  retractedAt: true,
  retractionReason: true,
  stagedAt: true,
  updatedAt: true,
  createdBy: { select: { name: true } },
  stagedBy: { select: { name: true } },
} as const;

/** A piece of content as its edit form needs it: the staged edit of a published item, else the row. */
async function contentForEdit<I extends { title: string; sources: unknown[] }>(kind: ContentKind<I>, id: string) {
  if (!isRecordId(id)) return null;
  const args = { where: { id }, select: EDIT_COLUMNS };
  const row = kind.noun === "event" ? await db.event.findUnique(args) : await db.statement.findUnique(args);
  if (!row) return null;
  const staged = row.stagedData ? kind.schema.safeParse(row.stagedData) : null;
  const values: I = staged?.success ? staged.data : await db.$transaction((tx) => kind.snapshot(tx, id));
  return { row, values };
}

async function loadContent(plural: "events" | "statements", id: string): Promise<RecordForEdit | null> {
  const found = plural === "events" ? await contentForEdit(eventRecord, id) : await contentForEdit(statementRecord, id);
  if (!found) return null;
  const { row, values } = found;
  return {
    kind: plural,
    noun: DESK_KINDS[plural]!.noun,
    id: row.id,
    slug: row.slug,
    title: row.title,
    version: row.version,
    status: row.status,
    workflow: { ...row, createdBy: row.createdBy?.name ?? null, stagedBy: row.stagedBy?.name ?? null },
    values,
    options: await optionsFor(values),
    reviewSteps: await listReviewSteps({ kind: DESK_KINDS[plural]!.revisions, entityId: row.id }),
  };
}

/** A record without a workflow, as its form edits it: its revision snapshot, read with its version. */
async function loadPlain(plural: string, id: string): Promise<RecordForEdit | null> {
  const record = deskKind(plural).record;
  if (!isRecordId(id)) return null;
  const found = await db.$transaction(async (tx) => {
    const row = await record.model(tx).findUnique({ where: { id }, select: RECORD_COLUMNS });
    return row ? { row, values: (await record.snapshot(tx, id)) as { name: string } } : null;
  });
  if (!found) return null;
  const options = await optionsFor(found.values);
  return {
    kind: plural,
    noun: record.noun,
    id,
    slug: found.row.slug,
    title: found.values.name,
    version: found.row.version,
    status: null,
    workflow: null,
    values: found.values,
    options,
    parties: plural === "agreements" ? await agreementParties(id) : undefined,
  };
}

/** The record with the values its form edits, or null when there is no such record. */
export async function loadRecordForEdit(plural: string, id: string): Promise<RecordForEdit | null> {
  if (plural === "events" || plural === "statements") return loadContent(plural, id);
  return Object.hasOwn(DESK_KINDS, plural) ? loadPlain(plural, id) : null;
}

/** What an actor may do to a record: the workflow's table for content, editors only for the rest. */
export function transitionsFor(actor: Actor, record: Pick<RecordForEdit, "workflow"> | null): Transition[] {
  if (record?.workflow) return availableTransitions(actor, record.workflow);
  if (!hasRole(actor.role, "EDITOR")) return [];
  return record ? ["edit", "restore", "delete"] : ["edit"];
}

/** The values a new record's form starts with. */
export const BLANK_VALUES: Record<string, object> = {
  events: { datePrecision: "DAY", occurrence: "OCCURRED" },
  statements: { saidPrecision: "DAY", language: "en", attribution: "ON_RECORD", quoteType: "DIRECT" },
  people: { name: "", countryId: "", wikidataId: "", description: "", offices: [] },
  organizations: { name: "", acronym: "", kind: "INTERGOVERNMENTAL", wikidataId: "", countryId: "", description: "", members: [] },
  agreements: { name: "", kind: "TREATY", summary: "", concluded: "", parentId: "", wikidataId: "", sources: [], actions: [] },
  topics: { name: "", description: "" },
};

/** Content anyone at the desk may draft; the other kinds only editors create. */
export const newRecordRole = (plural: string) => (DESK_KINDS[plural]?.workflow ? "CONTRIBUTOR" : "EDITOR");
