-- The public event lists filter by country (the event's own or a participant's) and by
-- type, newest first (docs/performance.md). Both indexes end with the columns those
-- filters read, so a walk down the date order checks them in the index alone (an
-- index-only scan) instead of reading each event's row: on the 100,000-event record a
-- page filtered by country and type went from reading thousands of rows to none.
-- Prisma's schema language has no INCLUDE, so the extra columns are trailing keys.
-- Written by hand in Prisma Migrate's style.

-- DropIndex
DROP INDEX "Event_status_date_dayOrder_id_idx";

-- CreateIndex
CREATE INDEX "Event_status_date_dayOrder_id_countryId_idx" ON "Event"("status", "date" DESC, "dayOrder" DESC, "id" DESC, "countryId");

-- CreateIndex
CREATE INDEX "Event_status_type_date_dayOrder_id_countryId_idx" ON "Event"("status", "type", "date" DESC, "dayOrder" DESC, "id" DESC, "countryId");
