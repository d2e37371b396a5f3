import { contentWorkflow } from "@/lib/workflow/content-workflow";
import { statementAdapter } from "./statement-adapter";

/**
 * The statement writes of the editorial desk: the same workflow as events
 * (lib/workflow/content-workflow.ts), one transaction, revision and audit row each.
 */
export const statementWorkflow = contentWorkflow(statementAdapter);
const workflow = statementWorkflow;

export const createStatement = workflow.create;
export const updateStatement = workflow.update;
export const submitStatementForReview = workflow.submit;
export const publishStatement = workflow.publish;
export const scheduleStatement = workflow.schedule;
export const unpublishStatement = workflow.unpublish;
export const retractStatement = workflow.retract;
export const deleteStatement = workflow.remove;
export const publishStatementChanges = workflow.publishChanges;
export const restoreStatementRevision = workflow.restore;
