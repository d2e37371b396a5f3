/**
 * A party's standing on an agreement, derived from its treaty actions (never
 * stored, so it cannot disagree with them). The highest step taken since the
 * party last withdrew wins; a withdrawal that is the latest step leaves it
 * withdrawn. Undated actions count as taken but are ordered after dated ones.
 */
export type TreatyActionKind =
  | "INTENT_ANNOUNCED"
  | "SIGNATURE"
  | "RATIFICATION"
  | "ACCESSION"
  | "ENTRY_INTO_FORCE"
  | "WITHDRAWAL"
  | "JOINED_THROUGH_RELATED_INSTRUMENT";

export type ParticipantStatus = "INTENT_ANNOUNCED" | "JOINED_THROUGH_RELATED" | "SIGNED" | "RATIFIED" | "ACCEDED" | "IN_FORCE" | "WITHDRAWN";

const STEP: Record<Exclude<TreatyActionKind, "WITHDRAWAL">, { rank: number; status: ParticipantStatus }> = {
  INTENT_ANNOUNCED: { rank: 1, status: "INTENT_ANNOUNCED" },
  // Beyond an intent, but not a step on this agreement's own text: a signature outranks it.
  JOINED_THROUGH_RELATED_INSTRUMENT: { rank: 1.5, status: "JOINED_THROUGH_RELATED" },
  SIGNATURE: { rank: 2, status: "SIGNED" },
  RATIFICATION: { rank: 3, status: "RATIFIED" },
  ACCESSION: { rank: 3, status: "ACCEDED" },
  ENTRY_INTO_FORCE: { rank: 4, status: "IN_FORCE" },
};

export const PARTICIPANT_STATUS_LABELS: Record<ParticipantStatus, string> = {
  INTENT_ANNOUNCED: "Announced intent to join",
  JOINED_THROUGH_RELATED: "Joined through a related instrument",
  SIGNED: "Signed",
  RATIFIED: "Ratified",
  ACCEDED: "Acceded",
  IN_FORCE: "In force",
  WITHDRAWN: "Withdrawn",
};

/** Strongest first: the order used for legends and sorting parties. */
export const PARTICIPANT_STATUS_ORDER: ParticipantStatus[] = [
  "IN_FORCE",
  "RATIFIED",
  "ACCEDED",
  "SIGNED",
  "JOINED_THROUGH_RELATED",
  "INTENT_ANNOUNCED",
  "WITHDRAWN",
];

export function deriveParticipantStatus(actions: Array<{ type: TreatyActionKind; date: Date | null }>): ParticipantStatus | null {
  if (actions.length === 0) return null;
  const ordered = actions
    .map((action, index) => ({ ...action, index }))
    .sort((a, b) => {
      if (a.date && b.date) return a.date.getTime() - b.date.getTime() || a.index - b.index;
      if (a.date) return -1;
      if (b.date) return 1;
      return a.index - b.index;
    });
  let lastWithdrawal = -1;
  ordered.forEach((action, i) => {
    if (action.type === "WITHDRAWAL") lastWithdrawal = i;
  });
  const since = ordered.slice(lastWithdrawal + 1);
  if (since.length === 0) return "WITHDRAWN";
  let best: { rank: number; status: ParticipantStatus } | null = null;
  for (const action of since) {
    if (action.type === "WITHDRAWAL") continue;
    const step = STEP[action.type];
    if (!best || step.rank > best.rank) best = step;
  }
  return best?.status ?? "WITHDRAWN";
}

/** Status per party (the desk's agreement page): groups actions by country. */
export function deriveParticipantStatuses<T extends { countryId: string; type: TreatyActionKind; date: Date | null }>(actions: T[]): Map<string, ParticipantStatus> {
  const byCountry = new Map<string, T[]>();
  for (const action of actions) byCountry.set(action.countryId, [...(byCountry.get(action.countryId) ?? []), action]);
  const out = new Map<string, ParticipantStatus>();
  for (const [country, list] of byCountry) {
    const status = deriveParticipantStatus(list);
    if (status) out.set(country, status);
  }
  return out;
}
