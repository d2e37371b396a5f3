import type { TreatyActionType } from "@/lib/generated/prisma/enums";

export type ParticipantStatus = "INTENT_ANNOUNCED" | "SIGNED" | "RATIFIED" | "ACCEDED" | "IN_FORCE" | "WITHDRAWN";

export const PARTICIPANT_STATUS_LABELS: Record<ParticipantStatus, string> = {
  INTENT_ANNOUNCED: "Intent announced",
  SIGNED: "Signed",
  RATIFIED: "Ratified",
  ACCEDED: "Acceded",
  IN_FORCE: "In force",
  WITHDRAWN: "Withdrawn",
};

const STATUS_OF: Record<TreatyActionType, ParticipantStatus> = {
  INTENT_ANNOUNCED: "INTENT_ANNOUNCED",
  SIGNATURE: "SIGNED",
  RATIFICATION: "RATIFIED",
  ACCESSION: "ACCEDED",
  ENTRY_INTO_FORCE: "IN_FORCE",
  WITHDRAWAL: "WITHDRAWN",
};

/** How far along the way to being bound each step is; withdrawal is handled apart. */
const STAGE: Record<TreatyActionType, number> = {
  INTENT_ANNOUNCED: 1,
  SIGNATURE: 2,
  RATIFICATION: 3,
  ACCESSION: 3,
  ENTRY_INTO_FORCE: 4,
  WITHDRAWAL: 5,
};

export interface StatusAction {
  type: TreatyActionType;
  date: Date | null;
}

/**
 * A party's status on an agreement, derived from its treaty actions: the
 * furthest step reached (intent → signed → ratified/acceded → in force), or
 * withdrawn after a withdrawal. Actions are read in date order (same-day and
 * undated ones in the order of the steps), so a later step never goes back —
 * a signature recorded after ratification does not undo it — while a new step
 * after a withdrawal starts the party again. Null when it has no actions.
 */
export function deriveParticipantStatus(actions: StatusAction[]): ParticipantStatus | null {
  const ordered = [...actions].sort((a, b) => {
    const at = a.date?.getTime() ?? Number.POSITIVE_INFINITY;
    const bt = b.date?.getTime() ?? Number.POSITIVE_INFINITY;
    return at !== bt ? at - bt : STAGE[a.type] - STAGE[b.type];
  });
  let status: ParticipantStatus | null = null;
  let stage = 0;
  for (const action of ordered) {
    if (action.type === "WITHDRAWAL") {
      // One cannot withdraw from what one never joined; a lone withdrawal is still recorded as such.
      status = "WITHDRAWN";
      stage = 0;
      continue;
    }
    if (STAGE[action.type] >= stage) {
      status = STATUS_OF[action.type];
      stage = STAGE[action.type];
    }
  }
  return status;
}

/** Status per party: groups actions by country. */
export function deriveParticipantStatuses<T extends StatusAction & { countryId: string }>(actions: T[]): Map<string, ParticipantStatus> {
  const byCountry = new Map<string, T[]>();
  for (const action of actions) byCountry.set(action.countryId, [...(byCountry.get(action.countryId) ?? []), action]);
  const out = new Map<string, ParticipantStatus>();
  for (const [country, list] of byCountry) {
    const status = deriveParticipantStatus(list);
    if (status) out.set(country, status);
  }
  return out;
}
