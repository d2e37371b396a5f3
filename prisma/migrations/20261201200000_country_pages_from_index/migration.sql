-- A country's page from indexes alone, at any record size (docs/performance.md).
--
-- * Its newest statements. A statement concerns a country when it is tagged with it or
--   its speaker is of it; the page found those as a union of two id sets, joined them
--   to Statement and sorted them (6,666 statements and 330-390 ms for the busiest
--   country of the scale record, warm). StatementConcern keeps each statement's
--   countries with its published flag and its date, so the newest 50 are the first
--   50 entries of one index.
-- * Its newest events, and two countries' shared ones. EventCountry now keeps each
--   event's date and order of the day too: the newest events of a country, or of a
--   country with another, are read from its index in order instead of the events'
--   (300 ms and more for two countries sharing 2,500 events).
-- * Two countries' establishment of relations: EventCountry keeps the event's type too,
--   so the oldest shared "relations established" event is found in the first country's
--   index entries (87 ms reading 2,500 shared events' rows when there was none).
-- * The countries index counts every country's published events: from a narrow
--   (countryId, published) index again, since the wide one and the table are now several
--   times its size.
-- * Its partners. Each EventCountry row now carries the event's other countries, so
--   a country's partners are counted from its own index entries instead of a join of
--   EventCountry with itself (a sequential scan of 300,000 rows: 200-350 ms for a
--   country in 7,500 events on a loaded machine).
--
-- All are kept by the database's triggers whatever writes the rows, like EventCountry
-- (migration 20261201140000_event_countries). Written by hand in Prisma Migrate's style.

-- AlterTable
ALTER TABLE "EventCountry" ADD COLUMN "date" DATE,
ADD COLUMN "dayOrder" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "type" "EventType",
ADD COLUMN "partners" CHAR(2)[];

-- DropIndex
DROP INDEX "EventCountry_countryId_published_eventId_idx";

-- CreateIndex
CREATE INDEX "EventCountry_countryId_published_idx" ON "EventCountry"("countryId", "published");

-- CreateIndex
CREATE INDEX "EventCountry_country_newest_idx" ON "EventCountry"("countryId", "published", "date" DESC, "dayOrder" DESC, "eventId" DESC, "partners", "type");

-- CreateTable
CREATE TABLE "StatementConcern" (
    "statementId" TEXT NOT NULL,
    "countryId" CHAR(2) NOT NULL,
    "published" BOOLEAN NOT NULL,
    "saidOn" DATE,

    CONSTRAINT "StatementConcern_pkey" PRIMARY KEY ("statementId","countryId")
);

-- CreateIndex
CREATE INDEX "StatementConcern_countryId_published_saidOn_statementId_idx" ON "StatementConcern"("countryId", "published", "saidOn" DESC, "statementId" DESC);

-- AddForeignKey
ALTER TABLE "StatementConcern" ADD CONSTRAINT "StatementConcern_statementId_fkey" FOREIGN KEY ("statementId") REFERENCES "Statement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The countries of the given events, as before, each row now with the event's date,
-- order of the day, type and other countries (sorted, so an unchanged set compares equal
-- and is not rewritten).
CREATE OR REPLACE FUNCTION chancery_refresh_event_countries(ids TEXT[]) RETURNS void LANGUAGE sql AS $$
  WITH found AS (
    SELECT DISTINCT e.id AS "eventId", x.iso2 AS "countryId", e.status = 'PUBLISHED' AS published, e.date, e."dayOrder", e.type
      FROM "Event" e
      CROSS JOIN LATERAL (
        SELECT e."countryId" AS iso2
        UNION ALL
        SELECT coalesce(p."countryId", pe."countryId", o."countryId")
          FROM "EventParticipant" p
          LEFT JOIN "Person" pe ON pe.id = p."personId"
          LEFT JOIN "Organization" o ON o.id = p."organizationId"
         WHERE p."eventId" = e.id
      ) x
     WHERE e.id = ANY(ids) AND x.iso2 IS NOT NULL
  ), everyone AS (
    SELECT "eventId", array_agg("countryId" ORDER BY "countryId") AS countries FROM found GROUP BY "eventId"
  ), fresh AS (
    SELECT f."eventId", f."countryId", f.published, f.date, f."dayOrder", f.type, array_remove(a.countries, f."countryId") AS partners
      FROM found f JOIN everyone a ON a."eventId" = f."eventId"
  ), gone AS (
    DELETE FROM "EventCountry" ec
     WHERE ec."eventId" = ANY(ids)
       AND NOT EXISTS (SELECT 1 FROM fresh f WHERE f."eventId" = ec."eventId" AND f."countryId" = ec."countryId")
  )
  INSERT INTO "EventCountry" ("eventId", "countryId", published, date, "dayOrder", type, partners)
  SELECT "eventId", "countryId", published, date, "dayOrder", type, partners FROM fresh
  ON CONFLICT ("eventId", "countryId") DO UPDATE
     SET published = EXCLUDED.published, date = EXCLUDED.date, "dayOrder" = EXCLUDED."dayOrder", type = EXCLUDED.type, partners = EXCLUDED.partners
   WHERE ("EventCountry".published, "EventCountry".date, "EventCountry"."dayOrder", "EventCountry".type, "EventCountry".partners)
         IS DISTINCT FROM (EXCLUDED.published, EXCLUDED.date, EXCLUDED."dayOrder", EXCLUDED.type, EXCLUDED.partners);
$$;

-- The countries the given statements concern: each tagged one and the speaker's.
CREATE FUNCTION chancery_refresh_statement_concerns(ids TEXT[]) RETURNS void LANGUAGE sql AS $$
  WITH fresh AS (
    SELECT DISTINCT s.id AS "statementId", x.iso2 AS "countryId", s.status = 'PUBLISHED' AS published, s."saidOn"
      FROM "Statement" s
      CROSS JOIN LATERAL (
        SELECT sc."countryId" AS iso2 FROM "StatementCountry" sc WHERE sc."statementId" = s.id
        UNION ALL
        SELECT pe."countryId" FROM "Person" pe WHERE pe.id = s."speakerId"
      ) x
     WHERE s.id = ANY(ids) AND x.iso2 IS NOT NULL
  ), gone AS (
    DELETE FROM "StatementConcern" sc
     WHERE sc."statementId" = ANY(ids)
       AND NOT EXISTS (SELECT 1 FROM fresh f WHERE f."statementId" = sc."statementId" AND f."countryId" = sc."countryId")
  )
  INSERT INTO "StatementConcern" ("statementId", "countryId", published, "saidOn")
  SELECT "statementId", "countryId", published, "saidOn" FROM fresh
  ON CONFLICT ("statementId", "countryId") DO UPDATE SET published = EXCLUDED.published, "saidOn" = EXCLUDED."saidOn"
   WHERE ("StatementConcern".published, "StatementConcern"."saidOn") IS DISTINCT FROM (EXCLUDED.published, EXCLUDED."saidOn");
$$;

-- An event's date, order of the day and type are kept beside its countries now too.
CREATE OR REPLACE FUNCTION chancery_event_countries_from_events() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM chancery_refresh_event_countries(ARRAY(SELECT id FROM new_rows));
  ELSE
    PERFORM chancery_refresh_event_countries(ARRAY(
      SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
       WHERE n.status IS DISTINCT FROM o.status OR n."countryId" IS DISTINCT FROM o."countryId"
          OR n.date IS DISTINCT FROM o.date OR n."dayOrder" IS DISTINCT FROM o."dayOrder" OR n.type IS DISTINCT FROM o.type));
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION chancery_statement_concerns_from_statements() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM chancery_refresh_statement_concerns(ARRAY(SELECT id FROM new_rows));
  ELSE
    PERFORM chancery_refresh_statement_concerns(ARRAY(
      SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
       WHERE n.status IS DISTINCT FROM o.status OR n."saidOn" IS DISTINCT FROM o."saidOn" OR n."speakerId" IS DISTINCT FROM o."speakerId"));
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION chancery_statement_concerns_from_tags() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM chancery_refresh_statement_concerns(ARRAY(SELECT DISTINCT "statementId" FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM chancery_refresh_statement_concerns(ARRAY(SELECT DISTINCT "statementId" FROM old_rows));
  ELSE
    PERFORM chancery_refresh_statement_concerns(ARRAY(SELECT "statementId" FROM new_rows UNION SELECT "statementId" FROM old_rows));
  END IF;
  RETURN NULL;
END $$;

-- A speaker's country counts for each of their statements.
CREATE FUNCTION chancery_statement_concerns_from_speakers() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM chancery_refresh_statement_concerns(ARRAY(
    SELECT s.id FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN "Statement" s ON s."speakerId" = n.id
     WHERE n."countryId" IS DISTINCT FROM o."countryId"));
  RETURN NULL;
END $$;

CREATE TRIGGER "Statement_concerns_insert" AFTER INSERT ON "Statement"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION chancery_statement_concerns_from_statements();
CREATE TRIGGER "Statement_concerns_update" AFTER UPDATE ON "Statement"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION chancery_statement_concerns_from_statements();
CREATE TRIGGER "StatementCountry_concerns_insert" AFTER INSERT ON "StatementCountry"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION chancery_statement_concerns_from_tags();
CREATE TRIGGER "StatementCountry_concerns_update" AFTER UPDATE ON "StatementCountry"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION chancery_statement_concerns_from_tags();
CREATE TRIGGER "StatementCountry_concerns_delete" AFTER DELETE ON "StatementCountry"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION chancery_statement_concerns_from_tags();
CREATE TRIGGER "Person_concerns_update" AFTER UPDATE ON "Person"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION chancery_statement_concerns_from_speakers();

-- What the record holds already.
SELECT chancery_refresh_event_countries(ARRAY(SELECT id FROM "Event"));
ALTER TABLE "EventCountry" ALTER COLUMN "type" SET NOT NULL;
SELECT chancery_refresh_statement_concerns(ARRAY(SELECT id FROM "Statement"));
