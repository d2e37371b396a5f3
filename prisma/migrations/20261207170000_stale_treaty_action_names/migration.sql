-- Events' staged changes and earlier versions that name a treaty action which no longer exists
-- name the step the event records now, or none (lib/agreements/treaty-action-rows.ts; docs/desk.md,
-- "An agreement's parties' steps and the events that record them").
--
-- Until now every save of an agreement (and a merge, and a demo-record correction) made its
-- parties' steps anew under new ids, while an event's staged changes and its revisions keep the
-- `treatyActionId` of the step it records: publishing those changes or restoring such a version
-- was refused ("There is no such treaty action"). Saves now keep the rows; this mends what the
-- old saves left. The step a stale id meant was made anew with the event's live link on it, so
-- the step the event records now is that step, unless the staged change or version concerns
-- another agreement (then, and where the event records none, it names none: the editor picks
-- one if one applies). Written by hand.

UPDATE "Event" e
SET "stagedData" = jsonb_set(e."stagedData", '{treatyActionId}', COALESCE(to_jsonb((
    SELECT t.id FROM "TreatyAction" t
    WHERE t."eventId" = e.id
      AND (e."stagedData"->>'agreementId' IS NULL OR t."agreementId" = e."stagedData"->>'agreementId')
    ORDER BY t."createdAt", t.id LIMIT 1
  )), 'null'::jsonb))
WHERE e."stagedData" IS NOT NULL
  AND jsonb_typeof(e."stagedData"->'treatyActionId') = 'string'
  AND NOT EXISTS (SELECT 1 FROM "TreatyAction" t WHERE t.id = e."stagedData"->>'treatyActionId');

UPDATE "Revision" r
SET data = jsonb_set(r.data, '{treatyActionId}', COALESCE(to_jsonb((
    SELECT t.id FROM "TreatyAction" t
    WHERE t."eventId" = r."entityId"
      AND (r.data->>'agreementId' IS NULL OR t."agreementId" = r.data->>'agreementId')
    ORDER BY t."createdAt", t.id LIMIT 1
  )), 'null'::jsonb))
WHERE r.kind = 'EVENT'
  AND jsonb_typeof(r.data->'treatyActionId') = 'string'
  AND NOT EXISTS (SELECT 1 FROM "TreatyAction" t WHERE t.id = r.data->>'treatyActionId');
