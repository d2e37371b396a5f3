import { filledIn, unionBy } from "@/lib/records/merge";
import type { AgreementFormValues } from "./agreement-input";

/**
 * The parties' treaty actions of two agreements merged into one (lib/records/merge.ts): the kept
 * agreement's steps, each step the duplicate records too kept once, and the steps only the
 * duplicate records added. Where the two date one step differently (the same party ratifying on
 * two days), neither is picked: the step is a disagreement, and the merge is refused naming it.
 */
export type TreatyActionValues = AgreementFormValues["actions"][number];

/** One step of a party, whatever its date: the same party, the same kind of step, through the same instrument. */
const stepOf = (a: TreatyActionValues) => `${a.countryId}|${a.type}|${a.viaAgreementId}`;

/** Two dates ("1994", "1994-02", "1994-02-14") that may be one day: one is unknown, or lies within the other. */
export const mayBeOneDay = (a: string, b: string) => !a || !b || a.startsWith(b) || b.startsWith(a);

/** The kept record's date, or the duplicate's where it is the same date known more exactly ("1994" → "1994-02-14") or the kept one has none. */
export const moreExact = (kept: string, duplicate: string) => (duplicate.startsWith(kept) ? duplicate : kept);

/** The kept row of a step both record, with what only the duplicate's says: its note, event, sources, the day of a date it knew only to the month or year. */
function together(kept: TreatyActionValues, duplicate: TreatyActionValues): TreatyActionValues {
  return {
    ...filledIn(kept, duplicate, ["note", "eventId", "unconfirmedNote"]),
    date: moreExact(kept.date, duplicate.date),
    sources: unionBy(kept.sources, duplicate.sources, (s) => s.url),
  };
}

export interface MergedTreatyActions {
  actions: TreatyActionValues[];
  /** The duplicate's rows of a step the kept agreement records too, and the kept row each is merged into (by row id). */
  replaced: Array<{ from: string; to: string }>;
  /** Steps the two agreements date differently: the kept one's rows and the duplicate's. */
  disagreements: Array<{ kept: TreatyActionValues[]; duplicate: TreatyActionValues[] }>;
}

export function mergeTreatyActions(kept: readonly TreatyActionValues[], duplicate: readonly TreatyActionValues[]): MergedTreatyActions {
  // Each duplicate row is paired with a kept row of its step on the same day, else on a day its date allows; each kept row once.
  const pairs = new Map<number, TreatyActionValues>();
  const unpaired: TreatyActionValues[] = [];
  for (const row of duplicate) {
    const free = kept.flatMap((k, i) => (!pairs.has(i) && stepOf(k) === stepOf(row) && mayBeOneDay(k.date, row.date) ? [i] : []));
    const match = free.find((i) => kept[i]!.date === row.date) ?? free[0];
    if (match === undefined) unpaired.push(row);
    else pairs.set(match, row);
  }
  // A kept row of the step left without a pair dates it on a day the duplicate's row cannot be:
  // the two disagree. A step the kept agreement does not record at all (a second withdrawal) is added.
  const keptLeft = kept.filter((_, i) => !pairs.has(i));
  const disagreements = new Map<string, { kept: TreatyActionValues[]; duplicate: TreatyActionValues[] }>();
  const added: TreatyActionValues[] = [];
  for (const row of unpaired) {
    const step = stepOf(row);
    const theirs = keptLeft.filter((k) => stepOf(k) === step);
    if (!theirs.length) {
      added.push(row);
      continue;
    }
    const entry = disagreements.get(step) ?? { kept: theirs, duplicate: [] };
    entry.duplicate.push(row);
    disagreements.set(step, entry);
  }
  const replaced = [...pairs].flatMap(([i, row]) => (row.id && kept[i]!.id ? [{ from: row.id, to: kept[i]!.id }] : []));
  return { actions: [...kept.map((k, i) => (pairs.has(i) ? together(k, pairs.get(i)!) : k)), ...added], replaced, disagreements: [...disagreements.values()] };
}
