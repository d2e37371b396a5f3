import { contentWorkflow } from "@/lib/workflow/content-workflow";
import { eventAdapter } from "./event-adapter";

/**
 * The event writes of the editorial desk. Each runs in one transaction with a
 * revision and an audit row, checks the actor's role for the transition and the
 * base version, and returns what the public site must refresh.
 */
export const eventWorkflow = contentWorkflow(eventAdapter);
const workflow = eventWorkflow;

export const createEvent = workflow.create;
export const updateEvent = workflow.update;
export const submitEventForReview = workflow.submit;
export const publishEvent = workflow.publish;
export const scheduleEvent = workflow.schedule;
export const unpublishEvent = workflow.unpublish;
export const retractEvent = workflow.retract;
export const deleteEvent = workflow.remove;
export const publishEventChanges = workflow.publishChanges;
export const restoreEventRevision = workflow.restore;
