// @ts-check
/**
 * True while `next build` runs (it sets NEXT_PHASE in its workers): there is no
 * database then, so nothing may connect, listen or read the record. Plain JavaScript so
 * that the cache handlers, which Next loads as they are, can use it too.
 */
export function isBuildPhase() {
  return process.env.NEXT_PHASE === "phase-production-build";
}
