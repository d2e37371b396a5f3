-- Bulk import (docs/import.md): an imported event or statement keeps where it came from and its
-- id there, unique per source, so importing the same file again finds each row and changes
-- nothing. Written by hand in Prisma Migrate's style; the CHECK constraints at the end say what
-- schema.prisma cannot: the two columns are set together or not at all.

-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "externalId" TEXT,
ADD COLUMN     "externalSource" TEXT;

-- AlterTable
ALTER TABLE "Statement" ADD COLUMN     "externalId" TEXT,
ADD COLUMN     "externalSource" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Event_externalSource_externalId_key" ON "Event"("externalSource", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "Statement_externalSource_externalId_key" ON "Statement"("externalSource", "externalId");

ALTER TABLE "Event" ADD CONSTRAINT "Event_external_id_pair" CHECK (("externalSource" IS NULL) = ("externalId" IS NULL));
ALTER TABLE "Statement" ADD CONSTRAINT "Statement_external_id_pair" CHECK (("externalSource" IS NULL) = ("externalId" IS NULL));
