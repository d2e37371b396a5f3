import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { pageCount, pageWindow } from "@/lib/desk/list-query";
import type { AgreementKind } from "@/lib/generated/prisma/enums";
import { partialDateText, sourceInputs, isRecordId } from "@/lib/records/fields";
import { AGREEMENT_KINDS, type AgreementFormValues } from "./agreement-input";
import { deriveParticipantStatuses } from "./participant-status";


export async function listAgreementsForDesk(options: { q?: string; kind?: string; page?: number }) {
  const page = Math.max(1, options.page ?? 1);
  const kind = AGREEMENT_KINDS.find((k) => k === options.kind) as AgreementKind | undefined;
  const where: Prisma.AgreementWhereInput = {
    ...(options.q ? { name: { contains: options.q, mode: "insensitive" } } : {}),
    ...(kind ? { kind } : {}),
  };
  const [rows, total] = await Promise.all([
    db.agreement.findMany({ where, orderBy: { name: "asc" }, ...pageWindow(page), include: { actions: { select: { countryId: true } } } }),
    db.agreement.count({ where }),
  ]);
  return { rows: rows.map((r) => ({ ...r, partyCount: new Set(r.actions.map((a) => a.countryId)).size })), total, page, pageCount: pageCount(total) };
}

export async function getAgreementForDesk(id: string) {
  if (!isRecordId(id)) return null;
  const a = await db.agreement.findUnique({
    where: { id },
    include: {
      parent: { select: { id: true, name: true } },
      sources: { orderBy: { position: "asc" } },
      actions: {
        orderBy: [{ date: "asc" }, { createdAt: "asc" }, { id: "asc" }],
        include: { country: true, event: { select: { id: true, title: true } }, sources: { orderBy: { position: "asc" } } },
      },
    },
  });
  if (!a) return null;
  const labels: Record<string, string> = {};
  if (a.parent) labels[a.parent.id] = a.parent.name;
  for (const t of a.actions) {
    labels[t.country.iso2] = t.country.name;
    if (t.event) labels[t.event.id] = t.event.title;
  }
  const statuses = deriveParticipantStatuses(a.actions);
  const values: AgreementFormValues = {
    name: a.name,
    kind: a.kind,
    summary: a.summary ?? "",
    concluded: partialDateText(a.concludedOn, a.concludedPrecision),
    parentId: a.parentId ?? "",
    wikidataId: a.wikidataId ?? "",
    sources: sourceInputs(a.sources),
    actions: a.actions.map((t) => ({ countryId: t.countryId, type: t.type, date: partialDateText(t.date, t.precision), note: t.note ?? "", eventId: t.eventId ?? "", sources: sourceInputs(t.sources) })),
  };
  return {
    id: a.id,
    slug: a.slug,
    version: a.version,
    values,
    labels,
    parties: [...statuses].map(([countryId, status]) => ({ countryId, name: labels[countryId] ?? countryId, status })),
  };
}
