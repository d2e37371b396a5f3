import "server-only";
import { cachedPublicRead } from "@/lib/cache/cached-read";
import { tags } from "@/lib/cache/tags";
import { db } from "@/lib/db/client";

/**
 * The public corrections log, newest first. A correction is shown only while the
 * item it corrects is published; a retracted item's corrections go with its text.
 */
const PUBLISHED = { status: "PUBLISHED" } as const;

export async function listPublicCorrections(options: { limit: number }) {
  return db.correction.findMany({
    where: { OR: [{ event: PUBLISHED }, { statement: PUBLISHED }] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: options.limit,
    select: {
      id: true,
      note: true,
      createdAt: true,
      event: { select: { slug: true, title: true } },
      statement: { select: { slug: true, title: true } },
    },
  });
}

export const getPublicCorrections = cachedPublicRead("corrections", listPublicCorrections, () => [
  tags.corrections,
  tags.eventLists,
  tags.statementLists,
]);
