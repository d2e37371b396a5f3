-- A sign-in from a browser the account has not been used from before is mailed to its owner
-- (lib/auth/browser-cookie.ts, lib/mail/send-new-sign-in.ts; docs/accounts.md, "New browsers").
-- A browser is known by a random id in a long-lived cookie of its own; a session keeps the
-- SHA-256 of it, never the id. Sessions from before this migration have none: an account's
-- first sign-in after it counts as from a known browser, so nobody is mailed for the upgrade.
ALTER TABLE "UserSession" ADD COLUMN "browserHash" TEXT;

CREATE INDEX "UserSession_userId_browserHash_idx" ON "UserSession"("userId", "browserHash");
