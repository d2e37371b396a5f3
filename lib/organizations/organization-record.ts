import type { Tx } from "@/lib/db/client";
import { partialDateText, toDay } from "@/lib/records/fields";
import { countryCodesIn, editorsOnly } from "@/lib/records/permissions";
import { KIND_NAMES, type RecordKind } from "@/lib/records/record-kind";
import { recordWrites } from "@/lib/records/record-store";
import { filledIn, repointLinks, unionBy } from "@/lib/records/merge";
import { isSameTerm } from "@/lib/people/offices";
import { OrganizationInputSchema, type OrganizationFormValues, type OrganizationInput } from "./organization-input";

export async function snapshotOrganization(tx: Tx, id: string): Promise<OrganizationFormValues> {
  const o = await tx.organization.findUniqueOrThrow({ where: { id }, include: { members: { orderBy: { countryId: "asc" } } } });
  return {
    name: o.name,
    acronym: o.acronym ?? "",
    kind: o.kind,
    wikidataId: o.wikidataId ?? "",
    countryId: o.countryId ?? "",
    description: o.description ?? "",
    members: o.members.map((m) => ({ countryId: m.countryId, joinedOn: partialDateText(m.joinedOn), leftOn: partialDateText(m.leftOn) })),
  };
}

const columns = (input: OrganizationInput) => ({
  name: input.name,
  acronym: input.acronym,
  kind: input.kind,
  wikidataId: input.wikidataId,
  countryId: input.countryId,
  description: input.description,
});

/** Organizations: the UN, the EU, a ministry — with their member countries. */
export const organizationRecord: RecordKind<OrganizationInput> = {
  ...KIND_NAMES.ORGANIZATION,
  schema: OrganizationInputSchema,
  model: (tx) => tx.organization,
  nameOf: (input) => input.name,
  insert: (tx, { slug, input }) => tx.organization.create({ data: { slug, ...columns(input) }, select: { id: true } }),
  async write(tx, id, input) {
    await tx.organization.update({ where: { id }, data: columns(input) });
    await tx.organizationMember.deleteMany({ where: { organizationId: id } });
    await tx.organizationMember.createMany({
      data: input.members.map((m) => ({ organizationId: id, countryId: m.countryId, joinedOn: toDay(m.joinedOn), leftOn: toDay(m.leftOn) })),
    });
  },
  snapshot: snapshotOrganization,
  async check(tx, _id, input) {
    const wanted = [input.countryId, ...input.members.map((m) => m.countryId)].filter((c): c is string => Boolean(c));
    const known = new Set((await tx.country.findMany({ where: { iso2: { in: wanted } }, select: { iso2: true } })).map((c) => c.iso2));
    const errors: Record<string, string[]> = {};
    if (input.countryId && !known.has(input.countryId)) errors.countryId = ["Choose a country from the list."];
    input.members.forEach((m, i) => {
      if (!known.has(m.countryId)) errors[`members.${i}.countryId`] = ["Choose a country from the list."];
    });
    return errors;
  },
  async usedBy(tx, id) {
    const { _count } = await tx.organization.findUniqueOrThrow({ where: { id }, select: { _count: { select: { offices: true, participations: true } } } });
    const uses = [
      _count.offices && `${_count.offices} office${_count.offices === 1 ? "" : "s"} held by people`,
      _count.participations && `${_count.participations} event participation${_count.participations === 1 ? "" : "s"}`,
    ].filter(Boolean);
    return uses.length ? `${uses.join(" and ")} refer to it` : null;
  },
  publicChange: async (_tx, { slug, before, after }) => ({ organizations: [slug], countries: countryCodesIn(before, after) }),

  merging: {
    combine(kept, duplicate) {
      const [k, d] = [kept as OrganizationFormValues, duplicate as OrganizationFormValues];
      return {
        ...filledIn(k, d, ["acronym", "wikidataId", "countryId", "description"]),
        // "Other" is what an import's new organization starts as: the duplicate's kind says more.
        kind: k.kind === "OTHER" ? d.kind : k.kind,
        members: unionBy(k.members, d.members, (m) => m.countryId),
      } satisfies OrganizationFormValues;
    },
    async repoint(tx, from, to) {
      const events = await repointLinks(tx, { table: "EventParticipant", owner: "eventId", column: "organizationId" }, from, to);
      // A person who held one term at both (their office recorded under each name) keeps the kept
      // organization's: two overlapping terms of one office would leave a person the form refuses.
      // Read first: whether two terms overlap (a bound known to the month or year) is offices.ts's to say.
      const moving = await tx.office.findMany({ where: { organizationId: from } });
      const held = moving.length ? await tx.office.findMany({ where: { organizationId: to, personId: { in: [...new Set(moving.map((o) => o.personId))] } } }) : [];
      const twice = moving.filter((o) => held.some((h) => h.personId === o.personId && isSameTerm(h, { ...o, organizationId: to })));
      if (twice.length) await tx.office.deleteMany({ where: { id: { in: twice.map((o) => o.id) } } });
      await tx.office.updateMany({ where: { organizationId: from }, data: { organizationId: to } });
      return { events, statements: [], people: [...new Set(moving.map((o) => o.personId))], agreements: [] };
    },
  },
};

export const organizationWrites = recordWrites(organizationRecord, editorsOnly("organizations"));
export const { create: createOrganization, update: updateOrganization, restore: restoreOrganization, remove: deleteOrganization } = organizationWrites;
