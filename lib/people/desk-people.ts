import "server-only";
import { db } from "@/lib/db/client";
import { nameFilter } from "@/lib/db/names";
import type { Prisma } from "@/lib/generated/prisma/client";
import { pageCount, pageWindow } from "@/lib/desk/list-query";


/** The desk's people list: search by name (without accents from three letters: nameFilter), filter by country, paged. */
export async function listPeopleForDesk(options: { q?: string; country?: string; page?: number }) {
  const page = Math.max(1, options.page ?? 1);
  const where: Prisma.PersonWhereInput = {
    ...(options.q ? await nameFilter("Person", options.q) : {}),
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
