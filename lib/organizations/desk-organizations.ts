import "server-only";
import { db } from "@/lib/db/client";
import { nameFilter } from "@/lib/db/names";
import type { Prisma } from "@/lib/generated/prisma/client";
import { pageCount, pageWindow } from "@/lib/desk/list-query";
import type { OrganizationKind } from "@/lib/generated/prisma/enums";
import { ORGANIZATION_KINDS } from "./organization-input";


export async function listOrganizationsForDesk(options: { q?: string; kind?: string; page?: number }) {
  const page = Math.max(1, options.page ?? 1);
  const kind = ORGANIZATION_KINDS.find((k) => k === options.kind) as OrganizationKind | undefined;
  const where: Prisma.OrganizationWhereInput = {
    ...(options.q ? { OR: [await nameFilter("Organization", options.q), { acronym: { contains: options.q, mode: "insensitive" } }] } : {}),
    ...(kind ? { kind } : {}),
  };
  const [rows, total] = await Promise.all([
    db.organization.findMany({ where, orderBy: { name: "asc" }, ...pageWindow(page), include: { _count: { select: { members: true } }, country: { select: { name: true } } } }),
    db.organization.count({ where }),
  ]);
  return { rows, total, page, pageCount: pageCount(total) };
}
