/** Seconds a client is asked to wait when the database is away (lib/server/response.ts, lib/http/json-route.ts). */
export const RETRY_AFTER_SECONDS = 5;
