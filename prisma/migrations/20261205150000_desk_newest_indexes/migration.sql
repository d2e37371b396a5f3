-- The desk's dashboard and lists through indexes of their own orders (docs/performance.md,
-- "The desk on a large record").
--
-- The dashboard shows the newest published items and the published items with staged
-- changes; the desk's lists show events and statements by their latest change. None of
-- these orders had an index, so on the scale record (100,000 events, 200,000 statements)
-- each read and sorted its table whole: 108 and 166 ms for the newest published, 90 and
-- 145 ms for the staged ones (four reads, half a second of PostgreSQL's time for each
-- dashboard), and 150-340 ms for an unfiltered list page. With these: under half a
-- millisecond each.

-- CreateIndex
CREATE INDEX "Event_status_publishedAt_idx" ON "Event" ("status", "publishedAt" DESC);

-- CreateIndex
CREATE INDEX "Event_status_stagedAt_idx" ON "Event" ("status", "stagedAt" DESC);

-- CreateIndex
CREATE INDEX "Event_updatedAt_id_idx" ON "Event" ("updatedAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Statement_status_publishedAt_idx" ON "Statement" ("status", "publishedAt" DESC);

-- CreateIndex
CREATE INDEX "Statement_status_stagedAt_idx" ON "Statement" ("status", "stagedAt" DESC);

-- CreateIndex
CREATE INDEX "Statement_updatedAt_id_idx" ON "Statement" ("updatedAt" DESC, "id" DESC);
