import type { Tx } from "@/lib/db/client";
import { partialDateText, sourceInputs, sourceRows } from "@/lib/records/fields";
import { countryCodesIn, editorsOnly } from "@/lib/records/permissions";
import { walkParentChain } from "@/lib/records/parent-chain";
import { KIND_NAMES, type RecordKind } from "@/lib/records/record-kind";
import { recordWrites } from "@/lib/records/record-store";
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
      viaAgreementId: t.viaAgreementId ?? "",
      unconfirmedNote: t.unconfirmedNote ?? "",
      sources: sourceInputs(t.sources),
    })),
  };
}

/** Unknown countries, events or parent; and a parent chain that would loop back. */
async function checkReferences(tx: Tx, selfId: string | null, input: AgreementInput): Promise<Record<string, string[]>> {
  const errors: Record<string, string[]> = {};
  const countries = [...new Set(input.actions.map((a) => a.countryId))];
  const events = [...new Set(input.actions.map((a) => a.eventId).filter((e): e is string => Boolean(e)))];
  const vias = [...new Set(input.actions.map((a) => a.viaAgreementId).filter((v): v is string => Boolean(v)))];
  // One after another: a transaction is one connection, which runs one query at a time.
  const knownCountries = await tx.country.findMany({ where: { iso2: { in: countries } }, select: { iso2: true } });
  const knownEvents = await tx.event.findMany({ where: { id: { in: events } }, select: { id: true } });
  const knownVias = await tx.agreement.findMany({ where: { id: { in: vias } }, select: { id: true } });
  const c = new Set(knownCountries.map((k) => k.iso2));
  const e = new Set(knownEvents.map((k) => k.id));
  const v = new Set(knownVias.map((k) => k.id));
  input.actions.forEach((a, i) => {
    if (!c.has(a.countryId)) errors[`actions.${i}.countryId`] = ["Choose the party from the list."];
    if (a.eventId && !e.has(a.eventId)) errors[`actions.${i}.eventId`] = ["Choose an event from the list."];
    if (a.viaAgreementId && a.viaAgreementId === selfId) errors[`actions.${i}.viaAgreementId`] = ["A party joins through another instrument, not through this agreement itself."];
    else if (a.viaAgreementId && !v.has(a.viaAgreementId)) errors[`actions.${i}.viaAgreementId`] = ["Choose an agreement from the list."];
  });
  if (input.parentId) {
    // Meeting this agreement again on the way up would make a cycle.
    const chain = await walkParentChain({
      start: input.parentId,
      self: selfId,
      parentOf: (id) => tx.agreement.findUnique({ where: { id }, select: { parentId: true } }),
    });
    if (chain === "meets-self") errors.parentId = ["An agreement cannot be its own parent, directly or through its parents."];
    if (chain === "missing") errors.parentId = ["Choose a parent agreement from the list."];
  }
  return errors;
}

const columns = (input: AgreementInput) => ({
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
        viaAgreementId: action.viaAgreementId ?? null,
        unconfirmedNote: action.unconfirmedNote ?? null,
        sources: { create: sourceRows(action.sources) },
      },
    });
  }
}

const parentOf = (snapshot: unknown) => (snapshot && typeof snapshot === "object" ? (snapshot as { parentId?: string }).parentId || null : null);
/** The instruments a snapshot's parties joined through (their pages may tell it). */
const viasOf = (snapshot: unknown): string[] =>
  snapshot && typeof snapshot === "object" && Array.isArray((snapshot as { actions?: unknown }).actions)
    ? ((snapshot as { actions: Array<{ viaAgreementId?: string | null }> }).actions.map((a) => a.viaAgreementId).filter((id): id is string => Boolean(id)))
    : [];

/** Agreements: name, kind, parent, sources, and each party's treaty actions. */
export const agreementRecord: RecordKind<AgreementInput> = {
  ...KIND_NAMES.AGREEMENT,
  schema: AgreementInputSchema,
  model: (tx) => tx.agreement,
  nameOf: (input) => input.name,
  insert: (tx, { slug, input }) => tx.agreement.create({ data: { slug, ...columns(input) }, select: { id: true } }),
  async write(tx, id, input) {
    await tx.agreement.update({ where: { id }, data: columns(input) });
    // Treaty actions and sources are replaced whole: the form edits the full list.
    await tx.treatyAction.deleteMany({ where: { agreementId: id } });
    await tx.source.deleteMany({ where: { agreementId: id } });
    await writeChildren(tx, id, input);
  },
  snapshot: snapshotAgreement,
  check: checkReferences,
  async usedBy(tx, id) {
    const { _count } = await tx.agreement.findUniqueOrThrow({ where: { id }, select: { _count: { select: { events: true, children: true } } } });
    const uses = [
      _count.events && `${_count.events} event${_count.events === 1 ? "" : "s"} concern it`,
      _count.children && `${_count.children} agreement${_count.children === 1 ? " has" : "s have"} it as parent`,
    ].filter(Boolean);
    return uses.length ? uses.join(" and ") : null;
  },
  async publicChange(tx, { slug, before, after }) {
    // A parent agreement's page lists its children, old parent and new; an instrument a party joined through is linked from here.
    const parents = [parentOf(before), parentOf(after), ...viasOf(before), ...viasOf(after)].filter((p): p is string => p !== null);
    const rows = await tx.agreement.findMany({ where: { id: { in: parents } }, select: { slug: true } });
    return { agreements: [slug, ...rows.map((r) => r.slug)], countries: countryCodesIn(before, after) };
  },
};

export const agreementWrites = recordWrites(agreementRecord, editorsOnly("agreements"));
export const { create: createAgreement, update: updateAgreement, restore: restoreAgreement, remove: deleteAgreement } = agreementWrites;
