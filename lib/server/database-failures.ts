import { isDatabaseUnavailable } from "@/lib/db/errors";

/**
 * When this process last saw a request fail because PostgreSQL was away (from
 * Next's onRequestError). Our server asks before turning a 5xx into a 503: right
 * as PostgreSQL comes back, a request can fail with "the database system is starting
 * up" while the probe's own new connection already succeeds — the failure itself
 * says what happened. One value per process, kept on globalThis because Next loads
 * the instrumentation hook in its own bundle.
 */
const KEY = Symbol.for("chancery.lastDatabaseFailureAt");
type Holder = Record<symbol, number | undefined>;

export function noteRequestFailure(error: unknown): void {
  if (isDatabaseUnavailable(error)) (globalThis as unknown as Holder)[KEY] = Date.now();
}

export function sawDatabaseFailureWithin(ms: number): boolean {
  const at = (globalThis as unknown as Holder)[KEY];
  return typeof at === "number" && Date.now() - at < ms;
}
