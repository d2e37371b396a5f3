import { contentWorkflow } from "@/lib/publication/content-workflow";
import { eventRecord } from "./event-record";

/**
 * The event writes of the editorial desk (lib/publication/content-workflow.ts):
 * each runs in one transaction with a revision and an audit row, checks the
 * actor's role for the transition and the base version, and returns what the
 * public site must refresh.
 */
export const eventWorkflow = contentWorkflow(eventRecord);

export const {
  create: createEvent,
  update: updateEvent,
  submit: submitEventForReview,
  publish: publishEvent,
  schedule: scheduleEvent,
  unpublish: unpublishEvent,
  retract: retractEvent,
  remove: deleteEvent,
  publishChanges: publishEventChanges,
  restore: restoreEventRevision,
} = eventWorkflow;
