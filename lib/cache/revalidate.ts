import "server-only";
import { revalidateTag } from "next/cache";
import { db } from "@/lib/db/client";
import { CHANNEL, tagPayloads } from "./handlers/tag-expirations.mjs";
import { tags } from "./tags";

/**
 * What a write touched. Callers name the records whose public view changed;
 * this expires exactly the tags that show them.
 */
export interface PublicChange {
  events?: string[];
  statements?: string[];
  countries?: string[];
  people?: string[];
  organizations?: string[];
  agreements?: string[];
  topics?: string[];
  corrections?: boolean;
}

/** Several changes as one: every list joined (each name once), corrections if any says so. */
export function combineChanges(...changes: Array<PublicChange | null>): PublicChange {
  const out: PublicChange = {};
  for (const change of changes) {
    if (!change) continue;
    for (const [key, value] of Object.entries(change) as Array<[keyof PublicChange, unknown]>) {
      if (Array.isArray(value)) (out as Record<string, string[]>)[key] = [...new Set([...(((out as Record<string, unknown>)[key] as string[] | undefined) ?? []), ...value])];
      else if (value === true) out.corrections = true;
    }
  }
  return out;
}

export function tagsFor(change: PublicChange): string[] {
  const out = new Set<string>();
  if (change.events?.length) {
    out.add(tags.eventLists);
    change.events.forEach((slug) => out.add(tags.event(slug)));
  }
  if (change.statements?.length) {
    out.add(tags.statementLists);
    change.statements.forEach((slug) => out.add(tags.statement(slug)));
  }
  change.countries?.forEach((iso2) => out.add(tags.country(iso2)));
  change.people?.forEach((slug) => out.add(tags.person(slug)));
  change.organizations?.forEach((slug) => out.add(tags.organization(slug)));
  if (change.agreements?.length) {
    out.add(tags.agreementLists);
    change.agreements.forEach((slug) => out.add(tags.agreement(slug)));
  }
  change.topics?.forEach((slug) => out.add(tags.topic(slug)));
  if (change.corrections) out.add(tags.corrections);
  // Event and statement pages and lists show countries, people, organizations and
  // topics by name, so a change to one of those expires them as well.
  if (change.countries?.length || change.people?.length || change.organizations?.length || change.topics?.length) {
    out.add(tags.eventLists);
    out.add(tags.statementLists);
  }
  if (out.size > 0) out.add(tags.search);
  return [...out];
}

/** The public caches could not be told of a write; the write itself stands. */
export class CacheInvalidationError extends Error {
  constructor(
    readonly tags: string[],
    override readonly cause: unknown,
  ) {
    super(`Could not expire the public cache tags ${tags.join(", ")}: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = "CacheInvalidationError";
  }
}

const ATTEMPTS = 3;

/**
 * Records the tags as expired now and announces them to every web process of every
 * server, in one statement: the table lets a listener that was reconnecting catch
 * up; the notification reaches the others within milliseconds.
 */
export async function announceExpiredTags(list: string[]): Promise<void> {
  const payloads = tagPayloads(list);
  for (let attempt = 1; ; attempt++) {
    try {
      await db.$executeRaw`
        WITH expired AS (
          INSERT INTO "CacheTagExpiration" ("tag", "expiredAt")
          SELECT DISTINCT t, clock_timestamp() FROM unnest(${list}::text[]) AS t
          ON CONFLICT ("tag") DO UPDATE SET "expiredAt" = EXCLUDED."expiredAt"
          RETURNING 1
        )
        SELECT pg_notify(${CHANNEL}, p) FROM unnest(${payloads}::text[]) AS p`;
      return;
    } catch (error) {
      if (attempt >= ATTEMPTS) throw new CacheInvalidationError(list, error);
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}

export type RevalidateResult = { ok: true } | { ok: false; error: CacheInvalidationError };

const RETRY_EVERY_MS = 1_000;
const RETRY_FOR_MS = 10 * 60_000;
const retry = { tags: new Set<string>(), since: 0, timer: null as NodeJS.Timeout | null };

/** Keeps trying to announce tags that could not be announced (the database was unreachable). */
function retryInBackground(list: string[]) {
  list.forEach((tag) => retry.tags.add(tag));
  if (retry.timer) return;
  retry.since ||= Date.now();
  retry.timer = setTimeout(async () => {
    retry.timer = null;
    const pending = [...retry.tags];
    retry.tags.clear();
    try {
      await announceExpiredTags(pending);
      console.error(`[cache] expired ${pending.length} public cache tag(s) late, after an earlier failure`);
      retry.since = 0;
    } catch (error) {
      if (Date.now() - retry.since > RETRY_FOR_MS) {
        console.error(`[cache] gave up expiring ${pending.length} public cache tag(s); pages may stay stale for up to a day: ${String(error)}`);
        retry.since = 0;
        return;
      }
      retryInBackground(pending);
    }
  }, RETRY_EVERY_MS);
  retry.timer.unref?.();
}

/**
 * Expires the cached public pages, feeds, API responses and reads that show what
 * changed, on every process of every server, so that the next request renders
 * fresh data (not stale-while-revalidate). Call it after the write has committed,
 * and await it. It never throws (the write stands either way): when the expiry
 * cannot be recorded it logs the failure, keeps retrying in the background, and
 * says so in its result, which callers pass on to whoever made the change.
 */
export async function revalidatePublicRecord(change: PublicChange): Promise<RevalidateResult> {
  const list = tagsFor(change);
  if (list.length === 0) return { ok: true };
  try {
    await announceExpiredTags(list);
  } catch (error) {
    const failure = error instanceof CacheInvalidationError ? error : new CacheInvalidationError(list, error);
    console.error(`[cache] ${failure.message}; retrying in the background`);
    retryInBackground(list);
    return { ok: false, error: failure };
  }
  // This process at once, through Next (its handlers and this request's own
  // bookkeeping). Outside a request (a script, a test, a background job) Next
  // refuses; the notification above reaches this process too, a moment later.
  for (const tag of list) {
    try {
      revalidateTag(tag, { expire: 0 });
    } catch {
      break;
    }
  }
  return { ok: true };
}

/** What the desk tells an editor when their change is saved but the public caches lag. */
export const STALE_PUBLIC_WARNING =
  "Saved. The public site could not be told at once and may show the previous version for a short while; it keeps trying.";
