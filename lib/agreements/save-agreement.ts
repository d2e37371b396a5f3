import { db, type Tx } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit/write-audit";
import { writeRevision } from "@/lib/revisions/write-revision";
import { revalidatePublicRecord } from "@/lib/cache/revalidate";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/records/field-errors";
import type { Actor } from "@/lib/reference/actor";
import { partialDateText, sourceInputs, sourceRows } from "@/lib/records/fields";
import { uniqueSlug } from "@/lib/reference/slug";
import { keepBaseRevision, refuseStaleSave } from "@/lib/reference/versioning";
import { AgreementInputSchema, type AgreementFormValues, type AgreementInput } from "./agreement-input";

export async function snapshotAgreement(tx: Tx, id: string): Promise<AgreementFormValues> {
  const a = await tx.agreement.findUniqueOrThrow({
    where: { id },
    include: {
      sources: { orderBy: { position: "asc" } },
      actions: { orderBy: [{ date: "asc" }, { createdAt: "asc" }, { id: "asc" }], include: { sources: { orderBy: { position: "asc" } } } },
    },
  });
  return {
    name: a.name,
    kind: a.kind,
    summary: a.summary ?? "",
    concluded: partialDateText(a.concludedOn, a.concludedPrecision),
    parentId: a.parentId ?? "",
    wikidataId: a.wikidataId ?? "",
    sources: sourceInputs(a.sources),
    actions: a.actions.map((t) => ({
      countryId: t.countryId,
      type: t.type,
      date: partialDateText(t.date, t.precision),
      note: t.note ?? "",
      eventId: t.eventId ?? "",
      sources: sourceInputs(t.sources),
    })),
  };
}

/** Unknown countries, events or parent; and a parent chain that would loop back. */
async function checkReferences(tx: Tx, input: AgreementInput, selfId: string | null) {
  const errors: Record<string, string[]> = {};
  const countries = [...new Set(input.actions.map((a) => a.countryId))];
  const events = [...new Set(input.actions.map((a) => a.eventId).filter((e): e is string => Boolean(e)))];
  const [knownCountries, knownEvents] = await Promise.all([
    tx.country.findMany({ where: { iso2: { in: countries } }, select: { iso2: true } }),
    tx.event.findMany({ where: { id: { in: events } }, select: { id: true } }),
  ]);
  const c = new Set(knownCountries.map((k) => k.iso2));
  const e = new Set(knownEvents.map((k) => k.id));
  input.actions.forEach((a, i) => {
    if (!c.has(a.countryId)) errors[`actions.${i}.countryId`] = ["Choose the party from the list."];
    if (a.eventId && !e.has(a.eventId)) errors[`actions.${i}.eventId`] = ["Choose an event from the list."];
  });
  if (input.parentId) {
    // Walk up from the chosen parent: meeting this agreement again would make a cycle.
    let cursor: string | null = input.parentId;
    const seen = new Set<string>();
    while (cursor) {
      if (cursor === selfId) {
        errors.parentId = ["An agreement cannot be its own parent, directly or through its parents."];
        break;
      }
      if (seen.has(cursor)) break;
      seen.add(cursor);
      const row: { parentId: string | null } | null = await tx.agreement.findUnique({ where: { id: cursor }, select: { parentId: true } });
      if (!row) {
        if (cursor === input.parentId) errors.parentId = ["Choose a parent agreement from the list."];
        break;
      }
      cursor = row.parentId;
    }
  }
  if (Object.keys(errors).length) throw new AppError("INVALID", "Some fields need attention. Nothing was saved.", errors);
}

const fields = (input: AgreementInput) => ({
  name: input.name,
  kind: input.kind,
  summary: input.summary ?? null,
  concludedOn: input.concluded?.date ?? null,
  concludedPrecision: input.concluded?.precision ?? "DAY",
  parentId: input.parentId ?? null,
  wikidataId: input.wikidataId ?? null,
});

async function writeChildren(tx: Tx, agreementId: string, input: AgreementInput) {
  await tx.source.createMany({ data: sourceRows(input.sources).map((s) => ({ ...s, agreementId })) });
  for (const action of input.actions) {
    await tx.treatyAction.create({
      data: {
        agreementId,
        countryId: action.countryId,
        type: action.type,
        date: action.date?.date ?? null,
        precision: action.date?.precision ?? "DAY",
        note: action.note ?? null,
        eventId: action.eventId ?? null,
        sources: { create: sourceRows(action.sources) },
      },
    });
  }
}

async function slugsFor(tx: Tx, ids: string[]) {
  const rows = await tx.agreement.findMany({ where: { id: { in: ids } }, select: { slug: true } });
  return rows.map((r) => r.slug);
}

