-- The desk's statement picker through a trigram index on titles (docs/performance.md,
-- "The desk's pickers on a large record").
--
-- An editor linking a statement types part of its title; the picker asks for titles
-- that contain it (`ILIKE '%…%'`) and, when few do, near spellings (`<%`), as it does for
-- events (lib/lookup/search-entities.ts). Events' titles have had a trigram index since
-- the first migration; statements' had none, so each keystroke read every statement: 730
-- ms on the scale record's 200,000, against 2 ms through this index. Building it took
-- 1.2 s there.

-- CreateIndex
CREATE INDEX "Statement_title_trgm_idx" ON "Statement" USING GIN ("title" gin_trgm_ops);
