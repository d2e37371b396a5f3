-- The countries of each event, kept by the database itself (docs/performance.md).
-- The countries index counted every published event's countries from the events and
-- their participants on each render (400,000 rows and 0.8 s on the 100,000-event scale
-- record, after every publish); it now reads this table, which triggers keep equal to
-- that count whatever writes the rows: the desk, imports, restores or plain SQL.
-- Statement-level triggers with transition tables, so that a bulk write refreshes its
-- events in one statement. Written by hand in Prisma Migrate's style.

-- CreateTable
CREATE TABLE "EventCountry" (
    "eventId" TEXT NOT NULL,
    "countryId" CHAR(2) NOT NULL,
    "published" BOOLEAN NOT NULL,

    CONSTRAINT "EventCountry_pkey" PRIMARY KEY ("eventId","countryId")
);

-- CreateIndex
CREATE INDEX "EventCountry_countryId_published_idx" ON "EventCountry"("countryId", "published");

-- AddForeignKey
ALTER TABLE "EventCountry" ADD CONSTRAINT "EventCountry_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The countries of the given events, as countriesOfEvent (lib/countries/public-queries.ts)
-- counts them. Rows that no longer hold are deleted, new ones inserted, and the
-- published flag updated; ON CONFLICT keeps two transactions refreshing one event apart.
CREATE FUNCTION chancery_refresh_event_countries(ids TEXT[]) RETURNS void LANGUAGE sql AS $$
  WITH fresh AS (
    SELECT DISTINCT e.id AS "eventId", x.iso2 AS "countryId", e.status = 'PUBLISHED' AS published
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
  ), gone AS (
    DELETE FROM "EventCountry" ec
     WHERE ec."eventId" = ANY(ids)
       AND NOT EXISTS (SELECT 1 FROM fresh f WHERE f."eventId" = ec."eventId" AND f."countryId" = ec."countryId")
  )
  INSERT INTO "EventCountry" ("eventId", "countryId", published)
  SELECT "eventId", "countryId", published FROM fresh
  ON CONFLICT ("eventId", "countryId") DO UPDATE SET published = EXCLUDED.published
   WHERE "EventCountry".published IS DISTINCT FROM EXCLUDED.published;
$$;

CREATE FUNCTION chancery_event_countries_from_events() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM chancery_refresh_event_countries(ARRAY(SELECT id FROM new_rows));
  ELSE
    PERFORM chancery_refresh_event_countries(ARRAY(
      SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
       WHERE n.status IS DISTINCT FROM o.status OR n."countryId" IS DISTINCT FROM o."countryId"));
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION chancery_event_countries_from_participants() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM chancery_refresh_event_countries(ARRAY(SELECT DISTINCT "eventId" FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM chancery_refresh_event_countries(ARRAY(SELECT DISTINCT "eventId" FROM old_rows));
  ELSE
    PERFORM chancery_refresh_event_countries(ARRAY(SELECT "eventId" FROM new_rows UNION SELECT "eventId" FROM old_rows));
  END IF;
  RETURN NULL;
END $$;

-- A person's or organization's country counts for the events they take part in
-- without a country of their own.
CREATE FUNCTION chancery_event_countries_from_actors() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format(
    'SELECT chancery_refresh_event_countries(ARRAY(SELECT DISTINCT p."eventId" FROM new_rows n JOIN old_rows o ON o.id = n.id
       JOIN "EventParticipant" p ON p.%I = n.id WHERE n."countryId" IS DISTINCT FROM o."countryId"))',
    CASE TG_TABLE_NAME WHEN 'Person' THEN 'personId' ELSE 'organizationId' END);
  RETURN NULL;
END $$;

CREATE TRIGGER "Event_countries_insert" AFTER INSERT ON "Event"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION chancery_event_countries_from_events();
CREATE TRIGGER "Event_countries_update" AFTER UPDATE ON "Event"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION chancery_event_countries_from_events();
CREATE TRIGGER "EventParticipant_countries_insert" AFTER INSERT ON "EventParticipant"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION chancery_event_countries_from_participants();
CREATE TRIGGER "EventParticipant_countries_update" AFTER UPDATE ON "EventParticipant"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION chancery_event_countries_from_participants();
CREATE TRIGGER "EventParticipant_countries_delete" AFTER DELETE ON "EventParticipant"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION chancery_event_countries_from_participants();
CREATE TRIGGER "Person_countries_update" AFTER UPDATE ON "Person"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION chancery_event_countries_from_actors();
CREATE TRIGGER "Organization_countries_update" AFTER UPDATE ON "Organization"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION chancery_event_countries_from_actors();

-- What the record holds already.
SELECT chancery_refresh_event_countries(ARRAY(SELECT id FROM "Event"));
