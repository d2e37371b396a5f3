import "server-only";
import { isImpossibleKey } from "@/lib/cache/cached-read";
import { db, Prisma, queryRows } from "@/lib/db/client";

const TABLES = { PERSON: Prisma.raw(`"Person"`), ORGANIZATION: Prisma.raw(`"Organization"`), TOPIC: Prisma.raw(`"Topic"`), AGREEMENT: Prisma.raw(`"Agreement"`) } as const;
export type MergedKind = keyof typeof TABLES;

/** The slug of the record a merged duplicate's address now leads to, or null (lib/records/merge.ts). */
export async function mergedSlug(kind: keyof typeof TABLES, slug: string): Promise<string | null> {
  // No slug has control characters (PostgreSQL refuses a NUL in text) or is this long.
  if (isImpossibleKey(slug)) return null;
  const [row] = await queryRows<{ slug: string }>(
    db,
    Prisma.sql`SELECT t.slug FROM "MergedSlug" m JOIN ${TABLES[kind]} t ON t.id = m."targetId" WHERE m.kind = ${kind}::"ContentKind" AND m.slug = ${slug}`,
  );
  return row?.slug ?? null;
}
