-- The public addresses of people and organizations merged into another (lib/records/merge.ts;
-- docs/desk.md, "Merging duplicates"). /people/<slug> of a merged duplicate answers a permanent
-- redirect to the person it was merged into, so links readers and other sites hold keep working.
-- A merge into a record that is merged later is followed along (its rows are pointed onward).
CREATE TABLE "MergedSlug" (
    "kind" "ContentKind" NOT NULL,
    "slug" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "mergedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MergedSlug_pkey" PRIMARY KEY ("kind", "slug")
);

CREATE INDEX "MergedSlug_kind_targetId_idx" ON "MergedSlug"("kind", "targetId");
