-- Audit retention (npm run audit:archive): old rows move to "AuditLogArchive".
-- "AuditLog" stays append-only; the one exception is moving a row that is older
-- than 90 days and already copied to the archive, by a session that says so
-- (SET LOCAL chancery.audit_archive = 'on'). The app's role has no DELETE on the
-- table at all (lib/db/roles.ts), so only the owner role can do even that.

-- CreateTable
CREATE TABLE "AuditLogArchive" (
    "id" BIGINT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "actorId" TEXT,
    "actorEmail" TEXT,
    "action" TEXT NOT NULL,
    "targetType" TEXT,
    "targetId" TEXT,
    "summary" JSONB,
    "ip" TEXT,
    "userAgent" TEXT,
    "archivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditLogArchive_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AuditLogArchive_at_idx" ON "AuditLogArchive"("at" DESC);

CREATE OR REPLACE FUNCTION "audit_log_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE'
       AND current_setting('chancery.audit_archive', true) = 'on'
       AND OLD."at" < now() - interval '90 days'
       AND EXISTS (SELECT 1 FROM "AuditLogArchive" a WHERE a."id" = OLD."id") THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'AuditLog is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

-- The archive is append-only too.
CREATE FUNCTION "audit_archive_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'AuditLogArchive is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "AuditLogArchive_append_only"
    BEFORE UPDATE OR DELETE ON "AuditLogArchive"
    FOR EACH ROW EXECUTE FUNCTION "audit_archive_refuse_change"();

CREATE TRIGGER "AuditLogArchive_no_truncate"
    BEFORE TRUNCATE ON "AuditLogArchive"
    FOR EACH STATEMENT EXECUTE FUNCTION "audit_archive_refuse_change"();
