-- CreateTable
CREATE TABLE "CacheTagExpiration" (
    "tag" TEXT NOT NULL,
    "expiredAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CacheTagExpiration_pkey" PRIMARY KEY ("tag")
);

-- CreateIndex
CREATE INDEX "CacheTagExpiration_expiredAt_idx" ON "CacheTagExpiration"("expiredAt");
