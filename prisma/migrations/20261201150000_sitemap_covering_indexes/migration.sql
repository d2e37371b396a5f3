-- The sitemap index cuts the published events and statements into files of
-- consecutive ids and gives each file the newest publication time in it. These
-- indexes hold all three columns, so that is read from the indexes alone: on the
-- scale record (100,000 events, 200,000 statements) 456 ms from the tables, 131 ms
-- this way. Written by hand in Prisma Migrate's style.

-- CreateIndex
CREATE INDEX "Event_status_id_publishedAt_idx" ON "Event"("status", "id", "publishedAt");

-- CreateIndex
CREATE INDEX "Statement_status_id_publishedAt_idx" ON "Statement"("status", "id", "publishedAt");
