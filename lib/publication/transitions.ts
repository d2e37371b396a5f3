import type { PublicationStatus } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/users/actor";
import { hasRole } from "@/lib/auth/roles";

export type Transition =
  | "create"
  | "edit"
  | "submit"
  | "requestChanges"
  | "withdraw"
  | "publish"
  | "schedule"
  | "unpublish"
  | "retract"
  | "delete"
  | "publishChanges"
  | "restore";


export interface WorkflowItem {
  status: PublicationStatus;
  createdById: string | null;
  firstPublishedAt: Date | null;
  stagedData: unknown;
}

/** Which statuses each transition starts from: DRAFT → IN_REVIEW → PUBLISHED (now or SCHEDULED) → RETRACTED. */
const FROM: Record<Exclude<Transition, "create">, PublicationStatus[]> = {
  edit: ["DRAFT", "IN_REVIEW", "SCHEDULED", "PUBLISHED"],
  restore: ["DRAFT", "IN_REVIEW", "SCHEDULED", "PUBLISHED"],
  submit: ["DRAFT"],
  requestChanges: ["IN_REVIEW"],
  withdraw: ["IN_REVIEW"],
  publish: ["DRAFT", "IN_REVIEW", "SCHEDULED"],
  schedule: ["DRAFT", "IN_REVIEW", "SCHEDULED"],
  unpublish: ["PUBLISHED", "SCHEDULED"],
  retract: ["PUBLISHED"],
  delete: ["DRAFT"],
  publishChanges: ["PUBLISHED"],
};

/** Whether the actor's role allows the transition on this item (status aside). */
export function isAllowedFor(actor: Actor, transition: Transition, item: WorkflowItem | null): boolean {
  // Withdrawing is the author's own step back (a reviewer requests changes instead).
  if (transition === "withdraw") return item !== null && item.createdById === actor.id;
  if (hasRole(actor.role, "EDITOR")) return true;
  if (transition === "create") return hasRole(actor.role, "CONTRIBUTOR");
  // A contributor works on their own drafts only.
  const ownDraft = item !== null && item.createdById === actor.id && item.status === "DRAFT";
  return ownDraft && (transition === "edit" || transition === "submit" || transition === "delete");
}

/** Whether the item's state allows the transition (whoever asks). */
export function isPossibleFrom(transition: Exclude<Transition, "create">, item: WorkflowItem): boolean {
  if (!FROM[transition].includes(item.status)) return false;
  if (transition === "delete") return item.firstPublishedAt === null;
  if (transition === "publishChanges") return item.stagedData !== null && item.stagedData !== undefined;
  return true;
}

/** The buttons the desk offers an actor for an item. */
export function availableTransitions(actor: Actor, item: WorkflowItem): Transition[] {
  const all: Exclude<Transition, "create">[] = ["edit", "submit", "requestChanges", "withdraw", "publish", "schedule", "publishChanges", "unpublish", "retract", "delete", "restore"];
  return all.filter((t) => isAllowedFor(actor, t, item) && isPossibleFrom(t, item));
}
