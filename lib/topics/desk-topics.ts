import "server-only";
import { db } from "@/lib/db/client";
import { nameFilter } from "@/lib/db/names";
import type { Prisma } from "@/lib/generated/prisma/client";
import { pageCount, pageWindow } from "@/lib/desk/list-query";


/** The desk's topic list: search by name, paged. */
export async function listTopicsForDesk(options: { q?: string; page?: number }) {
  const page = Math.max(1, options.page ?? 1);
  const where: Prisma.TopicWhereInput = options.q ? { OR: [await nameFilter("Topic", options.q), { slug: { contains: options.q.toLowerCase() } }] } : {};
  const [rows, total] = await Promise.all([
    db.topic.findMany({
      where,
      orderBy: { name: "asc" },
      ...pageWindow(page),
      include: { _count: { select: { events: true, statements: true } } },
    }),
    db.topic.count({ where }),
  ]);
  return { rows, total, page, pageCount: pageCount(total) };
}
