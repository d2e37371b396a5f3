-- A topic's newest published events and statements from its own index (docs/performance.md,
-- "A topic's rows in date order").
--
-- A topic's links held only the row's id, so its newest rows were found either by walking
-- the whole table's date index and testing each row for the topic (a topic in one row of
-- sixty: sixty rows read for each of its own), or by reading every one of its rows by id
-- and sorting them. A search filtered by a topic took the second way for a common word:
-- 1,667 events (12 ms) and 3,334 statements (20 ms) on the scale record, where 201 in date
-- order would have filled its pool.
--
-- Each link now carries its row's published flag and date (and an event's order of the
-- day), as EventCountry and StatementConcern do for countries, and a topic's newest
-- published rows are the first entries of its part of one index. The links are still what
-- the editors write; the copied columns are kept by the database's triggers whatever
-- writes the rows (the desk, imports, restores, plain SQL): a link takes them from its row
-- as it is written (so they cannot be set to anything else), and a change of a row's
-- status, date or order of the day is copied to its links. Backups leave them out
-- (lib/backup/tables.ts). Written by hand in Prisma Migrate's style.

-- AlterTable
ALTER TABLE "EventTopic" ADD COLUMN "published" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN "date" DATE,
ADD COLUMN "dayOrder" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "StatementTopic" ADD COLUMN "published" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN "saidOn" DATE;

-- What the record holds already.
UPDATE "EventTopic" et SET published = e.status = 'PUBLISHED', date = e.date, "dayOrder" = e."dayOrder" FROM "Event" e WHERE e.id = et."eventId";
UPDATE "StatementTopic" st SET published = s.status = 'PUBLISHED', "saidOn" = s."saidOn" FROM "Statement" s WHERE s.id = st."statementId";

-- DropIndex
DROP INDEX "EventTopic_topicId_eventId_idx";

-- DropIndex
DROP INDEX "StatementTopic_topicId_statementId_idx";

-- CreateIndex
CREATE INDEX "EventTopic_topic_newest_idx" ON "EventTopic"("topicId", "published", "date" DESC, "dayOrder" DESC, "eventId" DESC);

-- CreateIndex
CREATE INDEX "StatementTopic_topic_newest_idx" ON "StatementTopic"("topicId", "published", "saidOn" DESC, "statementId" DESC);

-- A link takes its row's flag and dates as it is written, whatever it was given. An id
-- that names no row leaves the defaults, and the foreign key then refuses the link.
CREATE FUNCTION chancery_event_topic_from_event() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  found_row RECORD;
BEGIN
  SELECT e.status = 'PUBLISHED' AS published, e.date, e."dayOrder" INTO found_row FROM "Event" e WHERE e.id = NEW."eventId";
  IF FOUND THEN
    NEW.published := found_row.published;
    NEW.date := found_row.date;
    NEW."dayOrder" := found_row."dayOrder";
  END IF;
  RETURN NEW;
END $$;

CREATE FUNCTION chancery_statement_topic_from_statement() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  found_row RECORD;
BEGIN
  SELECT s.status = 'PUBLISHED' AS published, s."saidOn" INTO found_row FROM "Statement" s WHERE s.id = NEW."statementId";
  IF FOUND THEN
    NEW.published := found_row.published;
    NEW."saidOn" := found_row."saidOn";
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "EventTopic_from_event" BEFORE INSERT OR UPDATE ON "EventTopic"
  FOR EACH ROW EXECUTE FUNCTION chancery_event_topic_from_event();
CREATE TRIGGER "StatementTopic_from_statement" BEFORE INSERT OR UPDATE ON "StatementTopic"
  FOR EACH ROW EXECUTE FUNCTION chancery_statement_topic_from_statement();

-- A row's new status, date or order of the day, copied to its links (each link's own
-- trigger then reads them from the row).
CREATE FUNCTION chancery_event_topics_from_events() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "EventTopic" et SET published = n.status = 'PUBLISHED', date = n.date, "dayOrder" = n."dayOrder"
    FROM new_rows n JOIN old_rows o ON o.id = n.id
   WHERE et."eventId" = n.id
     AND (n.status IS DISTINCT FROM o.status OR n.date IS DISTINCT FROM o.date OR n."dayOrder" IS DISTINCT FROM o."dayOrder");
  RETURN NULL;
END $$;

CREATE FUNCTION chancery_statement_topics_from_statements() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "StatementTopic" st SET published = n.status = 'PUBLISHED', "saidOn" = n."saidOn"
    FROM new_rows n JOIN old_rows o ON o.id = n.id
   WHERE st."statementId" = n.id
     AND (n.status IS DISTINCT FROM o.status OR n."saidOn" IS DISTINCT FROM o."saidOn");
  RETURN NULL;
END $$;

CREATE TRIGGER "Event_topics_update" AFTER UPDATE ON "Event"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION chancery_event_topics_from_events();
CREATE TRIGGER "Statement_topics_update" AFTER UPDATE ON "Statement"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION chancery_statement_topics_from_statements();
