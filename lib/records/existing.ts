import type { Tx } from "@/lib/db/client";

/**
 * Which of the ids some records refer to exist: one query per table for any
 * number of records, so a batch of a thousand is checked like a single save.
 */
export interface WantedIds {
  countries?: Array<string | null | undefined>;
  organizations?: Array<string | null | undefined>;
  people?: Array<string | null | undefined>;
  topics?: Array<string | null | undefined>;
  events?: Array<string | null | undefined>;
  agreements?: Array<string | null | undefined>;
}

export type ExistingIds = Record<keyof WantedIds, Set<string>>;

const distinct = (ids: Array<string | null | undefined> | undefined) => [...new Set((ids ?? []).filter((id): id is string => !!id))];

export async function existingIds(tx: Tx, wanted: WantedIds): Promise<ExistingIds> {
  const ask = async (ids: string[], find: (ids: string[]) => Promise<Array<{ id: string }>>) => new Set(ids.length ? (await find(ids)).map((row) => row.id) : []);
  const select = { id: true } as const;
  return {
    countries: await ask(distinct(wanted.countries), async (ids) => (await tx.country.findMany({ where: { iso2: { in: ids } }, select: { iso2: true } })).map((c) => ({ id: c.iso2 }))),
    organizations: await ask(distinct(wanted.organizations), (ids) => tx.organization.findMany({ where: { id: { in: ids } }, select })),
    people: await ask(distinct(wanted.people), (ids) => tx.person.findMany({ where: { id: { in: ids } }, select })),
    topics: await ask(distinct(wanted.topics), (ids) => tx.topic.findMany({ where: { id: { in: ids } }, select })),
    events: await ask(distinct(wanted.events), (ids) => tx.event.findMany({ where: { id: { in: ids } }, select })),
    agreements: await ask(distinct(wanted.agreements), (ids) => tx.agreement.findMany({ where: { id: { in: ids } }, select })),
  };
}

/** Whether every one of the ids is among those found. */
export const allFound = (ids: string[], found: Set<string>) => ids.every((id) => found.has(id));
