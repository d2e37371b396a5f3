import "server-only";
import { db } from "@/lib/db/client";
import { nameFilter } from "@/lib/db/names";
import type { Prisma } from "@/lib/generated/prisma/client";
import { pageCount, pageWindow } from "@/lib/desk/list-query";
import type { AgreementKind } from "@/lib/generated/prisma/enums";
import { AGREEMENT_KINDS } from "./agreement-input";
import { deriveParticipantStatuses } from "./participant-status";


export async function listAgreementsForDesk(options: { q?: string; kind?: string; page?: number }) {
  const page = Math.max(1, options.page ?? 1);
  const kind = AGREEMENT_KINDS.find((k) => k === options.kind) as AgreementKind | undefined;
  const where: Prisma.AgreementWhereInput = {
    ...(options.q ? await nameFilter("Agreement", options.q) : {}),
    ...(kind ? { kind } : {}),
  };
  const [rows, total] = await Promise.all([
    db.agreement.findMany({ where, orderBy: { name: "asc" }, ...pageWindow(page), include: { actions: { select: { countryId: true } } } }),
    db.agreement.count({ where }),
  ]);
  return { rows: rows.map((r) => ({ ...r, partyCount: new Set(r.actions.map((a) => a.countryId)).size })), total, page, pageCount: pageCount(total) };
}

/** Each party to an agreement with its status, derived from its treaty actions (the edit page shows it beside the form). */
export async function agreementParties(id: string) {
  const actions = await db.treatyAction.findMany({
    where: { agreementId: id },
    orderBy: [{ date: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    select: { countryId: true, type: true, date: true, country: { select: { name: true } } },
  });
  const names = new Map(actions.map((a) => [a.countryId, a.country.name]));
  return [...deriveParticipantStatuses(actions)].map(([countryId, status]) => ({ countryId, name: names.get(countryId) ?? countryId, status }));
}
