-- A country's published events, their count and its partners are read from
-- EventCountry by (countryId, published); with the event's id in the index too they
-- are read from the index alone. On the scale record a country in 7,500 events read
-- 1,264 heap pages to find its event ids for the partners' join (105-200 ms on a loaded
-- machine); from this index, 2.5 ms for the same ids and 80 ms for the partners.
-- Written by hand in Prisma Migrate's style.

-- DropIndex
DROP INDEX "EventCountry_countryId_published_idx";

-- CreateIndex
CREATE INDEX "EventCountry_countryId_published_eventId_idx" ON "EventCountry"("countryId", "published", "eventId");
