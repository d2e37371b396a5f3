-- The review conversation: one row per step between editorial states, with its note.

-- CreateTable
CREATE TABLE "ReviewStep" (
    "id" TEXT NOT NULL,
    "kind" "ContentKind" NOT NULL,
    "entityId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "note" TEXT,
    "version" INTEGER NOT NULL,
    "actorId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewStep_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReviewStep_kind_entityId_createdAt_idx" ON "ReviewStep"("kind", "entityId", "createdAt");

-- CreateIndex
CREATE INDEX "ReviewStep_actorId_idx" ON "ReviewStep"("actorId");

-- AddForeignKey
ALTER TABLE "ReviewStep" ADD CONSTRAINT "ReviewStep_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
