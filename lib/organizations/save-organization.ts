import { db, type Tx } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit/write-audit";
import { writeRevision } from "@/lib/revisions/write-revision";
import { revalidatePublicRecord } from "@/lib/cache/revalidate";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/records/field-errors";
import type { Actor } from "@/lib/reference/actor";
import { partialDateText, toDay } from "@/lib/records/fields";
import { uniqueSlug } from "@/lib/reference/slug";
import { keepBaseRevision, refuseStaleSave } from "@/lib/reference/versioning";
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

async function checkReferences(tx: Tx, input: OrganizationInput) {
  const wanted = [...new Set([input.countryId, ...input.members.map((m) => m.countryId)].filter((c): c is string => Boolean(c)))];
  const known = new Set((await tx.country.findMany({ where: { iso2: { in: wanted } }, select: { iso2: true } })).map((c) => c.iso2));
  const errors: Record<string, string[]> = {};
  if (input.countryId && !known.has(input.countryId)) errors.countryId = ["Choose a country from the list."];
  input.members.forEach((m, i) => {
    if (!known.has(m.countryId)) errors[`members.${i}.countryId`] = ["Choose a country from the list."];
  });
  if (Object.keys(errors).length) throw new AppError("INVALID", "Some fields need attention. Nothing was saved.", errors);
}

const fields = (input: OrganizationInput) => ({
  name: input.name,
  acronym: input.acronym ?? null,
  kind: input.kind,
  wikidataId: input.wikidataId ?? null,
  countryId: input.countryId ?? null,
  description: input.description ?? null,
});
const memberRows = (input: OrganizationInput) => input.members.map((m) => ({ countryId: m.countryId, joinedOn: toDay(m.joinedOn), leftOn: toDay(m.leftOn) }));
const countriesOf = (v: OrganizationFormValues) => [v.countryId, ...v.members.map((m) => m.countryId)].filter(Boolean);

export async function createOrganization(actor: Actor, raw: unknown) {
  const input = parseInput(OrganizationInputSchema, raw);
  const result = await db.$transaction(async (tx) => {
    await checkReferences(tx, input);
    const slug = await uniqueSlug(input.name, async (s) => Boolean(await tx.organization.findUnique({ where: { slug: s }, select: { id: true } })));
    const row = await tx.organization.create({ data: { slug, ...fields(input), members: { create: memberRows(input) } } });
    const snapshot = await snapshotOrganization(tx, row.id);
    await writeRevision(tx, { kind: "ORGANIZATION", entityId: row.id, version: 1, data: { ...snapshot }, authorId: actor.id, note: "Created" });
    await writeAudit(tx, { action: "organization.create", actorId: actor.id, actorEmail: actor.email, targetType: "Organization", targetId: row.id, summary: { slug, name: row.name } });
    return { id: row.id, slug, version: 1, countries: countriesOf(snapshot) };
  });
  revalidatePublicRecord({ organizations: [result.slug], countries: result.countries });
  return result;
}

export async function updateOrganization(actor: Actor, options: { id: string; baseVersion: number; input: unknown; note?: string }) {
  const { id, baseVersion } = options;
  const input = parseInput(OrganizationInputSchema, options.input);
  const result = await db.$transaction(async (tx) => {
    const current = await tx.organization.findUnique({ where: { id } });
    if (!current) throw new AppError("NOT_FOUND", "This organization no longer exists.");
    await refuseStaleSave(tx, { kind: "ORGANIZATION", entityId: id, current: current.version, base: baseVersion, what: "organization" });
    await checkReferences(tx, input);
    const before = await snapshotOrganization(tx, id);
    await keepBaseRevision(tx, { kind: "ORGANIZATION", entityId: id, version: baseVersion, data: { ...before } });
    const { count } = await tx.organization.updateMany({ where: { id, version: baseVersion }, data: { ...fields(input), version: { increment: 1 } } });
    if (count !== 1) await refuseStaleSave(tx, { kind: "ORGANIZATION", entityId: id, current: baseVersion + 1, base: baseVersion, what: "organization" });
    await tx.organizationMember.deleteMany({ where: { organizationId: id } });
    await tx.organizationMember.createMany({ data: memberRows(input).map((m) => ({ ...m, organizationId: id })) });
    const version = baseVersion + 1;
    const snapshot = await snapshotOrganization(tx, id);
    await writeRevision(tx, { kind: "ORGANIZATION", entityId: id, version, data: { ...snapshot }, authorId: actor.id, note: options.note ?? null });
    await writeAudit(tx, { action: "organization.update", actorId: actor.id, actorEmail: actor.email, targetType: "Organization", targetId: id, summary: { version, note: options.note ?? null } });
    return { id, slug: current.slug, version, countries: [...new Set([...countriesOf(before), ...countriesOf(snapshot)])] };
  });
  revalidatePublicRecord({ organizations: [result.slug], countries: result.countries });
  return result;
}

export async function restoreOrganizationRevision(actor: Actor, options: { id: string; version: number; baseVersion: number }) {
  const revision = await db.revision.findUnique({ where: { kind_entityId_version: { kind: "ORGANIZATION", entityId: options.id, version: options.version } } });
  if (!revision) throw new AppError("NOT_FOUND", `There is no version ${options.version} of this organization.`);
  return updateOrganization(actor, { id: options.id, baseVersion: options.baseVersion, input: revision.data, note: `Restored version ${options.version}` });
}

/** Deletes an organization only when no office or event refers to it. */
export async function deleteOrganization(actor: Actor, options: { id: string }) {
  const result = await db.$transaction(async (tx) => {
    const org = await tx.organization.findUnique({ where: { id: options.id }, include: { _count: { select: { offices: true, participations: true } } } });
    if (!org) throw new AppError("NOT_FOUND", "This organization no longer exists.");
    const uses = [
      org._count.offices && `${org._count.offices} office${org._count.offices === 1 ? "" : "s"} held by people`,
      org._count.participations && `${org._count.participations} event participation${org._count.participations === 1 ? "" : "s"}`,
    ].filter(Boolean);
    if (uses.length) throw new AppError("CONFLICT", `This organization cannot be deleted: ${uses.join(" and ")} refer to it. Remove those references first.`);
    const snapshot = await snapshotOrganization(tx, org.id);
    await tx.organization.delete({ where: { id: org.id } });
    await writeAudit(tx, { action: "organization.delete", actorId: actor.id, actorEmail: actor.email, targetType: "Organization", targetId: org.id, summary: { slug: org.slug, name: org.name } });
    return { slug: org.slug, countries: countriesOf(snapshot) };
  });
  revalidatePublicRecord({ organizations: [result.slug], countries: result.countries });
}
