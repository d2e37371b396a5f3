-- Who has a desk record's page open (lib/desk/presence.ts; docs/desk.md, "Who else has it open").
-- The page says so before two people change the same record; a stale save is still refused
-- with the conflict screen whatever this table says. Rows are kept fresh by the page's
-- heartbeat and are not backed up (lib/backup/tables.ts).
CREATE TABLE "DeskPresence" (
    "kind" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "openedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "seenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DeskPresence_pkey" PRIMARY KEY ("kind", "entityId", "userId")
);

CREATE INDEX "DeskPresence_seenAt_idx" ON "DeskPresence"("seenAt");

CREATE INDEX "DeskPresence_userId_idx" ON "DeskPresence"("userId");

ALTER TABLE "DeskPresence" ADD CONSTRAINT "DeskPresence_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
