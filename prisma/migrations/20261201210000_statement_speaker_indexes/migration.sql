-- The public filters' speaker choices (lib/api/filter-options.ts) from indexes alone
-- (docs/performance.md). Which people have a published statement was one probe of
-- (speakerId, saidOn) and a heap read per person, and the speakers of the newest 5,000
-- statements were read from the heap: 100-118 ms of the first render of every list
-- page on the scale record, idle machine. With the status beside the speaker, and the
-- speaker in the newest-first index, 39-53 ms. A speaker's published statements, newest
-- first (their person page), are read straight from the first index too.
-- Written by hand in Prisma Migrate's style.

-- DropIndex
DROP INDEX "Statement_speakerId_saidOn_idx";

-- DropIndex
DROP INDEX "Statement_status_saidOn_id_idx";

-- CreateIndex
CREATE INDEX "Statement_status_saidOn_id_speakerId_idx" ON "Statement"("status", "saidOn" DESC, "id" DESC, "speakerId");

-- CreateIndex
CREATE INDEX "Statement_speakerId_status_saidOn_id_idx" ON "Statement"("speakerId", "status", "saidOn" DESC, "id" DESC);