export async function createAgreement(actor: Actor, raw: unknown) {
  const input = parseInput(AgreementInputSchema, raw);
  const result = await db.$transaction(async (tx) => {
    await checkReferences(tx, input, null);
    const slug = await uniqueSlug(input.name, async (s) => Boolean(await tx.agreement.findUnique({ where: { slug: s }, select: { id: true } })));
    const row = await tx.agreement.create({ data: { slug, ...fields(input) } });
    await writeChildren(tx, row.id, input);
    const snapshot = await snapshotAgreement(tx, row.id);
    await writeRevision(tx, { kind: "AGREEMENT", entityId: row.id, version: 1, data: { ...snapshot }, authorId: actor.id, note: "Created" });
    await writeAudit(tx, { action: "agreement.create", actorId: actor.id, actorEmail: actor.email, targetType: "Agreement", targetId: row.id, summary: { slug, name: row.name } });
    const slugs = [slug, ...(await slugsFor(tx, input.parentId ? [input.parentId] : []))];
    return { id: row.id, slug, version: 1, slugs, countries: input.actions.map((a) => a.countryId) };
  });
  revalidatePublicRecord({ agreements: result.slugs, countries: [...new Set(result.countries)] });
  return result;
}

export async function updateAgreement(actor: Actor, options: { id: string; baseVersion: number; input: unknown; note?: string }) {
  const { id, baseVersion } = options;
  const input = parseInput(AgreementInputSchema, options.input);
  const result = await db.$transaction(async (tx) => {
    const current = await tx.agreement.findUnique({ where: { id } });
    if (!current) throw new AppError("NOT_FOUND", "This agreement no longer exists.");
    await refuseStaleSave(tx, { kind: "AGREEMENT", entityId: id, current: current.version, base: baseVersion, what: "agreement" });
    await checkReferences(tx, input, id);
    const before = await snapshotAgreement(tx, id);
    await keepBaseRevision(tx, { kind: "AGREEMENT", entityId: id, version: baseVersion, data: { ...before } });
    const { count } = await tx.agreement.updateMany({ where: { id, version: baseVersion }, data: { ...fields(input), version: { increment: 1 } } });
    if (count !== 1) await refuseStaleSave(tx, { kind: "AGREEMENT", entityId: id, current: baseVersion + 1, base: baseVersion, what: "agreement" });
    // Treaty actions and sources are replaced whole: the form edits the full list.
    await tx.treatyAction.deleteMany({ where: { agreementId: id } });
    await tx.source.deleteMany({ where: { agreementId: id } });
    await writeChildren(tx, id, input);
    const version = baseVersion + 1;
    const snapshot = await snapshotAgreement(tx, id);
    await writeRevision(tx, { kind: "AGREEMENT", entityId: id, version, data: { ...snapshot }, authorId: actor.id, note: options.note ?? null });
    await writeAudit(tx, { action: "agreement.update", actorId: actor.id, actorEmail: actor.email, targetType: "Agreement", targetId: id, summary: { version, note: options.note ?? null } });
    const parents = [current.parentId, input.parentId].filter((p): p is string => Boolean(p));
    const countries = [...new Set([...before.actions, ...snapshot.actions].map((a) => a.countryId))];
    return { id, slug: current.slug, version, slugs: [current.slug, ...(await slugsFor(tx, parents))], countries };
  });
  revalidatePublicRecord({ agreements: result.slugs, countries: result.countries });
  return result;
}

export async function restoreAgreementRevision(actor: Actor, options: { id: string; version: number; baseVersion: number }) {
  const revision = await db.revision.findUnique({ where: { kind_entityId_version: { kind: "AGREEMENT", entityId: options.id, version: options.version } } });
  if (!revision) throw new AppError("NOT_FOUND", `There is no version ${options.version} of this agreement.`);
  return updateAgreement(actor, { id: options.id, baseVersion: options.baseVersion, input: revision.data, note: `Restored version ${options.version}` });
}

/** Deletes an agreement only when no event and no other agreement refers to it. */
export async function deleteAgreement(actor: Actor, options: { id: string }) {
  const result = await db.$transaction(async (tx) => {
    const agreement = await tx.agreement.findUnique({ where: { id: options.id }, include: { _count: { select: { events: true, children: true } }, actions: { select: { countryId: true } } } });
    if (!agreement) throw new AppError("NOT_FOUND", "This agreement no longer exists.");
    const uses = [
      agreement._count.events && `${agreement._count.events} event${agreement._count.events === 1 ? "" : "s"} concern it`,
      agreement._count.children && `${agreement._count.children} agreement${agreement._count.children === 1 ? " has" : "s have"} it as parent`,
    ].filter(Boolean);
    if (uses.length) throw new AppError("CONFLICT", `This agreement cannot be deleted: ${uses.join(" and ")}. Remove those references first.`);
    await tx.agreement.delete({ where: { id: agreement.id } });
    await writeAudit(tx, { action: "agreement.delete", actorId: actor.id, actorEmail: actor.email, targetType: "Agreement", targetId: agreement.id, summary: { slug: agreement.slug, name: agreement.name } });
    return { slug: agreement.slug, countries: [...new Set(agreement.actions.map((a) => a.countryId))] };
  });
  revalidatePublicRecord({ agreements: [result.slug], countries: result.countries });
}
