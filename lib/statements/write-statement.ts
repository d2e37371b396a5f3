import { contentWorkflow } from "@/lib/publication/content-workflow";
import { statementRecord } from "./statement-record";

/**
 * The statement writes of the editorial desk (lib/publication/content-workflow.ts):
 * each runs in one transaction with a revision and an audit row, checks the
 * actor's role for the transition and the base version, and returns what the
 * public site must refresh.
 */
export const statementWorkflow = contentWorkflow(statementRecord);

export const {
  create: createStatement,
  update: updateStatement,
  submit: submitStatementForReview,
  publish: publishStatement,
  schedule: scheduleStatement,
  unpublish: unpublishStatement,
  retract: retractStatement,
  remove: deleteStatement,
  publishChanges: publishStatementChanges,
  restore: restoreStatementRevision,
} = statementWorkflow;
