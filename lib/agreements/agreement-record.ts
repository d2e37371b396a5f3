import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { formatDate } from "@/lib/format/date";
import { TREATY_ACTION_LABELS } from "@/lib/format/labels";
import { parsePartialDate, partialDateText, sourceInputs, sourceRows } from "@/lib/records/fields";
import { filledIn, unionBy, type MergePair } from "@/lib/records/merge";
import { countryCodesIn, editorsOnly } from "@/lib/records/permissions";
import { walkParentChain } from "@/lib/records/parent-chain";
import { KIND_NAMES, type RecordKind } from "@/lib/records/record-kind";
import { recordWrites } from "@/lib/records/record-store";
import { AgreementInputSchema, type AgreementFormValues, type AgreementInput } from "./agreement-input";
import { mergeTreatyActions, moreExact, type TreatyActionValues } from "./merge-actions";
import { renameTreatyActions, writeTreatyActions, type TreatyActionRow } from "./treaty-action-rows";

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
      id: t.id,
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

/** A step of the input as its row holds it. */
const actionRow = (action: AgreementInput["actions"][number]): TreatyActionRow => ({
  id: action.id,
  countryId: action.countryId,
  type: action.type,
  date: action.date?.date ?? null,
  precision: action.date?.precision ?? "DAY",
  note: action.note ?? null,
  eventId: action.eventId ?? null,
  viaAgreementId: action.viaAgreementId ?? null,
  unconfirmedNote: action.unconfirmedNote ?? null,
  sources: sourceRows(action.sources),
});

const parentOf = (snapshot: unknown) => (snapshot && typeof snapshot === "object" ? (snapshot as { parentId?: string }).parentId || null : null);
/** The instruments a snapshot's parties joined through (their pages may tell it). */
const viasOf = (snapshot: unknown): string[] =>
  snapshot && typeof snapshot === "object" && Array.isArray((snapshot as { actions?: unknown }).actions)
    ? ((snapshot as { actions: Array<{ viaAgreementId?: string | null }> }).actions.map((a) => a.viaAgreementId).filter((id): id is string => Boolean(id)))
    : [];

/** The values of a merge with the duplicate's id, where a party joined through it, naming the agreement kept. */
function asMerged(values: AgreementFormValues, ids: { kept: string; duplicate: string }): TreatyActionValues[] {
  return values.actions.map((a) => (a.viaAgreementId === ids.duplicate ? { ...a, viaAgreementId: ids.kept } : a));
}

/** "14 February 1994", "1994", "undated": a form's partial date in words. */
function dateInWords(text: string): string {
  const date = parsePartialDate(text);
  return date ? formatDate(date.date, date.precision) : "undated";
}

/**
 * Why a duplicate agreement cannot be merged into the one chosen: one is part of the other (the
 * merge would make an agreement part of itself, or take an instrument for its own part); a party
 * joined one through the other (it would have joined the kept one through itself); or the two
 * date one party's step differently (neither date is picked: the editor corrects the wrong one).
 */
async function mergeRefusal(tx: Tx, { kept, duplicate }: MergePair<AgreementFormValues>): Promise<AppError | null> {
  const [k, d] = [kept.values, duplicate.values];
  const parentOf = (id: string) => tx.agreement.findUnique({ where: { id }, select: { parentId: true } });
  const chooseAnother = (why: string) => new AppError("INVALID", `Choose another agreement: ${why}`, { into: [`Choose another agreement: ${why}`] });
  // Its parts would become the kept one's parts: the kept one among them would be part of itself.
  if (k.parentId && (await walkParentChain({ start: k.parentId, self: duplicate.id, parentOf })) === "meets-self") {
    return chooseAnother(`“${k.name}” is part of “${d.name}”; merged into it, “${k.name}” would be part of itself.`);
  }
  if (d.parentId && (await walkParentChain({ start: d.parentId, self: kept.id, parentOf })) === "meets-self") {
    return chooseAnother(`“${d.name}” is part of “${k.name}”: an agreement and one of its parts are two instruments, not one recorded twice.`);
  }

  const ids = { kept: kept.id, duplicate: duplicate.id };
  const { disagreements } = mergeTreatyActions(asMerged(k, ids), asMerged(d, ids));
  const throughItself = [
    ...k.actions.filter((a) => a.viaAgreementId === duplicate.id).map((a) => ({ countryId: a.countryId, joined: k.name, through: d.name })),
    ...d.actions.filter((a) => a.viaAgreementId === kept.id).map((a) => ({ countryId: a.countryId, joined: d.name, through: k.name })),
  ];
  if (!disagreements.length && !throughItself.length) return null;

  const wanted = [...new Set([...disagreements.map((x) => x.kept[0]!.countryId), ...throughItself.map((x) => x.countryId)])];
  const names = new Map((await tx.country.findMany({ where: { iso2: { in: wanted } }, select: { iso2: true, name: true } })).map((c) => [c.iso2, c.name]));
  const country = (iso2: string) => names.get(iso2) ?? iso2;
  const dates = (rows: TreatyActionValues[]) => rows.map((r) => dateInWords(r.date)).join(" and ");
  const lines = [
    // "Kazakhstan, accession: 14 February 1994 on “Treaty …”; 13 December 1993 on “NPT”.", by party.
    ...disagreements
      .map(({ kept: mine, duplicate: theirs }) => {
        const step = (TREATY_ACTION_LABELS[mine[0]!.type] ?? mine[0]!.type).toLowerCase();
        return `${country(mine[0]!.countryId)}, ${step}: ${dates(mine)} on “${k.name}”; ${dates(theirs)} on “${d.name}”.`;
      })
      .sort((a, b) => a.localeCompare(b)),
    ...[...new Set(throughItself.map((x) => `${country(x.countryId)} joined “${x.joined}” through “${x.through}”.`))],
  ];
  const parts = [
    disagreements.length &&
      `“${k.name}” and “${d.name}” date ${disagreements.length === 1 ? "a party's step" : `${disagreements.length} parties' steps`} differently: correct the one that is wrong (if both steps happened, record both on “${k.name}”).`,
    throughItself.length && `A party joined one through the other: merged, it would have joined “${k.name}” through itself. Record the step it took instead.`,
  ].filter(Boolean);
  return new AppError("INVALID", `${parts.join(" ")} Then merge again.`, {}, { disagreements: lines });
}

