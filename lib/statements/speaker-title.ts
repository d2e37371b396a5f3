import { titleThen, type OfficeSpan } from "@/lib/people/offices";

/** What a statement query selects of its speaker so the title *then* can be worked out. */
export const SPEAKER_WITH_OFFICES = {
  slug: true,
  name: true,
  offices: { select: { title: true, startDate: true, startPrecision: true, endDate: true, endPrecision: true } },
} as const;

type WithOffices = { offices: OfficeSpan[] };

/**
 * A statement shows its speaker's title on the day it was said: the office the
 * speaker held then (the one typed at the desk if it is among them), else the
 * title typed. The offices themselves are not passed on.
 */
export function withSpeakerTitleThen<T extends { speakerTitle: string | null; saidOn: Date | null; speaker: WithOffices | null }>(
  row: T,
): Omit<T, "speaker"> & { speaker: Omit<NonNullable<T["speaker"]>, "offices"> | null } {
  const { speaker, ...rest } = row;
  if (!speaker) return { ...rest, speaker: null };
  const { offices, ...person } = speaker as NonNullable<T["speaker"]>;
  return { ...rest, speakerTitle: titleThen(offices, row.saidOn, row.speakerTitle), speaker: person };
}
