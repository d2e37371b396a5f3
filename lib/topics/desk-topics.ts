import "server-only";
import { db } from "@/lib/db/client";
import { idsNamed } from "@/lib/db/names";
import type { Prisma } from "@/lib/generated/prisma/client";
import { pageCount, pageWindow } from "@/lib/desk/list-query";


/** The desk's topic list: search by name, paged. */
export async function listTopicsForDesk(options: { q?: string; page?: number }) {
  const page = Math.max(1, options.page ?? 1);
  const named = options.q ? await idsNamed("Topic", options.q) : null;
  const where: Prisma.TopicWhereInput = options.q
    ? { OR: [named ? { id: { in: named } } : { name: { contains: options.q, mode: "insensitive" } }, { slug: { contains: options.q.toLowerCase() } }] }
    : {};
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