/** Agreements: name, kind, parent, sources, and each party's treaty actions. */
export const agreementRecord: RecordKind<AgreementInput> = {
  ...KIND_NAMES.AGREEMENT,
  schema: AgreementInputSchema,
  model: (tx) => tx.agreement,
  nameOf: (input) => input.name,
  insert: (tx, { slug, input }) => tx.agreement.create({ data: { slug, ...columns(input) }, select: { id: true } }),
  async write(tx, id, input) {
    await tx.agreement.update({ where: { id }, data: columns(input) });
    // Its sources are replaced whole (nothing names them); its parties' steps keep their rows, which events name.
    await tx.source.deleteMany({ where: { agreementId: id } });
    await tx.source.createMany({ data: sourceRows(input.sources).map((s) => ({ ...s, agreementId: id })) });
    return writeTreatyActions(tx, id, input.actions.map(actionRow));
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
  // "NPT" brought in beside "Treaty on the Non-Proliferation of Nuclear Weapons": its events, parts,
  // parties' steps and the steps taken through it are the kept agreement's.
  merging: {
    combine(kept, duplicate, ids) {
      const [k, d] = [kept as AgreementFormValues, duplicate as AgreementFormValues];
      return {
        ...filledIn(k, d, ["summary", "parentId", "wikidataId"]),
        concluded: moreExact(k.concluded, d.concluded),
        sources: unionBy(k.sources, d.sources, (s) => s.url),
        actions: mergeTreatyActions(asMerged(k, ids), asMerged(d, ids)).actions,
      } satisfies AgreementFormValues;
    },
    refusal: (tx, pair) => mergeRefusal(tx, pair as MergePair<AgreementFormValues>),
    async repoint(tx, from, to) {
      // The duplicate's steps become the kept one's rows, under their ids; the kept agreement's write
      // (combine) then removes those it records already, and what named them names the kept row.
      const ids = { kept: to, duplicate: from };
      const { replaced } = mergeTreatyActions(asMerged(await snapshotAgreement(tx, to), ids), asMerged(await snapshotAgreement(tx, from), ids));
      await renameTreatyActions(tx, replaced);
      await tx.treatyAction.updateMany({ where: { agreementId: from }, data: { agreementId: to } });
      const events = await tx.$queryRaw<Array<{ id: string }>>`UPDATE "Event" SET "agreementId" = ${to}, "updatedAt" = now() WHERE "agreementId" = ${from} RETURNING id`;
      const parts = await tx.$queryRaw<Array<{ id: string }>>`UPDATE "Agreement" SET "parentId" = ${to}, "updatedAt" = now() WHERE "parentId" = ${from} RETURNING id`;
      // The two agreements' own steps are the kept one's write's (combine); these are other agreements'.
      const through = await tx.$queryRaw<Array<{ id: string }>>`
        UPDATE "TreatyAction" SET "viaAgreementId" = ${to} WHERE "viaAgreementId" = ${from} AND "agreementId" NOT IN (${from}, ${to}) RETURNING "agreementId" AS id`;
      return { events: events.map((e) => e.id), statements: [], people: [], agreements: [...new Set([...parts, ...through].map((a) => a.id))] };
    },
  },
};

export const agreementWrites = recordWrites(agreementRecord, editorsOnly("agreements"));
export const { create: createAgreement, update: updateAgreement, restore: restoreAgreement, remove: deleteAgreement } = agreementWrites;
