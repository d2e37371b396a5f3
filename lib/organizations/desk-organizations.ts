import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { pageCount, pageWindow } from "@/lib/desk/list-query";
import type { OrganizationKind } from "@/lib/generated/prisma/enums";
import { partialDateText, isRecordId } from "@/lib/records/fields";
import { ORGANIZATION_KINDS, type OrganizationFormValues } from "./organization-input";


export async function listOrganizationsForDesk(options: { q?: string; kind?: string; page?: number }) {
  const page = Math.max(1, options.page ?? 1);
  const kind = ORGANIZATION_KINDS.find((k) => k === options.kind) as OrganizationKind | undefined;
  const where: Prisma.OrganizationWhereInput = {
    ...(options.q ? { OR: [{ name: { contains: options.q, mode: "insensitive" } }, { acronym: { contains: options.q, mode: "insensitive" } }] } : {}),
    ...(kind ? { kind } : {}),
  };
  const [rows, total] = await Promise.all([
    db.organization.findMany({ where, orderBy: { name: "asc" }, ...pageWindow(page), include: { _count: { select: { members: true } }, country: { select: { name: true } } } }),
    db.organization.count({ where }),
  ]);
  return { rows, total, page, pageCount: pageCount(total) };
}

export async function getOrganizationForDesk(id: string): Promise<{ id: string; slug: string; version: number; values: OrganizationFormValues; labels: Record<string, string> } | null> {
  if (!isRecordId(id)) return null;
  const o = await db.organization.findUnique({ where: { id }, include: { country: true, members: { orderBy: { countryId: "asc" }, include: { country: true } } } });
  if (!o) return null;
  const labels: Record<string, string> = {};
  if (o.country) labels[o.country.iso2] = o.country.name;
  for (const m of o.members) labels[m.country.iso2] = m.country.name;
  return {
    id: o.id,
    slug: o.slug,
    version: o.version,
    labels,
    values: {
      name: o.name,
      acronym: o.acronym ?? "",
      kind: o.kind,
      wikidataId: o.wikidataId ?? "",
      countryId: o.countryId ?? "",
      description: o.description ?? "",
      members: o.members.map((m) => ({ countryId: m.countryId, joinedOn: partialDateText(m.joinedOn), leftOn: partialDateText(m.leftOn) })),
    },
  };
}
