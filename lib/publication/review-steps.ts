import type { Tx } from "@/lib/db/client";
import type { ContentKind } from "@/lib/generated/prisma/enums";
import { badCharacterMessage } from "@/lib/records/fields";

/** The steps of the review conversation, as the item's page and the audit log name them. */
export const REVIEW_STEP_LABELS: Record<string, string> = {
  submit: "Submitted for review",
  request_changes: "Requested changes",
  withdraw: "Withdrew it from review",
  publish: "Published",
  schedule: "Scheduled",
  unpublish: "Unpublished",
  retract: "Retracted",
  publish_changes: "Published changes",
};

export const REVIEW_NOTE_MAX = 4000;

/** What is wrong with a review note, or null. A note asking for changes must say what to change. */
export function reviewNoteProblem(note: string, options: { isRequired: boolean }): string | null {
  if (options.isRequired && note.length === 0) return "Say what should change, so the author knows what to do.";
  if (note.length > REVIEW_NOTE_MAX) return `Keep the note under ${REVIEW_NOTE_MAX} characters.`;
  return badCharacterMessage(note);
}

/** Keeps one step of the conversation, in the transaction of the transition it belongs to. */
export async function recordReviewStep(
  tx: Tx,
  step: { kind: ContentKind; entityId: string; action: string; note?: string | null; version: number; actorId: string | null },
): Promise<void> {
  const note = step.note?.trim() ? step.note.trim() : null;
  await tx.reviewStep.create({
    data: { kind: step.kind, entityId: step.entityId, action: step.action, note, version: step.version, actorId: step.actorId },
  });
}
