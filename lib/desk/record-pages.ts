import "server-only";
import { getAgreementForDesk } from "@/lib/agreements/desk-agreements";
import { hasRole } from "@/lib/auth/roles";
import { getEventForEdit } from "@/lib/events/desk-queries";
import type { PublicationStatus } from "@/lib/generated/prisma/enums";
import { getOrganizationForDesk } from "@/lib/organizations/desk-organizations";
import { getPersonForDesk } from "@/lib/people/desk-people";
import { availableTransitions, type Transition, type WorkflowItem } from "@/lib/publication/transitions";
import { listReviewSteps, type ReviewStepView } from "@/lib/publication/review-queries";
import { getStatementForEdit } from "@/lib/statements/desk-queries";
import { getTopicForDesk } from "@/lib/topics/desk-topics";
import type { Actor } from "@/lib/users/actor";
import { loadDeskOptions, referencedIds, type DeskOptions } from "@/lib/desk/options";
import { DESK_KINDS } from "./record-kinds";

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

const optionsFor = async (values: object, labels: Record<string, string> = {}) => {
  const options = await loadDeskOptions(referencedIds(values));
  return { ...options, labels: { ...options.labels, ...labels } };
};

async function loadContent(plural: "events" | "statements", id: string): Promise<RecordForEdit | null> {
  const found = plural === "events" ? await getEventForEdit(id) : await getStatementForEdit(id);
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

const REFERENCE_LOADERS = {
  people: getPersonForDesk,
  organizations: getOrganizationForDesk,
  agreements: getAgreementForDesk,
  topics: getTopicForDesk,
} as const;

/** The record with the values its form edits, or null when there is no such record. */
export async function loadRecordForEdit(plural: string, id: string): Promise<RecordForEdit | null> {
  if (plural === "events" || plural === "statements") return loadContent(plural, id);
  if (!Object.hasOwn(REFERENCE_LOADERS, plural)) return null;
  const found = await REFERENCE_LOADERS[plural as keyof typeof REFERENCE_LOADERS](id);
  if (!found) return null;
  return {
    kind: plural,
    noun: DESK_KINDS[plural]!.noun,
    id: found.id,
    slug: found.slug,
    title: found.values.name,
    version: found.version,
    status: null,
    workflow: null,
    values: found.values,
    options: await optionsFor(found.values, "labels" in found ? found.labels : {}),
    parties: "parties" in found ? found.parties : undefined,
  };
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
