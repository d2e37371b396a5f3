import { db, type Tx } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit/write-audit";
import { writeRevision } from "@/lib/revisions/write-revision";
import { revalidatePublicRecord } from "@/lib/cache/revalidate";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/records/field-errors";
import type { Actor } from "@/lib/reference/actor";
import { partialDateText } from "@/lib/records/fields";
import { uniqueSlug } from "@/lib/reference/slug";
import { keepBaseRevision, refuseStaleSave } from "@/lib/reference/versioning";
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

/** Refuses references to records that do not exist, at the field that names them. */
async function checkReferences(tx: Tx, input: PersonInput) {
  const errors: Record<string, string[]> = {};
  const countries = new Set([input.countryId, ...input.offices.map((o) => o.countryId)].filter((c): c is string => Boolean(c)));
  const orgs = new Set(input.offices.map((o) => o.organizationId).filter((c): c is string => Boolean(c)));
  const [knownCountries, knownOrgs] = await Promise.all([
    tx.country.findMany({ where: { iso2: { in: [...countries] } }, select: { iso2: true } }),
    tx.organization.findMany({ where: { id: { in: [...orgs] } }, select: { id: true } }),
  ]);
  const c = new Set(knownCountries.map((k) => k.iso2));
  const o = new Set(knownOrgs.map((k) => k.id));
  if (input.countryId && !c.has(input.countryId)) errors.countryId = ["Choose a country from the list."];
  input.offices.forEach((office, i) => {
    if (office.countryId && !c.has(office.countryId)) errors[`offices.${i}.countryId`] = ["Choose a country from the list."];
    if (office.organizationId && !o.has(office.organizationId)) errors[`offices.${i}.organizationId`] = ["Choose an organization from the list."];
  });
  if (Object.keys(errors).length) throw new AppError("INVALID", "Some fields need attention. Nothing was saved.", errors);
}

const officeRows = (input: PersonInput) =>
  input.offices.map((o, position) => ({
    title: o.title,
    countryId: o.countryId ?? null,
    organizationId: o.organizationId ?? null,
    startDate: o.start?.date ?? null,
    startPrecision: o.start?.precision ?? "DAY",
    endDate: o.end?.date ?? null,
    endPrecision: o.end?.precision ?? "DAY",
    position,
  }));

const countriesOf = (values: PersonFormValues) => [values.countryId, ...values.offices.map((o) => o.countryId)].filter(Boolean);

export async function createPerson(actor: Actor, raw: unknown) {
  const input = parseInput(PersonInputSchema, raw);
  const result = await db.$transaction(async (tx) => {
    await checkReferences(tx, input);
    const slug = await uniqueSlug(input.name, async (s) => Boolean(await tx.person.findUnique({ where: { slug: s }, select: { id: true } })));
    const row = await tx.person.create({
      data: {
        slug,
        name: input.name,
        countryId: input.countryId ?? null,
        wikidataId: input.wikidataId ?? null,
        description: input.description ?? null,
        offices: { create: officeRows(input) },
      },
    });
    const snapshot = await snapshotPerson(tx, row.id);
    await writeRevision(tx, { kind: "PERSON", entityId: row.id, version: 1, data: { ...snapshot }, authorId: actor.id, note: "Created" });
    await writeAudit(tx, { action: "person.create", actorId: actor.id, actorEmail: actor.email, targetType: "Person", targetId: row.id, summary: { slug, name: row.name } });
    return { id: row.id, slug, version: 1, countries: countriesOf(snapshot) };
  });
  revalidatePublicRecord({ people: [result.slug], countries: result.countries });
  return result;
}

export async function updatePerson(actor: Actor, options: { id: string; baseVersion: number; input: unknown; note?: string }) {
  const { id, baseVersion } = options;
  const input = parseInput(PersonInputSchema, options.input);
  const result = await db.$transaction(async (tx) => {
    const current = await tx.person.findUnique({ where: { id } });
    if (!current) throw new AppError("NOT_FOUND", "This person no longer exists.");
    await refuseStaleSave(tx, { kind: "PERSON", entityId: id, current: current.version, base: baseVersion, what: "person" });
    await checkReferences(tx, input);
    const before = await snapshotPerson(tx, id);
    await keepBaseRevision(tx, { kind: "PERSON", entityId: id, version: baseVersion, data: { ...before } });
    // The WHERE on the base version makes two racing saves unable to both pass.
    const { count } = await tx.person.updateMany({
      where: { id, version: baseVersion },
      data: { name: input.name, countryId: input.countryId ?? null, wikidataId: input.wikidataId ?? null, description: input.description ?? null, version: { increment: 1 } },
    });
    if (count !== 1) await refuseStaleSave(tx, { kind: "PERSON", entityId: id, current: baseVersion + 1, base: baseVersion, what: "person" });
    await tx.office.deleteMany({ where: { personId: id } });
    await tx.office.createMany({ data: officeRows(input).map((o) => ({ ...o, personId: id })) });
    const version = baseVersion + 1;
    const snapshot = await snapshotPerson(tx, id);
    await writeRevision(tx, { kind: "PERSON", entityId: id, version, data: { ...snapshot }, authorId: actor.id, note: options.note ?? null });
    await writeAudit(tx, { action: "person.update", actorId: actor.id, actorEmail: actor.email, targetType: "Person", targetId: id, summary: { version, note: options.note ?? null } });
    return { id, slug: current.slug, version, countries: [...new Set([...countriesOf(before), ...countriesOf(snapshot)])] };
  });
  revalidatePublicRecord({ people: [result.slug], countries: result.countries });
  return result;
}

export async function restorePersonRevision(actor: Actor, options: { id: string; version: number; baseVersion: number }) {
  const revision = await db.revision.findUnique({ where: { kind_entityId_version: { kind: "PERSON", entityId: options.id, version: options.version } } });
  if (!revision) throw new AppError("NOT_FOUND", `There is no version ${options.version} of this person.`);
  return updatePerson(actor, { id: options.id, baseVersion: options.baseVersion, input: revision.data, note: `Restored version ${options.version}` });
}

/** Deletes a person only when no statement or event refers to them. */
export async function deletePerson(actor: Actor, options: { id: string }) {
  const result = await db.$transaction(async (tx) => {
    const person = await tx.person.findUnique({ where: { id: options.id }, include: { _count: { select: { statements: true, participations: true } } } });
    if (!person) throw new AppError("NOT_FOUND", "This person no longer exists.");
    const uses = [
      person._count.statements && `${person._count.statements} statement${person._count.statements === 1 ? "" : "s"} name them as speaker`,
      person._count.participations && `${person._count.participations} event${person._count.participations === 1 ? "" : "s"} list them as a participant`,
    ].filter(Boolean);
    if (uses.length) throw new AppError("CONFLICT", `This person cannot be deleted: ${uses.join(" and ")}. Remove those references first.`);
    const snapshot = await snapshotPerson(tx, person.id);
    await tx.person.delete({ where: { id: person.id } });
    await writeAudit(tx, { action: "person.delete", actorId: actor.id, actorEmail: actor.email, targetType: "Person", targetId: person.id, summary: { slug: person.slug, name: person.name } });
    return { slug: person.slug, countries: countriesOf(snapshot) };
  });
  revalidatePublicRecord({ people: [result.slug], countries: result.countries });
}
