import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { pageCount, pageWindow } from "@/lib/desk/list-query";
import { partialDateText, isRecordId } from "@/lib/records/fields";
import type { PersonFormValues } from "./person-input";


/** The desk's people list: search by name, filter by country, paged. */
export async function listPeopleForDesk(options: { q?: string; country?: string; page?: number }) {
  const page = Math.max(1, options.page ?? 1);
  const where: Prisma.PersonWhereInput = {
    ...(options.q ? { name: { contains: options.q, mode: "insensitive" } } : {}),
    ...(options.country ? { countryId: options.country.toUpperCase() } : {}),
  };
  const [rows, total] = await Promise.all([
    db.person.findMany({
      where,
      orderBy: { name: "asc" },
      ...pageWindow(page),
      include: { country: { select: { name: true } }, offices: { orderBy: { position: "asc" }, take: 1, select: { title: true } } },
    }),
    db.person.count({ where }),
  ]);
  return { rows, total, page, pageCount: pageCount(total) };
}

export interface PersonForDesk {
  id: string;
  slug: string;
  version: number;
  values: PersonFormValues;
  /** Labels for the pickers' chosen values, keyed by id. */
  labels: Record<string, string>;
}

export async function getPersonForDesk(id: string): Promise<PersonForDesk | null> {
  if (!isRecordId(id)) return null;
  const p = await db.person.findUnique({
    where: { id },
    include: {
      country: true,
      offices: { orderBy: { position: "asc" }, include: { country: true, organization: { select: { id: true, name: true } } } },
    },
  });
  if (!p) return null;
  const labels: Record<string, string> = {};
  if (p.country) labels[p.country.iso2] = p.country.name;
  for (const o of p.offices) {
    if (o.country) labels[o.country.iso2] = o.country.name;
    if (o.organization) labels[o.organization.id] = o.organization.name;
  }
  return {
    id: p.id,
    slug: p.slug,
    version: p.version,
    labels,
    values: {
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
    },
  };
}
