/**
 * What a backup holds, table by table. Every table of the database is named here,
 * either kept or left out with the reason, and a test fails when a migration adds
 * a table nobody has classified: a new table is never silently missing from backups.
 */
export const LEFT_OUT_TABLES: Readonly<Record<string, string>> = {
  _prisma_migrations: "migration bookkeeping; the target database is migrated by the code that restores",
  UserSession: "sessions end on a restore; everyone signs in again",
  Invitation: "single-use links are not carried to another server; invite again",
  PasswordReset: "single-use links are not carried to another server",
  SignInThrottle: "short-lived counters of failed sign-ins (and of denied requests)",
  WebhookEndpoint: "endpoints hold signing secrets shared with their receivers; an admin adds them again on the restored server (and receivers get new secrets)",
  WebhookDelivery: "the delivery log of this server's endpoints, and its queued jobs live in the job queue's own schema",
  RecoveryCode: "two-factor recovery codes are shown once and never leave the server; after a restore, people set two-factor sign-in up again",
  EventCountry: "derived from events, participants, people and organizations, and kept by the database's triggers: a restore rebuilds it as it writes those rows",
  StatementConcern: "derived from statements, their country tags and their speakers, and kept by the database's triggers: a restore rebuilds it as it writes those rows",
  DeskPresence: "who has a desk page open right now, refreshed every few seconds by the open pages; nobody has a page open on a restored server",
  CacheTagExpiration: "short-lived record of which public cache tags expired when, read only by running servers catching up after a lost connection; a restored server starts with empty caches",
};

/**
 * Columns of kept tables that a backup leaves out: copies of other rows' values that the
 * database's triggers write as the rows are restored (a topic's links carry their row's
 * published flag and date). A restore never trusts them from a file.
 */
export const LEFT_OUT_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  EventTopic: ["published", "date", "dayOrder"],
  StatementTopic: ["published", "saidOn"],
};

/**
 * Columns that let someone sign in. They are written only with --with-credentials;
 * otherwise they are exported as null, and those users need a reset link (or the
 * first-admin start-up) to sign in on the restored server.
 */
export const CREDENTIAL_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  User: ["passwordHash", "totpSecret", "totpPendingSecret", "totpEnabledAt", "totpLastStep"],
};

/** Names that look like a secret; a test holds each such column to be listed above. */
export const SECRET_LIKE_COLUMN = /hash|secret|token|totp|recovery|otp/i;
