import type { Tx } from "@/lib/db/client";
import { parsePartialDate, partialDateText } from "@/lib/records/fields";
import { countryCodesIn, editorsOnly } from "@/lib/records/permissions";
import { KIND_NAMES, type RecordKind } from "@/lib/records/record-kind";
import { recordWrites } from "@/lib/records/record-store";
import { filledIn, repointLinks } from "@/lib/records/merge";
import { isSameTerm, type HeldOffice } from "./offices";
import { PersonInputSchema, type PersonFormValues, type PersonInput } from "./person-input";

export async function snapshotPerson(tx: Tx, id: string): Promise<PersonFormValues> {
  const p = await tx.person.findUniqueOrThrow({ where: { id }, include: { offices: { orderBy: { position: "asc" } } } });
  return {
    name: p.name,
    countryId: p.countryId ?? "",
    wikidataId: p.wikidataId ?? "",
    description: p.description ?? "",
    offices: p.offices.map((o) => ({
      title: o.title,
      countryId: o.countryId ?? "",
      organizationId: o.organizationId ?? "",
      start: partialDateText(o.startDate, o.startPrecision),
      end: partialDateText(o.endDate, o.endPrecision),
    })),
  };
}

/** An office of the form as offices.ts compares them (a date that cannot be read is no bound). */
function heldOffice(o: PersonFormValues["offices"][number]): HeldOffice {
  const [start, end] = [parsePartialDate(o.start), parsePartialDate(o.end)];
  return {
    title: o.title,
    countryId: o.countryId || null,
    organizationId: o.organizationId || null,
    startDate: start?.date ?? null,
    startPrecision: start?.precision ?? "DAY",
    endDate: end?.date ?? null,
    endPrecision: end?.precision ?? "DAY",
  };
}

const columns = (input: PersonInput) => ({ name: input.name, countryId: input.countryId, wikidataId: input.wikidataId, description: input.description });

/** People: name, country, Wikidata id, and the offices they held. */
export const personRecord: RecordKind<PersonInput> = {
  ...KIND_NAMES.PERSON,
  schema: PersonInputSchema,
  model: (tx) => tx.person,
  nameOf: (input) => input.name,

  insert: (tx, { slug, input }) => tx.person.create({ data: { slug, ...columns(input) }, select: { id: true } }),

  async write(tx, id, input) {
    await tx.person.update({ where: { id }, data: columns(input) });
    await tx.office.deleteMany({ where: { personId: id } });
    await tx.office.createMany({
      data: input.offices.map((o, position) => ({
        personId: id,
        title: o.title,
        countryId: o.countryId,
        organizationId: o.organizationId,
        startDate: o.start?.date ?? null,
        startPrecision: o.start?.precision ?? "DAY",
        endDate: o.end?.date ?? null,
        endPrecision: o.end?.precision ?? "DAY",
        position,
      })),
    });
  },

  snapshot: snapshotPerson,

  async check(tx, _id, input) {
    const errors: Record<string, string[]> = {};
    const countries = [input.countryId, ...input.offices.map((o) => o.countryId)].filter((c): c is string => Boolean(c));
    const orgs = input.offices.map((o) => o.organizationId).filter((c): c is string => Boolean(c));
    // One after another: a transaction is one connection, which runs one query at a time.
    const knownCountries = await tx.country.findMany({ where: { iso2: { in: countries } }, select: { iso2: true } });
    const knownOrgs = await tx.organization.findMany({ where: { id: { in: orgs } }, select: { id: true } });
    const c = new Set(knownCountries.map((k) => k.iso2));
    const o = new Set(knownOrgs.map((k) => k.id));
    if (input.countryId && !c.has(input.countryId)) errors.countryId = ["Choose a country from the list."];
    input.offices.forEach((office, i) => {
      if (office.countryId && !c.has(office.countryId)) errors[`offices.${i}.countryId`] = ["Choose a country from the list."];
      if (office.organizationId && !o.has(office.organizationId)) errors[`offices.${i}.organizationId`] = ["Choose an organization from the list."];
    });
    return errors;
  },

  async usedBy(tx, id) {
    const { _count } = await tx.person.findUniqueOrThrow({ where: { id }, select: { _count: { select: { statements: true, participations: true } } } });
    const uses = [
      _count.statements && `${_count.statements} statement${_count.statements === 1 ? "" : "s"} name them as speaker`,
      _count.participations && `${_count.participations} event${_count.participations === 1 ? "" : "s"} list them as a participant`,
    ].filter(Boolean);
    return uses.length ? uses.join(" and ") : null;
  },

  publicChange: async (_tx, { slug, before, after }) => ({ people: [slug], countries: countryCodesIn(before, after) }),

  merging: {
    combine(kept, duplicate) {
      const [k, d] = [kept as PersonFormValues, duplicate as PersonFormValues];
      return {
        ...filledIn(k, d, ["countryId", "wikidataId", "description"]),
        // A term the kept person holds already, under another day from another source ("2019-06"
        // for "2019-06-12"), is not added: two overlapping terms of one office are refused.
        offices: [...k.offices, ...d.offices.filter((o) => !k.offices.some((mine) => isSameTerm(heldOffice(mine), heldOffice(o))))],
      } satisfies PersonFormValues;
    },
    async repoint(tx, from, to) {
      const events = await repointLinks(tx, { table: "EventParticipant", owner: "eventId", column: "personId" }, from, to);
      const statements = await tx.$queryRaw<Array<{ id: string }>>`UPDATE "Statement" SET "speakerId" = ${to}, "updatedAt" = now() WHERE "speakerId" = ${from} RETURNING id`;
      return { events, statements: statements.map((s) => s.id), people: [], agreements: [] };
    },
  },
};

export const personWrites = recordWrites(personRecord, editorsOnly("people"));
export const { create: createPerson, update: updatePerson, restore: restorePerson, remove: deletePerson } = personWrites;
