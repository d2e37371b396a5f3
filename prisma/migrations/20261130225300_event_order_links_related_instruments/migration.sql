-- Events get an order within their day, links to related events ("led to" / "followed from"),
-- an approximate-date flag and a note of what the sources leave unconfirmed; treaty actions can
-- record joining through a related instrument. Written with scripts/migration-diff.ts, then
-- the CHECK constraints at the end by hand.

-- CreateEnum
CREATE TYPE "EventLinkKind" AS ENUM ('LED_TO');

-- AlterEnum
ALTER TYPE "EventType" ADD VALUE 'DIPLOMATIC_COOPERATION';

-- AlterEnum
ALTER TYPE "TreatyActionType" ADD VALUE 'JOINED_THROUGH_RELATED_INSTRUMENT';

-- DropIndex
DROP INDEX "Event_status_date_id_idx";

-- AlterTable
ALTER TABLE "TreatyAction" ADD COLUMN     "unconfirmedNote" TEXT,
ADD COLUMN     "viaAgreementId" TEXT;

-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "dateApproximate" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "dayOrder" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "unconfirmedNote" TEXT;

-- CreateTable
CREATE TABLE "EventLink" (
    "id" TEXT NOT NULL,
    "fromEventId" TEXT NOT NULL,
    "toEventId" TEXT NOT NULL,
    "kind" "EventLinkKind" NOT NULL DEFAULT 'LED_TO',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EventLink_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "EventLink_toEventId_idx" ON "EventLink"("toEventId");

-- CreateIndex
CREATE UNIQUE INDEX "EventLink_fromEventId_toEventId_kind_key" ON "EventLink"("fromEventId", "toEventId", "kind");

-- CreateIndex
CREATE INDEX "TreatyAction_viaAgreementId_idx" ON "TreatyAction"("viaAgreementId");

-- CreateIndex
CREATE INDEX "Event_status_date_dayOrder_id_idx" ON "Event"("status", "date" DESC, "dayOrder" DESC, "id" DESC);

-- AddForeignKey
ALTER TABLE "TreatyAction" ADD CONSTRAINT "TreatyAction_viaAgreementId_fkey" FOREIGN KEY ("viaAgreementId") REFERENCES "Agreement"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventLink" ADD CONSTRAINT "EventLink_fromEventId_fkey" FOREIGN KEY ("fromEventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventLink" ADD CONSTRAINT "EventLink_toEventId_fkey" FOREIGN KEY ("toEventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- An event cannot lead to itself.
ALTER TABLE "EventLink" ADD CONSTRAINT "EventLink_not_self_check" CHECK ("fromEventId" <> "toEventId");

-- Positions within a day count from 0 (unset).
ALTER TABLE "Event" ADD CONSTRAINT "Event_dayOrder_check" CHECK ("dayOrder" >= 0);

-- The related instrument is another agreement.
ALTER TABLE "TreatyAction" ADD CONSTRAINT "TreatyAction_via_other_check" CHECK ("viaAgreementId" IS NULL OR "viaAgreementId" <> "agreementId");
