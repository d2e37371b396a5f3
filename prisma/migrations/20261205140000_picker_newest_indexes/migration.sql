-- The desk's event and statement pickers, opened or given one or two letters, through
-- an index of every status's items by date (docs/performance.md, "The desk's pickers on
-- a large record").
--
-- An open picker lists the newest items of every status (drafts included: the desk links
-- them); one or two typed letters list the newest whose title has a word starting with
-- them (lib/lookup/search-entities.ts). The public lists' date indexes lead with the
-- status, so both read and sorted the whole table: on the scale record 60 and 90 ms to
-- open the event and statement pickers, 100-400 ms a letter. With these, PostgreSQL walks
-- the newest rows until it has enough (common letters), or finds the few through the
-- titles' trigram index (rare ones): under a millisecond each.
--
-- NULLS LAST, as the pickers order (an undated item last), which Prisma's schema cannot
-- say; lib/db/schema-agreement.test.ts names them.

-- CreateIndex
CREATE INDEX "Event_date_picker_idx" ON "Event" ("date" DESC NULLS LAST);

-- CreateIndex
CREATE INDEX "Statement_saidOn_picker_idx" ON "Statement" ("saidOn" DESC NULLS LAST);
