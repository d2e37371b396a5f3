import "server-only";
import { cachedPublicRead, cachedRecordRead } from "@/lib/cache/cached-read";
import { tags } from "@/lib/cache/tags";
import { db } from "@/lib/db/client";
import { EVENTS_NEWEST_FIRST } from "@/lib/events/event-order";
import { AGREEMENT_SUMMARY_FIELDS, PUBLIC_SOURCES, TREATY_ACTION_FIELDS } from "@/lib/site/public-selects";
import { deriveParticipantStatus, PARTICIPANT_STATUS_ORDER, type ParticipantStatus } from "./participant-status";

/**
 * Public reads of agreements. Agreements are reference records (no workflow), but
 * the events they link to are shown only when published.
 */
const PUBLISHED = { status: "PUBLISHED" } as const;

export async function listPublicAgreements() {
  const agreements = await db.agreement.findMany({
    orderBy: [{ concludedOn: { sort: "desc", nulls: "last" } }, { name: "asc" }],
    select: { ...AGREEMENT_SUMMARY_FIELDS, actions: { select: { countryId: true } } },
  });
  return agreements.map(({ actions, ...a }) => ({ ...a, partyCount: new Set(actions.map((x) => x.countryId)).size }));
}

export async function findPublicAgreement(slug: string) {
  const agreement = await db.agreement.findUnique({
    where: { slug },
    select: {
      id: true,
      ...AGREEMENT_SUMMARY_FIELDS,
      body: true,
      wikidataId: true,
      children: { orderBy: { name: "asc" }, select: { slug: true, name: true, kind: true, concludedOn: true, concludedPrecision: true } },
      sources: PUBLIC_SOURCES,
      actions: {
        orderBy: [{ date: "asc" }, { id: "asc" }],
        select: {
          ...TREATY_ACTION_FIELDS,
          viaAgreement: { select: { slug: true, name: true } },
          country: { select: { iso2: true, name: true, numeric: true, wikidataId: true } },
          event: { select: { slug: true, title: true, status: true } },
        },
      },
      events: {
        where: PUBLISHED,
        orderBy: EVENTS_NEWEST_FIRST,
        select: { id: true, slug: true, title: true, type: true, date: true, datePrecision: true, dateApproximate: true, occurrence: true },
      },
    },
  });
  if (!agreement) return null;
  // A treaty action may point at an event that is not (or no longer) published: drop the link, keep the action.
  const actions = agreement.actions.map(({ event, ...action }) => ({
    ...action,
    event: event && event.status === "PUBLISHED" ? { slug: event.slug, title: event.title } : null,
  }));
  const byCountry = new Map<string, { country: (typeof actions)[number]["country"]; actions: typeof actions }>();
  for (const action of actions) {
    const entry = byCountry.get(action.country.iso2) ?? { country: action.country, actions: [] };
    entry.actions.push(action);
    byCountry.set(action.country.iso2, entry);
  }
  const parties = [...byCountry.values()]
    .map((p) => ({ ...p, status: deriveParticipantStatus(p.actions) as ParticipantStatus }))
    .sort((x, y) => PARTICIPANT_STATUS_ORDER.indexOf(x.status) - PARTICIPANT_STATUS_ORDER.indexOf(y.status) || x.country.name.localeCompare(y.country.name));
  return { ...agreement, actions, parties };
}

export type PublicAgreement = NonNullable<Awaited<ReturnType<typeof findPublicAgreement>>>;

export const getPublicAgreements = cachedPublicRead("agreements-index", listPublicAgreements, () => [tags.agreementLists]);
export const getPublicAgreement = cachedRecordRead("agreement", findPublicAgreement, (slug: string) => [
  tags.agreement(slug),
  tags.agreementLists,
  tags.eventLists,
]);
